package jp.keitai.sns.carrier;

import jakarta.servlet.ServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the edge found out about the client of one request: carrier, generation, model, page budget, charset,
 * whether it came through the carrier's own gateway. A request attribute set by {@link EdgeFilter}; templates read it
 * as {@code ${handset}}. Feature code may read it but never branches on the carrier. A bean with getters, not a record,
 * because JSP EL 5 reads only bean properties.
 */
public final class Handset {

    public static final String ATTRIBUTE = Handset.class.getName();

    /** Used when no edge ran (a request outside the filter): a PC with cookies. */
    public static final Handset PC = new Handset(
            "pc",
            DeviceFamily.PC,
            null,
            "html5",
            StandardCharsets.UTF_8,
            "UTF-8",
            "text/html",
            "<!DOCTYPE html>",
            "html5",
            0,
            true,
            false,
            "",
            "pc",
            InputModes.of("html5"),
            null,
            null,
            0,
            false,
            false,
            null);

    private final String carrier;
    private final DeviceFamily family;
    private final CarrierProfile profile;
    private final String generation;
    private final Charset charset;
    private final String charsetLabel;
    private final String contentType;
    private final String doctype;
    private final String markup;
    private final int pageBudget;
    private final boolean cookies;
    private final boolean urlSession;
    private final String httpLinkParams;
    private final String emojiSet;
    private final InputModes input;
    private final String model;
    private final String clientIp;
    private final int cacheKb;
    private final boolean verified;
    private final boolean secure;
    private final String subscriberId;

    Handset(
            String carrier,
            DeviceFamily family,
            CarrierProfile profile,
            String generation,
            Charset charset,
            String charsetLabel,
            String contentType,
            String doctype,
            String markup,
            int pageBudget,
            boolean cookies,
            boolean urlSession,
            String httpLinkParams,
            String emojiSet,
            InputModes input,
            String model,
            String clientIp,
            int cacheKb,
            boolean verified,
            boolean secure,
            String subscriberId) {
        this.carrier = carrier;
        this.family = family;
        this.profile = profile;
        this.generation = generation;
        this.charset = charset;
        this.charsetLabel = charsetLabel;
        this.contentType = contentType;
        this.doctype = doctype;
        this.markup = markup;
        this.pageBudget = pageBudget;
        this.cookies = cookies;
        this.urlSession = urlSession;
        this.httpLinkParams = httpLinkParams;
        this.emojiSet = emojiSet;
        this.input = input;
        this.model = model;
        this.clientIp = clientIp;
        this.cacheKb = cacheKb;
        this.verified = verified;
        this.secure = secure;
        this.subscriberId = subscriberId;
    }

    public static Handset of(ServletRequest request) {
        Object h = request.getAttribute(ATTRIBUTE);
        return h instanceof Handset handset ? handset : PC;
    }

    /** Carrier id as in {@code carrier-config/}: docomo, au, softbank, willcom, emobile, smartphone, pc. */
    public String getCarrier() {
        return carrier;
    }

    public DeviceFamily getFamily() {
        return family;
    }

    /** The carrier's profile (null only for {@link #PC} outside the edge). */
    public CarrierProfile getProfile() {
        return profile;
    }

    /** Browser generation from the carrier file: mova, foma, browser2, wap2, hdml, pdc, 3g, html5 … */
    public String getGeneration() {
        return generation;
    }

    /** What pages are encoded in and forms decoded from (Windows-31J or UTF-8). */
    public Charset getCharset() {
        return charset;
    }

    /** The name put in Content-Type and meta tags ({@code Shift_JIS} for Windows-31J). */
    public String getCharsetLabel() {
        return charsetLabel;
    }

    /** The page content type without charset ({@code application/xhtml+xml} for docomo XHTML). */
    public String getContentType() {
        return contentType;
    }

    public String getDoctype() {
        return doctype;
    }

    /** {@code chtml}, {@code xhtml} or {@code html5}: xhtml needs self-closed empty elements. */
    public String getMarkup() {
        return markup;
    }

    public boolean isXhtml() {
        return "xhtml".equals(markup);
    }

    /** Most bytes one page may have after encoding; 0 = no limit. */
    public int getPageBudget() {
        return pageBudget;
    }

    /** Whether this handset keeps cookies. */
    public boolean isCookies() {
        return cookies;
    }

    /** Whether the session id travels in URLs (no cookies, or the carrier file forces it). */
    public boolean isUrlSession() {
        return urlSession;
    }

    /** Parameters for same-site links over plain HTTP, e.g. {@code guid=ON}; empty for most. */
    public String getHttpLinkParams() {
        return httpLinkParams;
    }

    /** The emoji set the page is converted to (see {@code carrier-config/emoji/carriers.tsv}). */
    public String getEmojiSet() {
        return emojiSet;
    }

    /** Input-mode attributes: {@code ${handset.input.hiragana}}. */
    public InputModes getInput() {
        return input;
    }

    /** Model as the User-Agent names it (P903i, CA39, 910T …), or null. */
    public String getModel() {
        return model;
    }

    /** The client address, after trusted proxies. */
    public String getClientIp() {
        return clientIp;
    }

    /** Cache size the handset states, in KB; 0 if unknown. */
    public int getCacheKb() {
        return cacheKb;
    }

    /** True when the request came from this carrier's own gateway range with this carrier's User-Agent. */
    public boolean isVerified() {
        return verified;
    }

    /** True for a carrier User-Agent from outside the carrier's gateway ranges: its pages, but no subscriber ID. */
    public boolean isUnverifiedHandset() {
        return family == DeviceFamily.KEITAI && !verified;
    }

    /** HTTPS as the client sees it (X-Forwarded-Proto from a trusted proxy counts). */
    public boolean isSecure() {
        return secure;
    }

    public boolean isKeitai() {
        return family == DeviceFamily.KEITAI;
    }

    /**
     * The carrier subscriber ID (X-DCMGUID, X-UP-SUBNO, X-JPHONE-UID), present only when the request came over plain
     * HTTP from the owning carrier's gateway. Personal data: compare it hashed, never log or show it. Deliberately not
     * a bean property, so templates cannot print it.
     */
    public Optional<String> verifiedSubscriberId() {
        return Optional.ofNullable(subscriberId);
    }

    /** Template suffixes to try, most specific first: carrier, then family. */
    public List<String> templateSuffixes() {
        return carrier.equals(family.suffix()) ? List.of(carrier) : List.of(carrier, family.suffix());
    }

    /** Never includes the subscriber ID. */
    @Override
    public String toString() {
        return "Handset[" + carrier + "/" + generation + (model == null ? "" : " " + model) + ", "
                + (verified ? "verified" : "unverified") + ", budget " + pageBudget + "]";
    }
}

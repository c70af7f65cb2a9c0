package jp.keitai.sns.carrier;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the edge and the mail channel know about one carrier, read from its file in {@code carrier-config/}. Code
 * reads these values instead of asking "is this docomo?". Mail domains and gateway ranges live in
 * {@link CarrierRegistry}, because operators may change them at run time.
 */
public final class CarrierProfile {

    /** When to carry the session id in URLs. */
    public enum UrlSession {
        /** only for generations without cookies */
        AUTO,
        /** always (operators force it when a carrier's cookies misbehave) */
        ALWAYS
    }

    private final String id;
    private final String name;
    private final DeviceFamily family;
    private final Charset charset;
    private final String charsetLabel;
    private final String emoji;
    private final String inputMode;
    private final List<String> imageFormats;
    private final UrlSession urlSession;
    private final String subscriberIdHeader;
    private final String httpLinkParams;
    private final Pattern model;
    private final Pattern cache;
    private final String cacheHeader;
    private final List<Pattern> userAgents;
    private final List<Generation> generations;
    private final boolean fallback;
    private final MailProfile mail;

    CarrierProfile(
            String id,
            String name,
            DeviceFamily family,
            Charset charset,
            String charsetLabel,
            String emoji,
            String inputMode,
            List<String> imageFormats,
            UrlSession urlSession,
            String subscriberIdHeader,
            String httpLinkParams,
            Pattern model,
            Pattern cache,
            String cacheHeader,
            List<Pattern> userAgents,
            List<Generation> generations,
            boolean fallback,
            MailProfile mail) {
        this.id = id;
        this.name = name;
        this.family = family;
        this.charset = charset;
        this.charsetLabel = charsetLabel;
        this.emoji = emoji;
        this.inputMode = inputMode;
        this.imageFormats = List.copyOf(imageFormats);
        this.urlSession = urlSession;
        this.subscriberIdHeader = subscriberIdHeader;
        this.httpLinkParams = httpLinkParams;
        this.model = model;
        this.cache = cache;
        this.cacheHeader = cacheHeader;
        this.userAgents = List.copyOf(userAgents);
        this.generations = List.copyOf(generations);
        this.fallback = fallback;
        this.mail = mail;
    }

    /** True when one of the carrier's User-Agent patterns (each anchored at the start) matches. */
    public boolean claims(String userAgent) {
        for (Pattern p : userAgents) {
            if (p.matcher(userAgent).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first generation whose pattern matches, else the last one listed. */
    public Generation generationFor(String userAgent) {
        for (Generation g : generations) {
            if (g.matches(userAgent)) {
                return g;
            }
        }
        return generations.get(generations.size() - 1);
    }

    Optional<String> model(String userAgent) {
        return group(model, userAgent);
    }

    /** The cache size the User-Agent states, in KB (docomo {@code c100}, WILLCOM {@code C100}). */
    Optional<Integer> cacheKb(String userAgent) {
        return group(cache, userAgent).map(Integer::valueOf);
    }

    private static Optional<String> group(Pattern p, String s) {
        if (p == null || s == null) {
            return Optional.empty();
        }
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return Optional.of(m.group(i));
            }
        }
        return Optional.empty();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public DeviceFamily getFamily() {
        return family;
    }

    public Charset getCharset() {
        return charset;
    }

    public String getCharsetLabel() {
        return charsetLabel;
    }

    /** The emoji set for {@link jp.keitai.sns.carrier.emoji.EmojiCodec} (a carrier id it knows). */
    public String getEmoji() {
        return emoji;
    }

    /** {@code istyle}, {@code wap-input-format}, {@code mode}, {@code html5} or {@code none}. */
    public String getInputMode() {
        return inputMode;
    }

    public List<String> getImageFormats() {
        return imageFormats;
    }

    public UrlSession getUrlSession() {
        return urlSession;
    }

    /** The header this carrier's gateway puts the subscriber ID in, if it has one. */
    public Optional<String> subscriberIdHeader() {
        return Optional.ofNullable(subscriberIdHeader);
    }

    /** Query parameters added to same-site links over plain HTTP ({@code guid=ON} for docomo), or empty. */
    public String getHttpLinkParams() {
        return httpLinkParams == null ? "" : httpLinkParams;
    }

    Optional<String> cacheHeader() {
        return Optional.ofNullable(cacheHeader);
    }

    public List<Generation> getGenerations() {
        return generations;
    }

    /** How mail to and from this carrier's handsets is written (its {@code [mail]} section). */
    public MailProfile getMail() {
        return mail;
    }

    /** The catch-all carrier (PC) used when nothing else claims a User-Agent. */
    public boolean isFallback() {
        return fallback;
    }

    @Override
    public String toString() {
        return id;
    }
}

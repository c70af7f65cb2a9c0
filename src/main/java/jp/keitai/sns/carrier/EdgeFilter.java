package jp.keitai.sns.carrier;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;
import jp.keitai.sns.carrier.emoji.EmojiCodec;
import jp.keitai.sns.system.Settings;

/**
 * The handset edge for HTTP (DESIGN.md §1, steps 1–6): finds the handset, decodes what it sends into Unicode, and
 * turns the finished page into what the handset can take — its emoji, its charset, its byte budget, the session id in
 * URLs where cookies do not work, no-store headers for signed-in members. Declared first in {@code web.xml}.
 */
public class EdgeFilter extends HttpFilter {

    /** Request attribute the sign-in code sets (a String) while a member is signed in. */
    public static final String SESSION_TOKEN = "jp.keitai.sns.web.sessionToken";

    /** Setting: the largest URL-encoded form body accepted, in bytes. */
    public static final String MAX_FORM_BYTES = "sns.edge.max-form-bytes";

    private static final Logger LOG = Logger.getLogger(EdgeFilter.class.getName());

    @Inject
    HandsetDetector detector;

    @Inject
    Settings settings;

    private final EmojiCodec emoji = EmojiCodec.bundled();
    /** Buffers for the pages in flight: about one set per request thread is kept. */
    private final PageBuffers.Pool pool = new PageBuffers.Pool(64);

    private int maxFormBytes;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        maxFormBytes = settings.intValue(MAX_FORM_BYTES, 128 * 1024, 1024, 16 * 1024 * 1024);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // 1–2: who is asking
        Handset handset = detector.detect(request);
        request.setAttribute(Handset.ATTRIBUTE, handset);
        EmojiCodec.Source source = source(handset);

        // 3: request decoding into Unicode
        EdgeRequest edgeRequest;
        try {
            edgeRequest = EdgeRequest.wrap(
                    request, handset, text -> emoji.toUnicode(text, handset.getEmojiSet(), source), maxFormBytes);
        } catch (EdgeRequest.TooLarge e) {
            refuseTooLarge(response, handset);
            return;
        }

        PageBuffers buffers = pool.take();
        EdgeResponse edge = new EdgeResponse(response, edgeRequest, handset, host(request), buffers.page());
        try {
            chain.doFilter(edgeRequest, edge);
            edge.noStore();
            if (edge.hasText() && !response.isCommitted()) {
                send(edge, buffers, handset, source, edgeRequest, response);
            }
        } finally {
            edge.detach(); // the buffers go to another request next: nothing may write this page into them later
            pool.give(buffers);
        }
    }

    /**
     * Steps 4–6 for a finished page: emoji and characters for the handset, the session id and carrier parameters in
     * its links, its byte budget, its charset. Each step writes into the other of two buffers, and the page is encoded
     * once into a third, so a page is not copied per step.
     */
    private void send(
            EdgeResponse edge,
            PageBuffers buffers,
            Handset handset,
            EmojiCodec.Source source,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String contentType = response.getContentType();
        boolean html = contentType == null
                || contentType.toLowerCase(Locale.ROOT).startsWith("text/html")
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/xhtml+xml");
        emoji.fromUnicode(edge.text(), handset.getEmojiSet(), source, buffers.next()); // text() is buffers.page()
        buffers.swap();
        LinkRewriter links = html ? edge.links() : null;
        if (html) {
            if (request.getRequestURI().equals(request.getContextPath() + LinkRewriter.OUT)) {
                links.directExternalLinks();
            }
            if (links.active()) {
                links.page(buffers.page(), buffers.next());
                buffers.swap();
            }
        }
        int length = buffers.encode(buffers.page(), handset.getCharset(), html);
        byte[] body = buffers.bytes();
        int budget = html ? handset.getPageBudget() : 0;
        if (budget > 0 && length > budget && isGet(request) && buffers.page().indexOf(PageSplitter.START) >= 0) {
            // too long for the handset: cut the marked part into parts (rare, so the page is copied here)
            PageSplitter.Result r = split(buffers.page().toString(), handset, request, links);
            body = r.page().getBytes(handset.getCharset());
            length = body.length;
        }
        if (budget > 0 && length > budget) {
            int size = length;
            LOG.warning(() -> request.getRequestURI() + ": " + size + " bytes for a " + budget + "-byte "
                    + handset.getCarrier() + "/" + handset.getGeneration()
                    + " budget; mark the long part of the template with <k:split>");
        }
        if (html) {
            response.setContentType(handset.getContentType() + "; charset=" + handset.getCharsetLabel());
        } else {
            String type = contentType.contains(";") ? contentType.substring(0, contentType.indexOf(';')) : contentType;
            response.setContentType(type + "; charset=" + handset.getCharsetLabel());
        }
        response.setContentLength(length);
        response.getOutputStream().write(body, 0, length);
    }

    private static boolean isGet(HttpServletRequest request) {
        // parts are fetched with GET; a POST answer should redirect (PRG) rather than be long
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private PageSplitter.Result split(String page, Handset handset, HttpServletRequest request, LinkRewriter links) {
        int part = 1;
        String asked = request.getParameter(PageSplitter.PART);
        if (asked != null && asked.matches("\\d{1,4}")) {
            part = Integer.parseInt(asked);
        }
        String base = request.getRequestURI() + queryWithout(request.getQueryString(), PageSplitter.PART);
        return PageSplitter.split(
                page,
                handset.getPageBudget(),
                handset.getCharset(),
                part,
                n -> links.url(base + (base.contains("?") ? "&" : "?") + PageSplitter.PART + "=" + n)
                        .replace("&", "&amp;")
                        .replace("&amp;amp;", "&amp;"),
                handset.isXhtml());
    }

    private static String queryWithout(String query, String name) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=") || pair.isEmpty()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "?" : "&").append(pair);
        }
        return sb.toString();
    }

    static EmojiCodec.Source source(Handset handset) {
        return handset.getCharset().equals(StandardCharsets.UTF_8) ? EmojiCodec.Source.UNICODE : EmojiCodec.Source.SJIS;
    }

    private static String host(HttpServletRequest request) {
        return request.getServerName();
    }

    private static void refuseTooLarge(HttpServletResponse response, Handset handset) throws IOException {
        // written here, not by a template: the form was not read, so nothing behind the edge may run. XHTML as
        // <k:page> writes it (a strict handset shows only a parse error otherwise)
        boolean xhtml = handset.isXhtml();
        String page = (xhtml ? "<?xml version=\"1.0\" encoding=\"" + handset.getCharsetLabel() + "\"?>\n" : "")
                + handset.getDoctype()
                + (xhtml
                        ? "\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"ja\" lang=\"ja\">"
                        : "\n<html lang=\"ja\">")
                + "<head><title>送信できません</title></head><body>"
                + "送信された内容が大きすぎます。短くしてもう一度送ってください。<br"
                + (xhtml ? " />" : ">") + "<a href=\"/\" accesskey=\"0\">トップへ</a></body></html>";
        byte[] body = page.getBytes(handset.getCharset());
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType(handset.getContentType() + "; charset=" + handset.getCharsetLabel());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** For templates and the /out page: a URL-encoded value. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

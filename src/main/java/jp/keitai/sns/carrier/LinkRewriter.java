package jp.keitai.sns.carrier;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Same-site URLs get the session id ({@code sid}) for handsets that carry it in URLs, and the carrier's link
 * parameters over plain HTTP ({@code guid=ON} for docomo); links to other hosts go through the {@code /out}
 * interstitial so the session id never leaves in a Referer. Applied by the response wrapper's {@code encodeURL} and
 * once more over the finished page, so a template that forgot {@code <c:url>} still gets it right.
 */
final class LinkRewriter {

    static final String SID = "sid";
    static final String OUT = "/out";

    private static final Pattern TAG = Pattern.compile("<(a|form)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR =
            Pattern.compile("(\\s(href|action)\\s*=\\s*)(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD_POST =
            Pattern.compile("\\smethod\\s*=\\s*[\"']?post", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_AMP = Pattern.compile("&(?!(?:amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);)");

    private final String sid;
    private final String linkParams;
    private final String host;
    private final String contextPath;
    private final boolean xhtml;
    private boolean rewriteExternal = true;

    /**
     * @param sid the session token to carry in URLs, or null
     * @param linkParams e.g. {@code guid=ON}, or empty
     * @param host this site's host as the client addressed it (Host header, without port)
     */
    LinkRewriter(String sid, String linkParams, String host, String contextPath, boolean xhtml) {
        this.sid = sid;
        this.linkParams = linkParams == null ? "" : linkParams;
        this.host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        this.contextPath = contextPath == null ? "" : contextPath;
        this.xhtml = xhtml;
    }

    /** The interstitial itself links out directly. */
    LinkRewriter directExternalLinks() {
        rewriteExternal = false;
        return this;
    }

    boolean active() {
        return sid != null || !linkParams.isEmpty();
    }

    /** For encodeURL: same-site URLs get the parameters; anything else is returned unchanged. */
    String url(String url) {
        if (url == null || !active() || !isSameSite(url) || isInterstitial(url)) {
            return url;
        }
        return addParams(url, "&");
    }

    /** The whole page: every {@code <a href>} and {@code <form action>}; GET forms get hidden fields. */
    String page(String html) {
        if (html.indexOf('<') < 0) {
            return html;
        }
        Matcher tag = TAG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        int last = 0;
        while (tag.find()) {
            out.append(html, last, tag.start());
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String attrs = tag.group(2);
            String rewritten = rewriteAttrs(attrs);
            out.append('<').append(tag.group(1)).append(rewritten).append('>');
            if (name.equals("form") && !METHOD_POST.matcher(attrs).find() && !hasHiddenFields(html, tag.end())) {
                out.append(hiddenFields()); // a GET form drops the action's query string
            }
            last = tag.end();
        }
        out.append(html, last, html.length());
        return out.toString();
    }

    private String rewriteAttrs(String attrs) {
        Matcher a = ATTR.matcher(attrs);
        if (!a.find()) {
            return attrs;
        }
        String value = a.group(4) != null ? a.group(4) : a.group(5);
        char quote = a.group(4) != null ? '"' : '\'';
        String url = value;
        if (isExternal(url)) {
            if (sid != null && rewriteExternal) {
                url = contextPath + OUT + "?url=" + URLEncoder.encode(unescape(url), StandardCharsets.UTF_8);
            }
        } else if (isSameSite(url) && active() && !isInterstitial(url)) {
            url = addParams(url, "&amp;");
        }
        url = BARE_AMP.matcher(url).replaceAll("&amp;");
        return attrs.substring(0, a.start()) + a.group(1) + quote + url + quote + attrs.substring(a.end());
    }

    private boolean hasHiddenFields(String html, int from) {
        int end = html.indexOf("</form", from);
        String form = html.substring(from, end < 0 ? html.length() : end);
        return (sid == null || form.contains("name=\"" + SID + "\""))
                && (linkParams.isEmpty()
                        || form.contains("name=\"" + linkParams.substring(0, linkParams.indexOf('=')) + "\""));
    }

    /** The interstitial's own URL never carries the session id: it is what the other site sees as Referer. */
    private boolean isInterstitial(String url) {
        return url.equals(contextPath + OUT) || url.startsWith(contextPath + OUT + "?");
    }

    private String hiddenFields() {
        StringBuilder sb = new StringBuilder();
        String close = xhtml ? " />" : ">";
        if (sid != null) {
            sb.append("<input type=\"hidden\" name=\"" + SID + "\" value=\"")
                    .append(escape(sid))
                    .append('"')
                    .append(close);
        }
        if (!linkParams.isEmpty()) {
            for (String p : linkParams.split("&")) {
                int eq = p.indexOf('=');
                sb.append("<input type=\"hidden\" name=\"")
                        .append(p, 0, eq)
                        .append("\" value=\"")
                        .append(p.substring(eq + 1))
                        .append('"')
                        .append(close);
            }
        }
        return sb.toString();
    }

    private String addParams(String url, String amp) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String base = hash < 0 ? url : url.substring(0, hash);
        StringBuilder sb = new StringBuilder(base);
        if (sid != null && !hasParam(base, SID)) {
            sb.append(base.indexOf('?') < 0 ? "?" : amp);
            sb.append(SID).append('=').append(URLEncoder.encode(sid, StandardCharsets.UTF_8));
        }
        for (String p : linkParams.isEmpty() ? new String[0] : linkParams.split("&")) {
            String name = p.substring(0, p.indexOf('='));
            if (!hasParam(sb.toString(), name)) {
                sb.append(sb.indexOf("?") < 0 ? "?" : amp).append(p);
            }
        }
        return sb.append(fragment).toString();
    }

    private static boolean hasParam(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return false;
        }
        String query = url.substring(q + 1).replace("&amp;", "&");
        for (String pair : query.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /** Relative URLs and absolute ones naming this host; not mailto:, tel:, fragments alone or other schemes. */
    boolean isSameSite(String url) {
        String u = url.strip();
        if (u.isEmpty() || u.startsWith("#")) {
            return false;
        }
        if (u.startsWith("//")) {
            return hostOf("http:" + u).equals(host);
        }
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        int question = u.indexOf('?');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && (question < 0 || colon < question);
        if (!hasScheme) {
            return true;
        }
        String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https"))
                && hostOf(unescape(u)).equals(host);
    }

    boolean isExternal(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return (u.startsWith("http://") || u.startsWith("https://") || u.startsWith("//")) && !isSameSite(url);
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(url.replace(" ", "%20")).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "\0"; // unparseable: treat as another host
        }
    }

    private static String unescape(String attr) {
        return attr.replace("&amp;", "&");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}

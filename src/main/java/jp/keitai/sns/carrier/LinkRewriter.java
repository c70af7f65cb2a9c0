package jp.keitai.sns.carrier;

import static jp.keitai.sns.carrier.MarkupScan.escapeBareAmpersands;
import static jp.keitai.sns.carrier.MarkupScan.indexOf;
import static jp.keitai.sns.carrier.MarkupScan.isSpace;
import static jp.keitai.sns.carrier.MarkupScan.regionEquals;
import static jp.keitai.sns.carrier.MarkupScan.startsWithIgnoreCase;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

    static final Pattern METHOD_POST = Pattern.compile("\\smethod\\s*=\\s*[\"']?post", Pattern.CASE_INSENSITIVE);

    private final String sid;
    private final String linkParams;
    private final String sidParam; // sid=..., encoded once per page
    private final String[] linkParamPairs;
    private final String[] linkParamNames;
    private final String host;
    private final String contextPath;
    private final String interstitial; // contextPath + OUT
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
        this.sidParam = sid == null ? null : SID + "=" + URLEncoder.encode(sid, StandardCharsets.UTF_8);
        String[] pairs = this.linkParams.isEmpty() ? new String[0] : this.linkParams.split("&");
        this.linkParamPairs = pairs;
        this.linkParamNames = new String[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            linkParamNames[i] = pairs[i].substring(0, pairs[i].indexOf('='));
        }
        this.host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        this.contextPath = contextPath == null ? "" : contextPath;
        this.interstitial = this.contextPath + OUT;
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

    /** The whole page as {@link #page(CharSequence, StringBuilder)} writes it. */
    String page(String html) {
        StringBuilder out = new StringBuilder(html.length() + 256);
        page(html, out);
        return out.toString();
    }

    /**
     * The whole page, appended to {@code out}: every {@code <a href>} and {@code <form action>}; GET forms get hidden
     * fields. A hand-written scan, not regular expressions, because every keitai page passes through here;
     * {@code LinkRewriterTest} holds the regular expressions as the reference it is compared with.
     */
    void page(CharSequence html, StringBuilder out) {
        int last = 0;
        for (int lt = indexOf(html, '<', 0); lt >= 0; lt = indexOf(html, '<', lt + 1)) {
            int nameEnd = tagNameEnd(html, lt + 1);
            if (nameEnd < 0) {
                continue;
            }
            int gt = indexOf(html, '>', nameEnd);
            if (gt < 0) {
                break;
            }
            String attrs = html.subSequence(nameEnd, gt).toString();
            String rewritten = rewriteAttrs(attrs);
            boolean form = nameEnd - lt == 5;
            boolean hidden = form && !METHOD_POST.matcher(attrs).find() && !hasHiddenFields(html, gt + 1);
            if (rewritten.equals(attrs) && !hidden) {
                lt = gt;
                continue;
            }
            out.append(html, last, nameEnd).append(rewritten).append('>');
            if (hidden) {
                out.append(hiddenFields()); // a GET form drops the action's query string
            }
            last = gt + 1;
            lt = gt;
        }
        out.append(html, last, html.length());
    }

    /** After {@code <a} or {@code <form} (any case) followed by a non-word character: the name's end; else -1. */
    private static int tagNameEnd(CharSequence html, int i) {
        int end;
        if (startsWithIgnoreCase(html, i, "a")) {
            end = i + 1;
        } else if (startsWithIgnoreCase(html, i, "form")) {
            end = i + 4;
        } else {
            return -1;
        }
        if (end >= html.length()) {
            return -1;
        }
        char c = html.charAt(end);
        return Character.isLetterOrDigit(c) || c == '_' ? -1 : end;
    }

    /** The first {@code href=} or {@code action=} (quoted) in a tag's attributes, with the URL rewritten. */
    private String rewriteAttrs(String attrs) {
        int n = attrs.length();
        for (int i = 0; i < n; i++) {
            if (!isSpace(attrs.charAt(i))) {
                continue;
            }
            int j = i + 1;
            if (attrs.regionMatches(true, j, "href", 0, 4)) {
                j += 4;
            } else if (attrs.regionMatches(true, j, "action", 0, 6)) {
                j += 6;
            } else {
                continue;
            }
            while (j < n && isSpace(attrs.charAt(j))) {
                j++;
            }
            if (j >= n || attrs.charAt(j) != '=') {
                continue;
            }
            j++;
            while (j < n && isSpace(attrs.charAt(j))) {
                j++;
            }
            if (j >= n || (attrs.charAt(j) != '"' && attrs.charAt(j) != '\'')) {
                continue;
            }
            char quote = attrs.charAt(j);
            int close = attrs.indexOf(quote, j + 1);
            if (close < 0) {
                continue;
            }
            String value = attrs.substring(j + 1, close);
            String url = rewriteUrl(value);
            return url.equals(value) ? attrs : attrs.substring(0, j + 1) + url + attrs.substring(close);
        }
        return attrs;
    }

    /** One link's URL as it goes out: session parameters, /out for other sites, bare {@code &} escaped. */
    String rewriteUrl(String url) {
        if (isExternal(url)) {
            if (sid != null && rewriteExternal) {
                url = interstitial + "?url=" + URLEncoder.encode(unescape(url), StandardCharsets.UTF_8);
            }
        } else if (isSameSite(url) && active() && !isInterstitial(url)) {
            url = addParams(url, "&amp;");
        }
        return escapeBareAmpersands(url);
    }

    boolean hasHiddenFields(CharSequence html, int from) {
        int end = indexOf(html, "</form", from);
        String form = html.subSequence(from, end < 0 ? html.length() : end).toString();
        return (sid == null || form.contains("name=\"" + SID + "\""))
                && (linkParamNames.length == 0 || form.contains("name=\"" + linkParamNames[0] + "\""));
    }

    /** The interstitial's own URL never carries the session id: it is what the other site sees as Referer. */
    private boolean isInterstitial(String url) {
        return url.startsWith(interstitial)
                && (url.length() == interstitial.length() || url.charAt(interstitial.length()) == '?');
    }

    String hiddenFields() {
        StringBuilder sb = new StringBuilder();
        String close = xhtml ? " />" : ">";
        if (sid != null) {
            sb.append("<input type=\"hidden\" name=\"" + SID + "\" value=\"")
                    .append(escape(sid))
                    .append('"')
                    .append(close);
        }
        for (int i = 0; i < linkParamNames.length; i++) {
            String name = linkParamNames[i];
            sb.append("<input type=\"hidden\" name=\"")
                    .append(name)
                    .append("\" value=\"")
                    .append(linkParamPairs[i], name.length() + 1, linkParamPairs[i].length())
                    .append('"')
                    .append(close);
        }
        return sb.toString();
    }

    private String addParams(String url, String amp) {
        int hash = url.indexOf('#');
        int end = hash < 0 ? url.length() : hash;
        StringBuilder sb = new StringBuilder(url.length() + 64).append(url, 0, end);
        if (sid != null && !hasParam(sb, SID)) {
            sb.append(sb.indexOf("?") < 0 ? "?" : amp).append(sidParam);
        }
        for (int i = 0; i < linkParamNames.length; i++) {
            if (!hasParam(sb, linkParamNames[i])) {
                sb.append(sb.indexOf("?") < 0 ? "?" : amp).append(linkParamPairs[i]);
            }
        }
        return sb.append(url, end, url.length()).toString();
    }

    /**
     * Whether the URL's query has the parameter, with or without a value; {@code &amp;} separates as {@code &} does.
     * Scans in place: it runs for every link of every keitai page.
     */
    private static boolean hasParam(CharSequence url, String name) {
        int n = url.length();
        int i = indexOf(url, '?', 0);
        if (i < 0) {
            return false;
        }
        int start = i + 1;
        while (start <= n) {
            int next = indexOf(url, '&', start);
            int stop = next < 0 ? n : next;
            int len = name.length();
            if (stop - start >= len
                    && regionEquals(url, start, name)
                    && (stop - start == len || url.charAt(start + len) == '=')) {
                return true;
            }
            if (next < 0) {
                return false;
            }
            start = regionEquals(url, next, "&amp;") ? next + 5 : next + 1;
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

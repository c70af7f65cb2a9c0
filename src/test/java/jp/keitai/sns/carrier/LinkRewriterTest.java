package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkRewriter#page} scans pages by hand (issue 9: its regular expressions were a quarter of the home page's
 * CPU). It must do exactly what the regular expressions did; this test keeps them as the reference and compares the
 * two on many pages built from awkward pieces.
 */
class LinkRewriterTest {

    private static final Pattern TAG = Pattern.compile("<(a|form)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR =
            Pattern.compile("(\\s(href|action)\\s*=\\s*)(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

    /** The regular-expression version, as it was: tags found by {@link #TAG}, the URL by {@link #ATTR}. */
    private static String reference(LinkRewriter links, String html) {
        Matcher tag = TAG.matcher(html);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (tag.find()) {
            out.append(html, last, tag.start());
            String attrs = tag.group(2);
            Matcher a = ATTR.matcher(attrs);
            String rewritten = attrs;
            if (a.find()) {
                boolean dq = a.group(4) != null;
                String url = links.rewriteUrl(dq ? a.group(4) : a.group(5));
                char quote = dq ? '"' : '\'';
                rewritten = attrs.substring(0, a.start()) + a.group(1) + quote + url + quote + attrs.substring(a.end());
            }
            out.append('<').append(tag.group(1)).append(rewritten).append('>');
            if (tag.group(1).equalsIgnoreCase("form")
                    && !LinkRewriter.METHOD_POST.matcher(attrs).find()
                    && !links.hasHiddenFields(html, tag.end())) {
                out.append(links.hiddenFields());
            }
            last = tag.end();
        }
        return out.append(html, last, html.length()).toString();
    }

    private static final List<String> PIECES = List.of(
            "<a href=\"/x?a=1&amp;b=2\">",
            "<A HREF='/y'>",
            "<a  href = \"/z#f\" >",
            "<a hreflang=\"ja\" href=\"/h\">",
            "<a data-href=\"/no\" href=\"/yes\">",
            "<a name=\"top\">",
            "<a href=\"#top\">",
            "<a href=\"http://other.example.com/p?q=1&r=2\">",
            "<a href=\"https://sns.example.jp/self\">",
            "<a href=\"mailto:a@b.jp\">",
            "<a href=\"/out?url=x\">",
            "<a href=\"/unterminated>",
            "<abbr title=\"a\">",
            "<area href=\"/area\">",
            "<a\nhref=\"/nl\">",
            "<a\thref='/tab'>",
            "<a href=\"/amp&x=1\">",
            "<form action=\"/s\">",
            "<FORM method=\"post\" action=\"/p\">",
            "<form method=get action='/g'>",
            "<form action=\"/s\"><input type=\"hidden\" name=\"sid\" value=\"t\" /><input type=\"hidden\" name=\"guid\""
                    + " value=\"ON\" />",
            "<formx action=\"/not\">",
            "</form>",
            "</a>",
            "テキスト",
            "&amp;",
            "<",
            ">",
            " ",
            "<br />",
            "<a",
            "<a>",
            "<a href=\"/e\"");

    @Test
    void scansPagesExactlyAsTheRegularExpressionsDid() {
        List<LinkRewriter> rewriters = List.of(
                new LinkRewriter("tok/en+1", "guid=ON", "sns.example.jp", "", true),
                new LinkRewriter(null, "guid=ON", "sns.example.jp", "", false),
                new LinkRewriter("t", "", "sns.example.jp", "/ctx", true),
                new LinkRewriter("t", "", "sns.example.jp", "", false).directExternalLinks());
        Random random = new Random(9);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder page = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                page.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String html = page.toString();
            LinkRewriter links = rewriters.get(n % rewriters.size());
            assertEquals(reference(links, html), links.page(html), html);
        }
    }

    private static final Pattern BARE_AMP = Pattern.compile("&(?!(?:amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);)");

    @Test
    void escapesBareAmpersandsExactlyAsTheRegularExpressionDid() {
        List<String> pieces =
                List.of("&", "amp;", "lt;", "gt", ";", "quot;", "apos", "#", "x", "12", "fF", "Ｆ", "１", "a=1", "?");
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder("/p");
            for (int k = random.nextInt(8); k >= 0; k--) {
                url.append(pieces.get(random.nextInt(pieces.size())));
            }
            String u = url.toString();
            assertEquals(BARE_AMP.matcher(u).replaceAll("&amp;"), MarkupScan.escapeBareAmpersands(u), u);
        }
    }

    /** The parameter check before it scanned in place (issue 9): split and compare, as the reference. */
    private static String referenceAddParams(String url, String sid, String linkParams) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String base = hash < 0 ? url : url.substring(0, hash);
        StringBuilder sb = new StringBuilder(base);
        if (sid != null && !referenceHasParam(base, "sid")) {
            sb.append(base.indexOf('?') < 0 ? "?" : "&");
            sb.append("sid=").append(java.net.URLEncoder.encode(sid, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String p : linkParams.isEmpty() ? new String[0] : linkParams.split("&")) {
            String name = p.substring(0, p.indexOf('='));
            if (!referenceHasParam(sb.toString(), name)) {
                sb.append(sb.indexOf("?") < 0 ? "?" : "&").append(p);
            }
        }
        return sb.append(fragment).toString();
    }

    private static boolean referenceHasParam(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return false;
        }
        for (String pair : url.substring(q + 1).replace("&amp;", "&").split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void addsParametersExactlyAsTheSplittingCheckDid() {
        List<String> pieces = List.of(
                "?", "&", "&amp;", "amp;", "sid", "sid=", "t", "guid", "guid=ON", "=", "sidx=1", "a=sid", "#", "#f",
                "x", "/p", "&&", "ON");
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder url = new StringBuilder("/m");
            for (int k = random.nextInt(7); k >= 0; k--) {
                url.append(pieces.get(random.nextInt(pieces.size())));
            }
            String u = url.toString();
            assertEquals(
                    referenceAddParams(u, "tok/en+1", "guid=ON"),
                    new LinkRewriter("tok/en+1", "guid=ON", "sns.example.jp", "", true).url(u),
                    u);
            assertEquals(
                    referenceAddParams(u, null, "guid=ON"),
                    new LinkRewriter(null, "guid=ON", "sns.example.jp", "", true).url(u),
                    u);
            assertEquals(
                    referenceAddParams(u, "t", ""), new LinkRewriter("t", "", "sns.example.jp", "", true).url(u), u);
        }
    }
}

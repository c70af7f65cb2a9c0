package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Page splitting, link rewriting and form decoding: the text work of the edge, byte for byte. */
class EdgeTextTest {

    static final Charset SJIS = Charset.forName("Windows-31J");

    @Test
    void longPagesSplitWithinTheBudgetNeverInsideATagOrCharacter() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            body.append("<div>第")
                    .append(i)
                    .append("話 今日は晴れ\uE63Eでした。<a href=\"/d/")
                    .append(i)
                    .append("\">続き</a></div>");
        }
        body.append("<p>").append("あ".repeat(3000)).append("</p>"); // one paragraph longer than a page
        String head = "<html><head><title>t</title></head><body><div>ヘッダ</div>";
        String tail = "<hr>フッタ</body></html>";
        String page = head + PageSplitter.START + body + PageSplitter.END + tail;
        int budget = 5000;
        PageSplitter.Result first = PageSplitter.split(page, budget, SJIS, 1, n -> "/x?part=" + n, false);
        assertTrue(first.parts() > 3, "split into parts: " + first.parts());
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= first.parts(); p++) {
            PageSplitter.Result r = PageSplitter.split(page, budget, SJIS, p, n -> "/x?part=" + n, false);
            byte[] bytes = r.page().getBytes(SJIS);
            assertTrue(bytes.length <= budget, "part " + p + ": " + bytes.length + " bytes");
            assertEquals(r.page(), new String(bytes, SJIS), "whole characters only");
            assertTrue(r.page().startsWith(head) && r.page().endsWith(tail));
            assertEquals(count(r.page(), "<div"), count(r.page(), "</div>"), "balanced in part " + p);
            assertEquals(count(r.page(), "<p>"), count(r.page(), "</p>"), "balanced in part " + p);
            assertFalse(r.page().matches("(?s).*<[^>]*<.*"), "no tag cut in part " + p);
            if (p > 1) {
                assertTrue(r.page().contains("accesskey=\"*\">[*]前へ</a>"));
            }
            if (p < first.parts()) {
                assertTrue(r.page().contains("accesskey=\"#\">次へ[#]</a>"));
            }
            all.append(r.page(), head.length(), r.page().length() - tail.length());
        }
        // nothing lost: every text character of the body appears across the parts
        String text = body.toString().replaceAll("<[^>]+>", "");
        String seen = all.toString()
                .replaceAll("<div style=\"text-align:center\">.*?</div>", "")
                .replaceAll("<[^>]+>", "");
        assertEquals(text, seen);
    }

    @Test
    void smallPagesAreLeftAloneAndEmojiSequencesStayWhole() {
        String page = "<body>" + PageSplitter.START + "短い" + PageSplitter.END + "</body>";
        assertEquals(
                "<body>短い</body>",
                PageSplitter.split(page, 5000, SJIS, 1, n -> "", false).page());
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        List<String> parts = PageSplitter.cut(family.repeat(200), 300, StandardCharsets.UTF_8);
        for (String p : parts) {
            assertEquals(0, p.replace(family, "").length(), "only whole families: " + p.length());
        }
    }

    @Test
    void sessionIdAndGuidGoIntoSameSiteLinksAndExternalLinksGoThroughOut() {
        LinkRewriter links = new LinkRewriter("tok/en+1", "guid=ON", "sns.example.jp", "", true);
        assertEquals("/home?sid=tok%2Fen%2B1&guid=ON", links.url("/home"));
        assertEquals("/d?id=1&sid=tok%2Fen%2B1&guid=ON#c", links.url("/d?id=1#c"));
        assertEquals("http://sns.example.jp/a?sid=tok%2Fen%2B1&guid=ON", links.url("http://sns.example.jp/a"));
        assertEquals("http://other.example.com/", links.url("http://other.example.com/"));
        assertEquals("mailto:a@b.jp", links.url("mailto:a@b.jp"));
        String page = links.page(
                "<a href=\"/x?a=1&amp;b=2\">x</a><a href='https://other.example.com/p?q=1&amp;r=2'>o</a>"
                        + "<form action=\"/s\">q</form><form method=\"post\" action=\"/p\"></form><a href=\"#top\">t</a>");
        assertTrue(page.contains("<a href=\"/x?a=1&amp;b=2&amp;sid=tok%2Fen%2B1&amp;guid=ON\">"), page);
        assertTrue(page.contains("<a href='/out?url=https%3A%2F%2Fother.example.com%2Fp%3Fq%3D1%26r%3D2'>"), page);
        assertTrue(
                page.contains("<form action=\"/s?sid=tok%2Fen%2B1&amp;guid=ON\"><input type=\"hidden\" name=\"sid\""
                        + " value=\"tok/en+1\" /><input type=\"hidden\" name=\"guid\" value=\"ON\" />"),
                page);
        assertTrue(page.contains("<form method=\"post\" action=\"/p?sid=tok%2Fen%2B1&amp;guid=ON\"></form>"), page);
        assertTrue(page.contains("<a href=\"#top\">"), page);
        // idempotent: c:url already added them
        assertEquals(links.page(page), page);
        // no session, no carrier parameters: nothing changes
        LinkRewriter none = new LinkRewriter(null, "", "sns.example.jp", "", false);
        assertFalse(none.active());
        assertEquals("/home", none.url("/home"));
    }

    @Test
    void formsInShiftJisBecomeUtf8AndBadBytesAreReplaced() {
        // 日記～ in Shift_JIS (～ = 0x8160), a docomo sun F89F, a broken escape and an invalid byte pair
        String raw = "title=%93%FA%8BL%81%60&body=%F8%9F+ok&bad=%ZZ%82&x";
        String utf8 = FormDecoder.toUtf8(raw, SJIS, s -> jp.keitai.sns.carrier.emoji.EmojiCodec.bundled()
                .toUnicode(s, "docomo", jp.keitai.sns.carrier.emoji.EmojiCodec.Source.SJIS));
        Map<String, List<String>> form = FormDecoder.parse(utf8);
        assertEquals(List.of("日記～"), form.get("title"));
        assertEquals(List.of("\u2600\uFE0F ok"), form.get("body"));
        assertEquals(List.of("%ZZ\uFFFD"), form.get("bad"));
        assertEquals(List.of(""), form.get("x"));
        // the wave dash comes back as the same Shift_JIS bytes
        assertEquals("\u8160".length(), 1);
        byte[] back = jp.keitai.sns.carrier.emoji.EmojiCodec.bundled()
                .fromUnicode("日記～〜", "docomo", jp.keitai.sns.carrier.emoji.EmojiCodec.Source.SJIS)
                .getBytes(SJIS);
        assertEquals(
                "93FA8B4C81608160", java.util.HexFormat.of().withUpperCase().formatHex(back));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}

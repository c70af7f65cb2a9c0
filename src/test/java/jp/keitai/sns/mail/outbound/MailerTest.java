package jp.keitai.sns.mail.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a mail looks like on the wire for each carrier, as jpmobile writes them. */
class MailerTest {

    private static final Charset SJIS = Charset.forName("Windows-31J");
    private static final Charset JIS = Charset.forName("x-windows-50220");

    @TempDir
    Path data;

    private Mailer mailer() {
        return new Mailer(
                null,
                OutboundSettings.from(OutboundFixtures.settings(data, Map.of())),
                OutboundFixtures.templates(Map.of("notice", OutboundFixtures.NOTICE)));
    }

    private Mailer.Composed compose(String to) {
        return mailer().compose(to, "notice", Map.of("name", "花子"), Instant.parse("2009-03-14T00:12:44Z"));
    }

    private record Parts(String head, byte[] body) {}

    private static Parts split(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        return new Parts(all.substring(0, end + 2), all.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void docomoGetsShiftJisWithItsOwnEmojiCodes() {
        Mailer.Composed mail = compose("a..b.@docomo.ne.jp");
        Parts p = split(mail.raw());
        assertEquals("docomo", mail.carrier());
        assertTrue(p.head().contains("\r\nTo: a..b.@docomo.ne.jp\r\n"), p.head());
        assertTrue(p.head().contains("Content-Type: text/plain; charset=Shift_JIS\r\n"), p.head());
        assertTrue(p.head().contains("Content-Transfer-Encoding: 8bit\r\n"), p.head());
        assertTrue(contains(p.body(), new byte[] {(byte) 0xF8, (byte) 0x9F}), "docomo sun F89F");
        String body = new String(p.body(), SJIS);
        assertTrue(body.startsWith("花子さん、①～③の髙橋です"), body);
        assertTrue(body.contains("https://sns.example.jp/diary\r\n"), body);
        assertEquals("お知らせ 花子さん\uE63E", decodeSubject(p.head()), "subject in Shift_JIS with the emoji code");
        assertTrue(p.head().contains("Message-ID: <20090314091244."), p.head());
        assertTrue(p.head().contains("Date: Sat, 14 Mar 2009 09:12:44 +0900\r\n"), p.head());
    }

    @Test
    void auGetsIso2022JpWithMailJisEmojiAndNoJisX0212() {
        Mailer.Composed mail = compose("taro@ezweb.ne.jp");
        Parts p = split(mail.raw());
        assertTrue(p.head().contains("Content-Type: text/plain; charset=ISO-2022-JP\r\n"), p.head());
        assertTrue(p.head().contains("Content-Transfer-Encoding: 7bit\r\n"), p.head());
        assertTrue(sevenBit(mail.raw()));
        assertFalse(contains(mail.raw(), new byte[] {0x1b, '$', '(', 'D'}), "no JIS X 0212: handsets lack it");
        String body = new String(p.body(), JIS);
        assertTrue(body.contains("\uE020"), "au mail JIS sun 7541 (U+E020 in x-windows-50220)");
        // 髙 is an IBM extension that ISO-2022-JP cannot carry
        assertTrue(body.startsWith("花子さん、①〜③の〓橋です"), body);
    }

    @Test
    void softBankGetsShiftJisWithSoftBankCodes() {
        Parts p = split(compose("dog@softbank.ne.jp").raw());
        assertTrue(p.head().contains("charset=Shift_JIS"), p.head());
        assertTrue(contains(p.body(), new byte[] {(byte) 0xF9, (byte) 0x8B}), "SoftBank sun F98B");
    }

    @Test
    void smartphonesGetUtf8WithUnicodeEmoji() {
        Parts p = split(compose("masashi@i.softbank.jp").raw());
        assertTrue(p.head().contains("Content-Type: text/plain; charset=UTF-8\r\n"), p.head());
        assertTrue(p.head().contains("Content-Transfer-Encoding: base64\r\n"), p.head());
        String body = new String(Base64.getMimeDecoder().decode(p.body()), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("花子さん、①～③の髙橋です\u2600\uFE0F"), body);
        assertEquals("お知らせ 花子さん\u2600\uFE0F", decodeSubject(p.head()));
    }

    @Test
    void pcGetsIso2022JpWithEmojiAsText() {
        Mailer.Composed mail = compose("taro.yamada@example.com");
        Parts p = split(mail.raw());
        assertEquals("pc", mail.carrier());
        assertTrue(p.head().contains("charset=ISO-2022-JP"), p.head());
        assertTrue(sevenBit(mail.raw()));
        String body = new String(p.body(), JIS);
        assertTrue(body.contains("〓橋です[太陽]"), body);
        assertFalse(body.contains("?"), body);
        assertEquals("お知らせ 花子さん[太陽]", decodeSubject(p.head()));
    }

    @Test
    void nothingBecomesAQuestionMarkForAnyCarrier() {
        for (String to : List.of(
                "a@docomo.ne.jp",
                "a@ezweb.ne.jp",
                "a@softbank.ne.jp",
                "a@pdx.ne.jp",
                "a@emnet.ne.jp",
                "a@example.com")) {
            Mailer.Composed mail =
                    mailer().compose(to, "notice", Map.of("name", "𠮷野家\uD83D\uDE00ﾃｽﾄ〜−‖"), Instant.now());
            String body = new String(split(mail.raw()).body(), mail.encoding().charset());
            assertFalse(body.contains("?"), to + ": " + body);
        }
    }

    @Test
    void aLongSubjectIsBEncodedAndFoldedIntoWholeCharacters() {
        String title = "とても長い件名です。".repeat(8) + "①～☀️";
        for (String to : List.of("a@docomo.ne.jp", "a@ezweb.ne.jp", "a@i.softbank.jp")) {
            Mailer mailer = new Mailer(
                    null,
                    OutboundSettings.from(OutboundFixtures.settings(data, Map.of())),
                    OutboundFixtures.templates(Map.of("t", "Subject: ${title}\n\nbody\n")));
            Mailer.Composed mail = mailer.compose(to, "t", Map.of("title", title), Instant.now());
            String head = split(mail.raw()).head();
            Matcher m =
                    Pattern.compile("Subject: (.*?)\r\n(?! )", Pattern.DOTALL).matcher(head);
            assertTrue(m.find(), head);
            String[] lines = ("Subject: " + m.group(1)).split("\r\n");
            assertTrue(lines.length > 2, "folded: " + m.group(1));
            for (String line : lines) {
                assertTrue(line.length() <= 76, line);
            }
            String expected = to.endsWith("docomo.ne.jp")
                    ? "とても長い件名です。".repeat(8) + "①～\uE63E"
                    : to.endsWith("ezweb.ne.jp") ? "とても長い件名です。".repeat(8) + "①〜\uE020" : title;
            assertEquals(expected, decodeSubject(head), to);
        }
    }

    @Test
    void addressesAndValuesCannotInjectHeaders() {
        Mailer mailer = new Mailer(
                null,
                OutboundSettings.from(OutboundFixtures.settings(data, Map.of())),
                OutboundFixtures.templates(Map.of("t", "Subject: ${title}\n\nbody\n")));
        assertThrows(
                IllegalArgumentException.class,
                () -> mailer.compose("a@docomo.ne.jp\r\nBcc: x@example.com", "t", Map.of("title", "x"), Instant.now()));
        assertThrows(
                IllegalArgumentException.class,
                () -> mailer.compose("Someone <a@example.com>", "t", Map.of("title", "x"), Instant.now()));
        Mailer.Composed mail =
                mailer.compose("a@example.com", "t", Map.of("title", "x\r\nBcc: y@example.com"), Instant.now());
        assertFalse(
                split(mail.raw()).head().contains("\r\nBcc:"), split(mail.raw()).head());
    }

    @Test
    void templatesFallBackFromCarrierToFamilyToDefault() {
        MailTemplates t = OutboundFixtures.templates(Map.of(
                "hello", "Subject: 既定\n\ndefault\n",
                "hello_keitai", "Subject: ケータイ\n\nkeitai\n",
                "hello_docomo", "Subject: ドコモ\n\ndocomo\n"));
        assertEquals("ドコモ", t.render("hello", "docomo", "keitai", Map.of()).subject());
        assertEquals("ケータイ", t.render("hello", "au", "keitai", Map.of()).subject());
        assertEquals("既定", t.render("hello", "pc", "pc", Map.of()).subject());
        assertThrows(IllegalArgumentException.class, () -> t.render("missing", "pc", "pc", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> t.render("../hello", "pc", "pc", Map.of()));
        MailTemplates needs = OutboundFixtures.templates(Map.of("x", "Subject: ${a}\n\n${b}\n"));
        assertThrows(IllegalArgumentException.class, () -> needs.render("x", "pc", "pc", Map.of("a", "1")));
        // the Mailer takes the family from the carrier file: au and WILLCOM are keitai, smartphones are not
        Mailer mailer = new Mailer(null, OutboundSettings.from(OutboundFixtures.settings(data, Map.of())), t);
        Instant now = Instant.now();
        assertEquals(
                "ケータイ", mailer.compose("a@ezweb.ne.jp", "hello", Map.of(), now).subject());
        assertEquals(
                "ケータイ", mailer.compose("a@pdx.ne.jp", "hello", Map.of(), now).subject());
        assertEquals(
                "既定", mailer.compose("a@i.softbank.jp", "hello", Map.of(), now).subject());
    }

    @Test
    void shippedTemplatesRender() {
        MailTemplates shipped = new MailTemplates();
        assertTrue(shipped.render("refused", "docomo", "keitai", Map.of("reason", "写真は3枚までです", "baseUrl", "http://x"))
                .body()
                .contains("写真は3枚までです"));
        assertTrue(shipped.render(
                        "echo",
                        "pc",
                        "pc",
                        Map.of(
                                "subject", "s",
                                "text", "t",
                                "carrier", "pc",
                                "photoCount", 0,
                                "photos", "",
                                "notes", "",
                                "baseUrl", "http://x"))
                .subject()
                .startsWith("受信テスト"));
    }

    /** RFC 2047 B words of one header, joined per charset and decoded with the charsets the Mailer encodes with. */
    static String decodeSubject(String head) {
        Matcher subject =
                Pattern.compile("Subject: (.*?)\r\n(?! )", Pattern.DOTALL).matcher(head);
        assertTrue(subject.find(), head);
        Matcher w = Pattern.compile("=\\?([^?]+)\\?B\\?([^?]*)\\?=").matcher(subject.group(1));
        StringBuilder out = new StringBuilder();
        List<String> words = new ArrayList<>();
        while (w.find()) {
            Charset cs =
                    switch (w.group(1)) {
                        case "Shift_JIS" -> SJIS;
                        case "ISO-2022-JP" -> JIS;
                        default -> StandardCharsets.UTF_8;
                    };
            byte[] bytes = Base64.getDecoder().decode(w.group(2));
            assertTrue(w.group(0).length() <= 75, w.group(0));
            if (cs == JIS) {
                String tail = new String(bytes, StandardCharsets.ISO_8859_1);
                assertTrue(tail.lastIndexOf("\u001b$B") <= tail.lastIndexOf("\u001b(B"), "each word ends in ASCII");
            }
            out.append(new String(bytes, cs)); // each word decodes on its own: no character split across words
            words.add(w.group(0));
        }
        return words.isEmpty() ? subject.group(1) : out.toString();
    }

    private static boolean sevenBit(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * ISO-2022-JP as real handsets and PC mailers write it (bytes made with the JDK's encoder of the Microsoft mapping,
 * as Outlook and Windows mailers do): the NEC special row, the IBM extensions and 〝〟 read as written, not as 〓, the
 * wrong character or private-use code points; au emoji in the same rows still read as emoji.
 */
class JisTextTest {

    private static final Charset WINDOWS_JIS = Charset.forName("x-windows-iso2022jp");
    private static final String NEC_ROW = "≒≡∫√⊥∠∵∩∪";
    private static final String IBM = "纊髙ⅰⅱ￢∵";
    private static final String QUOTES = "〝引用〟";
    private static final String SUN = "\u2600\uFE0F";

    @Test
    void necSpecialRowIbmExtensionsAndQuotesReadAsWritten() throws Exception {
        String text = NEC_ROW + "\n" + IBM + "\n" + QUOTES + "\n①㈱～－";
        byte[] bytes = text.getBytes(WINDOWS_JIS);
        assertEquals(text, MailText.body(bytes, "ISO-2022-JP", "pc"));
        assertEquals(text, MailText.body(bytes, null, "docomo"), "undeclared JIS (escape sequences) too");
    }

    @Test
    void encodedSubjectsReadTheSame() {
        String subject = "〝" + NEC_ROW + "〟髙橋";
        String word = "=?ISO-2022-JP?B?" + Base64.getEncoder().encodeToString(subject.getBytes(WINDOWS_JIS)) + "?=";
        assertEquals(subject, MailText.header(word, "pc"));
    }

    @Test
    void auEmojiInTheIbmRowsStayEmojiForAuSenders() throws Exception {
        // au mail JIS 7541 is the sun: rows 0x75-0x7B are au's emoji, read the existing way; the rest as above
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("晴れ" + NEC_ROW + QUOTES).getBytes(WINDOWS_JIS));
        b.writeBytes(new byte[] {0x1b, '$', 'B', 0x75, 0x41, 0x24, 0x4e, 0x1b, '(', 'B'}); // sun, then の
        b.writeBytes("です".getBytes(WINDOWS_JIS));
        assertEquals("晴れ" + NEC_ROW + QUOTES + SUN + "のです", MailText.body(b.toByteArray(), "ISO-2022-JP", "au"));
    }

    @Test
    void jisX0212AsTheJdkCp50220WritesItStillReads() throws Exception {
        // this application's own outbound ISO-2022-JP (x-windows-50220) writes ～ and IBM kanji as JIS X 0212
        String text = "①～③と髙";
        byte[] bytes = text.getBytes(Charset.forName("x-windows-50220"));
        assertEquals(text, MailText.body(bytes, "ISO-2022-JP", "au"));
        assertEquals(text, MailText.body(bytes, "ISO-2022-JP", "pc"));
    }

    @Test
    void halfWidthKanaAndAsciiStay() throws Exception {
        byte[] bytes = {0x1b, '(', 'I', 0x31, 0x32, 0x1b, '(', 'B', 'o', 'k'};
        assertEquals("ｱｲok", MailText.body(bytes, "ISO-2022-JP", "au"));
        assertEquals("plain", MailText.body("plain".getBytes(StandardCharsets.US_ASCII), "ISO-2022-JP", "au"));
    }
}

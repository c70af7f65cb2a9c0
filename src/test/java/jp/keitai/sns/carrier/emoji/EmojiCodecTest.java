package jp.keitai.sns.carrier.emoji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.keitai.sns.carrier.emoji.EmojiCodec.Source;
import org.junit.jupiter.api.Test;

/** Every one of the 722 EmojiSources mappings, in and out, at the byte level, for docomo, au and SoftBank. */
class EmojiCodecTest {

    private static final Charset SJIS = Source.SJIS.charset();
    private static final Charset JIS = Source.JIS.charset();
    private static final EmojiCodec codec = EmojiCodec.bundled();

    record Row(String unicode, String docomo, String au, String softbank, String auJis, String[] raw) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in =
                EmojiCodec.class.getClassLoader().getResourceAsStream("carrier-config/emoji/emoji-carrier.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                StringBuilder u = new StringBuilder();
                for (String cp : f[0].split("\\+")) {
                    u.appendCodePoint(Integer.parseInt(cp, 16));
                }
                rows.add(new Row(u.toString(), f[1], f[2], f[3], f[7], f));
            }
        }
        return rows;
    }

    @Test
    void allMappingsRoundTripForEachCarrierInBytes() throws IOException {
        List<Row> rows = rows();
        assertEquals(722, rows.size());
        assertEquals(722, codec.mappings());
        int checked = 0;
        for (Row row : rows) {
            checked += sjisRoundTrip(row, "docomo", row.docomo());
            checked += sjisRoundTrip(row, "au", row.au());
            checked += sjisRoundTrip(row, "softbank", row.softbank());
            checked += unicodeRoundTrip(row, "docomo", row.raw()[4]);
            checked += unicodeRoundTrip(row, "au", row.raw()[5]);
            checked += unicodeRoundTrip(row, "softbank", row.raw()[6]);
            if (!row.auJis().isEmpty()) {
                byte[] mail = iso2022(HexFormat.of().parseHex(row.auJis()));
                String decoded = new String(mail, JIS);
                String unicode = codec.toUnicode(decoded, "au", Source.JIS);
                assertEquals(strip(row.unicode()), strip(unicode), "au JIS in " + row.auJis());
                assertArrayEquals(
                        mail, codec.fromUnicode(unicode, "au", Source.JIS).getBytes(JIS), "au JIS out");
                checked++;
            }
        }
        // EmojiSources: docomo 244, KDDI 633, SoftBank 469 codes; twice each (Shift_JIS, Unicode) plus au mail JIS
        assertEquals(2 * (244 + 633 + 469) + 633, checked);
    }

    private int sjisRoundTrip(Row row, String carrier, String hex) {
        String label = carrier + " " + hex + " " + row.raw()[0];
        if (hex.isEmpty()) {
            // the carrier lacks it: text fallback in Shift_JIS, never '?'
            String out = codec.fromUnicode(row.unicode(), carrier, Source.SJIS);
            byte[] bytes = out.getBytes(SJIS);
            assertEquals(out, new String(bytes, SJIS), label);
            assertFalse(out.contains("?") || out.contains(EmojiCodec.GETA), label + " → " + out);
            return 0;
        }
        byte[] code = HexFormat.of().parseHex(hex);
        String in = codec.toUnicode(new String(code, SJIS), carrier, Source.SJIS);
        assertEquals(strip(row.unicode()), strip(in), "in " + label);
        assertArrayEquals(code, codec.fromUnicode(in, carrier, Source.SJIS).getBytes(SJIS), "out " + label);
        assertArrayEquals(
                code, codec.fromUnicode(row.unicode(), carrier, Source.SJIS).getBytes(SJIS), "bare " + label);
        // within text: the plain runs around it go out as they are (fromUnicode copies runs in one piece)
        assertEquals(
                "日記～" + codec.fromUnicode(in, carrier, Source.SJIS) + "です#",
                codec.fromUnicode("日記\u301C" + in + "です#", carrier, Source.SJIS),
                "in text " + label);
        return 1;
    }

    private int unicodeRoundTrip(Row row, String carrier, String puaHex) {
        if (puaHex.isEmpty()) {
            return 0;
        }
        byte[] utf8 = Character.toString(Integer.parseInt(puaHex, 16)).getBytes(StandardCharsets.UTF_8);
        String in = codec.toUnicode(new String(utf8, StandardCharsets.UTF_8), carrier, Source.UNICODE);
        assertEquals(strip(row.unicode()), strip(in), carrier + " U+" + puaHex);
        assertArrayEquals(
                utf8,
                codec.fromUnicode(in, carrier, Source.UNICODE).getBytes(StandardCharsets.UTF_8),
                carrier + " U+" + puaHex + " out");
        return 1;
    }

    private static String strip(String s) {
        return s.replace("\uFE0F", "");
    }

    private static byte[] iso2022(byte[] jis) {
        return new byte[] {0x1B, '$', 'B', jis[0], jis[1], 0x1B, '(', 'B'};
    }

    @Test
    void storedFormIsFullyQualified() {
        assertEquals("\u2600\uFE0F", codec.toUnicode("\uE63E", "docomo", Source.SJIS));
        assertEquals("#\uFE0F\u20E3", codec.toUnicode(new String(bytes(0xF9, 0x85), SJIS), "docomo", Source.SJIS));
        assertEquals(
                "晴れ\u2600\uFE0Fです",
                codec.toUnicode("晴れ" + new String(bytes(0xF6, 0x60), SJIS) + "です", "au", Source.SJIS));
    }

    @Test
    void auAutoUnicodeAndSoftbankCollisionsDependOnTheCarrier() {
        // U+E501 is SoftBank's LOVE HOTEL but an unrelated KDDI code point: only the carrier says which
        assertEquals("\uD83C\uDFE9", codec.toUnicode("\uE501", "softbank", Source.UNICODE));
        assertEquals("\u2600\uFE0F", codec.toUnicode("\uEF60", "au", Source.UNICODE)); // "auto": F660 − 0x700
        assertEquals("\u2600\uFE0F", codec.toUnicode("\uE488", "au", Source.UNICODE));
    }

    @Test
    void softbankShiftJisPictogramsAreIbmKanjiInWindows31J() {
        String loveHotel = new String(bytes(0xFB, 0xA1 + 8), SJIS); // FBA9 is U+E508 / a kanji in Windows-31J
        assertTrue(Character.isIdeographic(loveHotel.codePointAt(0)));
        String unicode = codec.toUnicode(loveHotel, "softbank", Source.SJIS);
        assertFalse(Character.isIdeographic(unicode.codePointAt(0)), unicode);
        // the same kanji typed on a PC is not sent to a SoftBank handset as that pictogram
        assertEquals(EmojiCodec.GETA, codec.fromUnicode(loveHotel, "softbank", Source.SJIS));
        assertEquals(loveHotel, codec.fromUnicode(loveHotel, "docomo", Source.SJIS));
    }

    @Test
    void missingEmojiBecomeJapaneseTextNeverQuestionMarks() {
        String grinning = "\uD83D\uDE00"; // 😀 is not in EmojiSources
        assertEquals("[にっこり笑う]", codec.fromUnicode(grinning, "docomo", Source.SJIS));
        assertEquals("[にっこり笑う]", codec.fromUnicode(grinning, "softbank", Source.UNICODE));
        assertEquals(grinning, codec.fromUnicode(grinning, "smartphone", Source.UNICODE));
        assertEquals(grinning, codec.fromUnicode(grinning, "pc", Source.UNICODE));
        assertEquals("今日は[太陽]", codec.fromUnicode("今日は\u2600\uFE0F", "pc", Source.JIS));
        assertEquals("[太陽]", codec.fromUnicode("\u2600", "pc", Source.SJIS));
        // EMOBILE's UTF-8 pages: its handsets' fonts hold the Shift_JIS repertoire, which has no ☀
        assertEquals("[太陽][にっこり笑う]", codec.fromUnicode("\u2600" + grinning, "emobile", Source.UNICODE));
        assertEquals("♪[にっこり笑う]", codec.fromUnicode("♪" + grinning, "emobile", Source.UNICODE));
        // a family is one picture: no carrier has it, so its name rather than three separate faces
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals("[家族:男性 女性 女の子]", codec.fromUnicode(family, "docomo", Source.SJIS));
        // thumbs up with a skin tone: the carrier's thumbs up, tone dropped
        assertEquals("\uE727", codec.fromUnicode("\uD83D\uDC4D\uD83C\uDFFB", "docomo", Source.SJIS));
        // keycaps need U+20E3; a plain digit or # stays itself
        assertEquals("#1 ok", codec.fromUnicode("#1 ok", "docomo", Source.SJIS));
        // a text-style arrow SoftBank lacks: docomo and au show their code, SoftBank 3G (UTF-8) the words, as the
        // Shift_JIS PC set does; the handset's font has no ↔ although UTF-8 could carry it
        assertEquals("[左右矢印]", codec.fromUnicode("\u2194", "softbank", Source.UNICODE));
        assertEquals("[左右矢印]", codec.fromUnicode("\u2194", "pc", Source.SJIS));
        assertEquals("[左右矢印]", codec.fromUnicode("\u2194\uFE0F", "softbank", Source.UNICODE));
        // a text-style symbol in the Shift_JIS repertoire stays itself everywhere
        assertEquals("\u21D4", codec.fromUnicode("\u21D4", "softbank", Source.UNICODE));
        assertEquals("\u21D4", codec.fromUnicode("\u21D4", "docomo", Source.SJIS));
    }

    /**
     * Issue 21: SoftBank 3G pages sent text-style symbols such as ❣ (U+2763) raw, which its handsets cannot show,
     * while docomo and au pages gave the carrier's code or the text fallback. For every symbol of EmojiSources, bare
     * (text presentation) and with U+FE0F, on every carrier's pages: the carrier's own code where it has one, else
     * the text fallback, else (bare only) the symbol itself when the handsets' Shift_JIS repertoire holds it.
     */
    @Test
    void everyMappedSymbolGetsTheCarriersCodeOrTheTextFallbackOnEveryCarriersPages() throws IOException {
        assertEquals("[ハートのびっくり]", codec.fromUnicode("\u2763", "softbank", Source.UNICODE));
        assertEquals("[ハートのびっくり]", codec.fromUnicode("\u2763", "docomo", Source.SJIS));
        assertEquals("[ハートのびっくり]", codec.fromUnicode("\u2763", "emobile", Source.UNICODE));
        assertEquals("\u2763", codec.fromUnicode("\u2763", "smartphone", Source.UNICODE));
        int checked = 0;
        for (Row row : rows()) {
            String bare = strip(row.unicode());
            String selected =
                    row.unicode().codePointCount(0, row.unicode().length()) == 1 ? bare + "\uFE0F" : row.unicode();
            for (String input : List.of(bare, selected)) {
                checked += symbol(row, input, "docomo", Source.SJIS, sjisChar(row.docomo()));
                checked += symbol(row, input, "au", Source.SJIS, sjisChar(row.au()));
                checked += symbol(row, input, "softbank", Source.SJIS, sjisChar(row.softbank()));
                checked += symbol(row, input, "softbank", Source.UNICODE, puaChar(row.raw()[6]));
                checked += symbol(row, input, "willcom", Source.SJIS, sjisChar(row.docomo()));
                checked += symbol(row, input, "emobile", Source.UNICODE, null);
            }
        }
        assertEquals(722 * 2 * 6, checked);
    }

    private int symbol(Row row, String input, String carrier, Source target, String code) {
        String out = codec.fromUnicode(input, carrier, target);
        String label = carrier + "/" + target + " " + row.raw()[0] + (input.endsWith("\uFE0F") ? "+FE0F" : "");
        if (code != null) {
            assertEquals(code, out, label);
            return 1;
        }
        String fallback = codec.fallback(input).orElseThrow(() -> new AssertionError("no fallback: " + label));
        boolean keptAsText = out.equals(input)
                && !input.contains("\uFE0F")
                && SJIS.newEncoder().canEncode(input);
        assertTrue(out.equals(fallback) || keptAsText, label + " → " + out);
        return 1;
    }

    private static String sjisChar(String hex) {
        return hex.isEmpty() ? null : new String(HexFormat.of().parseHex(hex), SJIS);
    }

    private static String puaChar(String hex) {
        return hex.isEmpty() ? null : Character.toString(Integer.parseInt(hex, 16));
    }

    @Test
    void waveDashFamilyAndUnencodableCharactersSurviveShiftJis() {
        String family = "\u301C\uFF5E\u2016\u2225\u2212\uFF0D\u00A2\u00A3\u00AC";
        String out = codec.fromUnicode(family, "docomo", Source.SJIS);
        byte[] bytes = out.getBytes(SJIS);
        String back = new String(bytes, SJIS);
        assertEquals(out, back);
        assertFalse(back.contains("?"), back);
        assertEquals("～～∥∥－－￠￡￢", back);
        assertEquals("𠮷野家".replace("𠮷", EmojiCodec.GETA), codec.fromUnicode("𠮷野家", "au", Source.SJIS));
        assertEquals(
                "①髙ｱ",
                new String(codec.fromUnicode("①髙ｱ", "docomo", Source.SJIS).getBytes(SJIS), SJIS));
        assertEquals("〓", codec.fromUnicode("\uE000", "docomo", Source.UNICODE)); // stray private use
    }

    @Test
    void unknownCarrierPrivateUseBecomesGetaAndOtherTextIsUntouched() {
        String text = "ｱｲｳ漢字ABC①";
        assertEquals(text, codec.toUnicode(text, "docomo", Source.SJIS));
        assertEquals(EmojiCodec.GETA, codec.toUnicode("\uE000", "docomo", Source.SJIS)); // user-defined, no emoji
        assertEquals("\uE000", codec.toUnicode("\uE000", "pc", Source.UNICODE));
        assertThrows(IllegalArgumentException.class, () -> codec.toUnicode("x", "nokia", Source.UNICODE));
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }
}

package jp.keitai.sns.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.carrier.emoji.EmojiCodec;
import jp.keitai.sns.mail.outbound.MailEmoji;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Japanese mail text to Unicode: charsets by label (ISO-2022-JP through {@link JisText}, x-windows-iso2022jp, so ①, ㈱,
 * ∫ √ ⊥, 〝, IBM extensions and half-width kana survive; Shift_JIS through Windows-31J), carrier emoji, RFC 2047 headers (and the raw JIS or Shift_JIS some handsets
 * put in headers), decomail HTML to text, signatures.
 */
final class MailText {

    static final Charset JIS = JisText.WINDOWS;
    static final Charset SJIS = Charset.forName("Windows-31J");
    private static final String GETA = "\u3013";

    private static final Set<String> JIS_LABELS = Set.of(
            "iso-2022-jp",
            "csiso2022jp",
            "iso-2022-jp-1",
            "iso-2022-jp-3",
            "iso-2022-jp-ms",
            "cp50220",
            "cp50221",
            "x-windows-50220",
            "x-windows-50221",
            "ms50220",
            "ms50221",
            "jis");
    private static final Set<String> SJIS_LABELS = Set.of(
            "shift_jis",
            "shift-jis",
            "sjis",
            "x-sjis",
            "ms_kanji",
            "csshiftjis",
            "windows-31j",
            "cp932",
            "ms932",
            "x-ms-cp932",
            "shift_jisx0213",
            "x-sjis-docomo",
            "x-sjis-kddi",
            "x-sjis-softbank");

    // should JIS 0x2141 etc. arrive as the JIS-style code points (x-windows-50220 reads them so), keep the CP932 ones
    // that Shift_JIS input gives, so ～ is one character whichever way it arrived
    private static final Map<Character, Character> JIS_TO_CP932 = Map.of(
            '\u301C', '\uFF5E', '\u2016', '\u2225', '\u2212', '\uFF0D', '\u00A2', '\uFFE0', '\u00A3', '\uFFE1',
            '\u00AC', '\uFFE2');

    // compiled once: the spool worker runs them for every mail
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern LANGUAGE = Pattern.compile("\\*.*$");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern LEADING_BREAKS = Pattern.compile("^\\n+");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "tr",
            "table",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "hr",
            "center",
            "dl",
            "dt",
            "dd",
            "form",
            "address",
            "section",
            "article",
            "header",
            "footer",
            "marquee",
            "body");

    private MailText() {}

    /** A charset to read text with, and where carrier emoji are then found. */
    record Reading(Charset charset, EmojiCodec.Source source) {}

    /** The reading for a declared label; null when the label is absent or says nothing (us-ascii). */
    static Reading reading(String label) throws UnreadableMail {
        if (label == null) {
            return null;
        }
        String l = label.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (l.isEmpty() || l.equals("us-ascii") || l.equals("ascii")) {
            return null;
        }
        if (JIS_LABELS.contains(l)) {
            return new Reading(JIS, EmojiCodec.Source.JIS);
        }
        if (SJIS_LABELS.contains(l)) {
            return new Reading(SJIS, EmojiCodec.Source.SJIS);
        }
        if (l.equals("utf-8") || l.equals("utf8")) {
            return new Reading(StandardCharsets.UTF_8, EmojiCodec.Source.UNICODE);
        }
        try {
            return new Reading(Charset.forName(l), EmojiCodec.Source.UNICODE);
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new UnreadableMail("未知の文字コードです: " + clip(label));
        }
    }

    /** A body part's text; a declared charset the bytes do not fit quarantines the mail. */
    static String body(byte[] bytes, String label, String emojiSet) throws UnreadableMail {
        Reading declared = reading(label);
        if (declared != null) {
            try {
                return unicode(decode(bytes, declared, emojiSet, CodingErrorAction.REPORT), declared, emojiSet);
            } catch (CharacterCodingException e) {
                throw new UnreadableMail("本文の文字コードが宣言（" + clip(label) + "）と合いません");
            }
        }
        Reading guessed = guess(bytes);
        if (guessed == null) {
            throw new UnreadableMail("本文の文字コードがわかりません（charset の指定がなく、UTF-8 でも Shift_JIS でもありません）");
        }
        try {
            return unicode(decode(bytes, guessed, emojiSet, CodingErrorAction.REPORT), guessed, emojiSet);
        } catch (CharacterCodingException e) {
            throw new UnreadableMail("本文の文字コードがわかりません");
        }
    }

    /** Undeclared text: JIS when it escapes, ASCII when 7-bit, else whichever of UTF-8 and Shift_JIS fits. */
    private static Reading guess(byte[] bytes) {
        boolean eightBit = false;
        for (byte b : bytes) {
            if (b == 0x1b) {
                return new Reading(JIS, EmojiCodec.Source.JIS);
            }
            eightBit |= b < 0;
        }
        if (!eightBit || fits(bytes, StandardCharsets.UTF_8)) {
            return new Reading(StandardCharsets.UTF_8, EmojiCodec.Source.UNICODE);
        }
        if (fits(bytes, SJIS)) {
            return new Reading(SJIS, EmojiCodec.Source.SJIS);
        }
        return null;
    }

    private static boolean fits(byte[] bytes, Charset charset) {
        try {
            strict(charset).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(GETA);
    }

    private static String lenient(byte[] bytes, Reading reading, String emojiSet) {
        try {
            return unicode(decode(bytes, reading, emojiSet, CodingErrorAction.REPLACE), reading, emojiSet);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never reports
        }
    }

    /** Bytes to text by a reading; ISO-2022-JP through {@link JisText} (au emoji rows read for au senders). */
    private static String decode(byte[] bytes, Reading reading, String emojiSet, CodingErrorAction malformed)
            throws CharacterCodingException {
        if (reading.charset().equals(JIS)) {
            return JisText.decode(bytes, "au".equals(emojiSet), malformed);
        }
        return reading.charset()
                .newDecoder()
                .onMalformedInput(malformed)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(GETA)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** Decoded text to the one Unicode form used inside: carrier emoji converted, JIS look-alikes unified. */
    private static String unicode(String decoded, Reading reading, String emojiSet) {
        String text = MailEmoji.toUnicode(decoded, emojiSet, reading.source());
        if (reading.charset().equals(JIS)) {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                sb.append(JIS_TO_CP932.getOrDefault(c, c));
            }
            text = sb.toString();
        }
        return text;
    }

    /**
     * A header value (as Jakarta Mail read it: one char per byte) to Unicode. Adjacent encoded words of one charset
     * are joined before decoding, since some phones split a character across words; undecodable parts become 〓.
     */
    static String header(String raw, String emojiSet) {
        if (raw == null) {
            return "";
        }
        String value = FOLD.matcher(raw).replaceAll("");
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int pos = 0;
        while (m.find()) {
            String between = value.substring(pos, m.start());
            byte[] bytes = wordBytes(m.group(2), m.group(3));
            String charset = LANGUAGE.matcher(m.group(1)).replaceAll("");
            if (bytes == null) {
                continue; // not decodable: left in place as literal text
            }
            boolean joins = pendingCharset != null && between.isBlank() && pendingCharset.equalsIgnoreCase(charset);
            if (!joins) {
                out.append(flush(pending, pendingCharset, emojiSet));
                if (!(pendingCharset != null && between.isBlank())) {
                    out.append(rawHeaderText(between, emojiSet));
                }
                pendingCharset = charset;
            }
            pending.writeBytes(bytes);
            pos = m.end();
        }
        out.append(flush(pending, pendingCharset, emojiSet));
        out.append(rawHeaderText(value.substring(pos), emojiSet));
        return out.toString().strip();
    }

    private static String flush(ByteArrayOutputStream pending, String charset, String emojiSet) {
        if (pending.size() == 0) {
            return "";
        }
        byte[] bytes = pending.toByteArray();
        pending.reset();
        Reading reading;
        try {
            reading = reading(charset);
        } catch (UnreadableMail e) {
            reading = null;
        }
        if (reading == null) {
            reading = guess(bytes);
        }
        return reading == null ? GETA : lenient(bytes, reading, emojiSet);
    }

    private static byte[] wordBytes(String encoding, String text) {
        try {
            if (encoding.equalsIgnoreCase("B")) {
                return Base64.getMimeDecoder().decode(text);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '_') {
                    out.write(' ');
                } else if (c == '=' && i + 2 < text.length()) {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.write(c);
                }
            }
            return out.toByteArray();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Header text outside encoded words: plain ASCII, or the raw JIS / UTF-8 / Shift_JIS some handsets send. */
    private static String rawHeaderText(String text, String emojiSet) {
        boolean plain = text.chars().allMatch(c -> c < 0x80 && c != 0x1b);
        if (plain) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        Reading reading = guess(bytes);
        return reading == null
                ? lenient(bytes, new Reading(SJIS, EmojiCodec.Source.SJIS), emojiSet)
                : lenient(bytes, reading, emojiSet);
    }

    /** Decomail to plain text: line breaks where the HTML breaks lines, no markup, no scripts or styles. */
    static String htmlToText(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style, title, head").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            out.append(t.text());
                        } else if (node instanceof Element e) {
                            String tag = e.normalName();
                            if (tag.equals("br")) {
                                out.append('\n');
                            } else if (BLOCKS.contains(tag)) {
                                newline(out);
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            newline(out);
                        }
                    }
                },
                body);
        return out.toString().replace('\u00A0', ' ');
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /**
     * Line breaks to {@code \n}, the signature (from a {@code "-- "} line on) dropped, trailing spaces and leading or
     * trailing blank lines removed, runs of blank lines (decomail blocks leave many) shortened to one.
     */
    static String tidy(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.equals("-- ")) {
                break;
            }
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString()
                .transform(t -> BLANK_LINES.matcher(t).replaceAll("\n\n"))
                .transform(t -> LEADING_BREAKS.matcher(t).replaceAll(""))
                .stripTrailing();
    }

    static String clip(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}

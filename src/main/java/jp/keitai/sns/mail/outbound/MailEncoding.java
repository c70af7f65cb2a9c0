package jp.keitai.sns.mail.outbound;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.keitai.sns.carrier.MailProfile;
import jp.keitai.sns.carrier.emoji.EmojiCodec;

/**
 * How a mail's text is written for one recipient carrier, as its {@code [mail]} section says ({@link MailProfile}):
 * the charset that makes the bytes, the label written into the mail, the usual transfer encoding, and where emoji go.
 * Emoji become the carrier's codes or a text fallback; what the charset still cannot carry becomes 〓, never '?'.
 */
public final class MailEncoding {

    /** 〓 (geta): the customary mark for a character a handset cannot show */
    static final char GETA = '\u3013';

    private static final int MAX_ENCODED_WORD = 75;
    private static final int MAX_LINE_BYTES = 998;
    private static final byte[] JIS_X_0212 = {0x1b, '$', '(', 'D'};

    // Shift_JIS (CP932) and ISO-2022-JP (x-windows-50220) disagree on which Unicode character a JIS code is
    private static final Map<Character, Character> TO_CP932 = Map.of(
            '\u301C', '\uFF5E', '\u2016', '\u2225', '\u2212', '\uFF0D', '\u00A2', '\uFFE0', '\u00A3', '\uFFE1',
            '\u00AC', '\uFFE2', '\u2014', '\u2015');
    private static final Map<Character, Character> TO_JIS = Map.of(
            '\uFF5E', '\u301C', '\u2225', '\u2016', '\uFF0D', '\u2212', '\uFFE0', '\u00A2', '\uFFE1', '\u00A3',
            '\uFFE2', '\u00AC', '\u2014', '\u2015');

    /** The look-alikes to map for a charset: the same JIS code has a different Unicode character in each. */
    private static final Map<Charset, Map<Character, Character>> LOOK_ALIKES =
            Map.of(EmojiCodec.Source.SJIS.charset(), TO_CP932, EmojiCodec.Source.JIS.charset(), TO_JIS);

    /** One encoding per distinct mail profile, so its caches serve every carrier that writes mail the same way. */
    private static final Map<Key, MailEncoding> ENCODINGS = new ConcurrentHashMap<>();

    private record Key(Charset charset, String label, String transferEncoding, EmojiCodec.Source emoji) {}

    private static final java.util.regex.Pattern HEADER_BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t]+");

    private final String mimeName;
    private final Charset charset;
    private final String textTransferEncoding;
    private final EmojiCodec.Source emojiSource;
    private final Map<Character, Character> lookAlikes;
    private final Map<Integer, Boolean> encodable = new ConcurrentHashMap<>();

    private MailEncoding(Key key) {
        this.mimeName = key.label();
        this.charset = key.charset();
        this.textTransferEncoding = key.transferEncoding();
        this.emojiSource = key.emoji();
        this.lookAlikes = LOOK_ALIKES.getOrDefault(key.charset(), Map.of());
    }

    /** The encoding a carrier's {@code [mail]} section describes. */
    public static MailEncoding of(MailProfile mail) {
        Key key = new Key(mail.charset(), mail.charsetLabel(), mail.transferEncoding(), mail.emoji());
        MailEncoding known = ENCODINGS.get(key);
        return known != null ? known : ENCODINGS.computeIfAbsent(key, MailEncoding::new);
    }

    /** The charset label written into the mail. */
    public String mimeName() {
        return mimeName;
    }

    /** The Java charset that makes the bytes. */
    public Charset charset() {
        return charset;
    }

    /**
     * Unicode text made ready for this charset and a carrier: emoji converted, look-alikes mapped, the rest 〓.
     *
     * @param emojiSet the carrier's emoji set ({@code CarrierProfile.getEmoji()})
     */
    public String prepare(String text, String emojiSet) {
        String converted = MailEmoji.fromUnicode(text, emojiSet, emojiSource);
        StringBuilder out = new StringBuilder(converted.length());
        for (int i = 0; i < converted.length(); ) {
            int cp = converted.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x20 && cp < 0x7f) {
                out.append((char) cp); // printable ASCII: every charset here carries it
                continue;
            }
            if (cp < 0x10000) {
                Character alike = lookAlikes.get((char) cp);
                if (alike != null) {
                    cp = alike;
                }
            }
            if (cp < 0x20 && cp != '\r' && cp != '\n' && cp != '\t' || cp == 0x7f) {
                continue; // control characters (an ESC above all) would corrupt the mail
            }
            if (cp < 0x20 || canCarry(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(GETA);
            }
        }
        return out.toString();
    }

    /** Bytes of prepared text; line breaks become CRLF. */
    public byte[] encode(String prepared) {
        return bytes(prepared.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n"));
    }

    /** The Content-Transfer-Encoding for a text body: the carrier's usual one unless a line is too long. */
    public String transferEncodingFor(byte[] body) {
        if (textTransferEncoding.equals("base64")) {
            return textTransferEncoding;
        }
        int line = 0;
        for (byte b : body) {
            line = b == '\n' ? 0 : line + 1;
            if (line > MAX_LINE_BYTES) {
                return "base64";
            }
        }
        return textTransferEncoding;
    }

    /**
     * A header value as RFC 2047 B-encoded words of at most 75 characters, folded with CRLF + space; each word holds
     * whole characters (and for ISO-2022-JP ends back in ASCII). {@code used} is how much of the first line the header
     * name already takes. Plain ASCII stays as it is.
     */
    public String encodeHeader(String prepared, int used) {
        // a template's fixed subject is encoded for every mail sent with it: remember the few there are
        String key = used + ":" + prepared;
        String known = headers.get(key);
        if (known != null) {
            return known;
        }
        String encoded = encodeHeaderOnce(prepared, used);
        if (headers.size() < MAX_KNOWN_HEADERS && prepared.length() <= 200) {
            headers.put(key, encoded);
        }
        return encoded;
    }

    private static final int MAX_KNOWN_HEADERS = 1000;

    private final Map<String, String> headers = new ConcurrentHashMap<>();

    private String encodeHeaderOnce(String prepared, int used) {
        String text = HEADER_BREAKS.matcher(prepared).replaceAll(" ");
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return text;
        }
        String prefix = "=?" + mimeName + "?B?";
        StringBuilder out = new StringBuilder();
        int budget = MAX_ENCODED_WORD - used;
        int start = 0;
        while (start < text.length()) {
            int end = start;
            String word = null;
            while (end < text.length()) {
                int next = text.offsetByCodePoints(end, 1);
                String candidate = prefix + b64(text.substring(start, next)) + "?=";
                if (candidate.length() > Math.max(budget, prefix.length() + 8 + 2) && end > start) {
                    break;
                }
                word = candidate;
                end = next;
            }
            if (out.length() > 0) {
                out.append("\r\n ");
            }
            out.append(word);
            start = end;
            budget = MAX_ENCODED_WORD - 1;
        }
        return out.toString();
    }

    private String b64(String chunk) {
        return Base64.getEncoder().encodeToString(bytes(chunk));
    }

    private byte[] bytes(String text) {
        try {
            CharsetEncoder encoder = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the charset carries this character as itself (and without JIS X 0212, which handsets lack). */
    boolean canCarry(int codePoint) {
        if (codePoint < 0x10000) {
            // looked up for nearly every character of every mail: a plain array, not a map of boxed keys
            byte known = carriesBmp[codePoint];
            if (known == 0) {
                known = computeCanCarry(codePoint) ? YES : NO;
                carriesBmp[codePoint] = known; // a race only computes the same answer twice
            }
            return known == YES;
        }
        return encodable.computeIfAbsent(codePoint, this::computeCanCarry);
    }

    private static final byte YES = 1;
    private static final byte NO = 2;

    private final byte[] carriesBmp = new byte[0x10000];

    private boolean computeCanCarry(int cp) {
        String s = new String(Character.toChars(cp));
        CharsetEncoder encoder = charset.newEncoder();
        if (!encoder.canEncode(s)) {
            return false;
        }
        // only ISO-2022-JP switches to JIS X 0212; no other charset's bytes for one character hold this sequence
        byte[] b = s.getBytes(charset);
        for (int i = 0; i + JIS_X_0212.length <= b.length; i++) {
            if (b[i] == JIS_X_0212[0]
                    && b[i + 1] == JIS_X_0212[1]
                    && b[i + 2] == JIS_X_0212[2]
                    && b[i + 3] == JIS_X_0212[3]) {
                return false;
            }
        }
        return true;
    }
}

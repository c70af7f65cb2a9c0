package jp.keitai.sns.mail.outbound;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a mail's text is written for one recipient carrier, as jpmobile does it: docomo and SoftBank 3G get Shift_JIS
 * (bytes from Windows-31J so ①, ～ and 髙 survive), au and PCs ISO-2022-JP (bytes from x-windows-50220), smartphones
 * UTF-8. Emoji become the carrier's codes or a text fallback; what the charset still cannot carry becomes 〓, never '?'.
 */
public enum MailEncoding {
    SHIFT_JIS("Shift_JIS", Charset.forName("Windows-31J"), "8bit", MailEmoji.Source.SJIS),
    ISO_2022_JP("ISO-2022-JP", Charset.forName("x-windows-50220"), "7bit", MailEmoji.Source.JIS),
    UTF_8("UTF-8", StandardCharsets.UTF_8, "base64", MailEmoji.Source.UNICODE);

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

    private static final java.util.regex.Pattern HEADER_BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t]+");

    private final String mimeName;
    private final Charset charset;
    private final String textTransferEncoding;
    private final MailEmoji.Source emojiSource;
    private final Map<Integer, Boolean> encodable = new ConcurrentHashMap<>();

    MailEncoding(String mimeName, Charset charset, String textTransferEncoding, MailEmoji.Source emojiSource) {
        this.mimeName = mimeName;
        this.charset = charset;
        this.textTransferEncoding = textTransferEncoding;
        this.emojiSource = emojiSource;
    }

    /** The encoding for mail to a carrier (ids as in {@link MailCarriers}). */
    public static MailEncoding forCarrier(String carrier) {
        return switch (carrier) {
            case MailCarriers.DOCOMO, MailCarriers.SOFTBANK -> SHIFT_JIS;
            case MailCarriers.SMARTPHONE -> UTF_8;
            default -> ISO_2022_JP; // au, WILLCOM, EMOBILE, PC and anyone unknown
        };
    }

    /** The charset label written into the mail. */
    public String mimeName() {
        return mimeName;
    }

    /** The Java charset that makes the bytes. */
    public Charset charset() {
        return charset;
    }

    /** Unicode text made ready for this charset and carrier: emoji converted, look-alikes mapped, the rest 〓. */
    public String prepare(String text, String carrier) {
        String converted = MailEmoji.fromUnicode(text, carrier, emojiSource);
        Map<Character, Character> lookAlikes = this == SHIFT_JIS ? TO_CP932 : this == ISO_2022_JP ? TO_JIS : Map.of();
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
        if (this == UTF_8) {
            return "base64";
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

    /** Whether the charset carries this character as itself (for ISO-2022-JP: without JIS X 0212, which handsets lack). */
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
        if (this == ISO_2022_JP) {
            byte[] b = s.getBytes(charset);
            for (int i = 0; i + JIS_X_0212.length <= b.length; i++) {
                if (b[i] == JIS_X_0212[0]
                        && b[i + 1] == JIS_X_0212[1]
                        && b[i + 2] == JIS_X_0212[2]
                        && b[i + 3] == JIS_X_0212[3]) {
                    return false;
                }
            }
        }
        return true;
    }
}

package jp.keitai.sns.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * ISO-2022-JP mail text to Unicode. Read with the JDK's {@code x-windows-iso2022jp} (Microsoft's CP5022x mapping),
 * which reads what real handsets and PC mailers put there: the NEC special row (≒ ≡ ∫ √ ⊥ ∠ ∵ ∩ ∪, ①, ㈱), the
 * NEC-selected IBM extensions (纊, 髙, ⅰ) and 〝〟, and gives ～ － ￢ as Windows-31J does. {@code x-windows-50220}
 * loses ∫ √ ⊥ and 〝 and reads the IBM rows as private-use characters.
 *
 * <p>Two kinds of bytes still go through {@code x-windows-50220}: JIS X 0212 ({@code ESC $ ( D}), which it writes
 * for ～ and the IBM extensions (this application's own outbound mail, quoted back), and, in mail from au (emoji set
 * {@code au}), pairs in rows 0x75–0x7B, where au handsets write their emoji over the IBM rows: it gives the
 * private-use character the emoji table is keyed by.
 */
final class JisText {

    static final Charset WINDOWS = Charset.forName("x-windows-iso2022jp");
    static final Charset CP50220 = Charset.forName("x-windows-50220");

    private static final byte ESC = 0x1b;
    private static final byte[] ASCII = {ESC, '(', 'B'};
    private static final String GETA = "\u3013";

    private JisText() {}

    /**
     * @param auEmoji whether rows 0x75–0x7B are au emoji
     * @param malformed what to do with bytes that are not ISO-2022-JP (REPORT throws, REPLACE gives 〓)
     */
    static String decode(byte[] bytes, boolean auEmoji, CodingErrorAction malformed) throws CharacterCodingException {
        StringBuilder out = new StringBuilder(bytes.length);
        ByteArrayOutputStream run = new ByteArrayOutputStream(bytes.length);
        Charset runCharset = WINDOWS;
        byte[] inForce = ASCII;
        boolean switched = false;
        int i = 0;
        while (i < bytes.length) {
            byte b = bytes[i];
            if (b == ESC && i + 2 < bytes.length) {
                byte[] escape = escape(bytes, i);
                if (escape != null) {
                    // written before the next character, into the run of the charset that reads it
                    inForce = escape;
                    switched = true;
                    i += escape.length;
                    continue;
                }
            }
            boolean pair = inForce[1] == '$' && b >= 0x21 && b <= 0x7e && i + 1 < bytes.length;
            boolean x0212 = inForce.length == 4 && inForce[3] == 'D';
            boolean emoji = auEmoji
                    && pair
                    && inForce.length == 3
                    && b >= 0x75
                    && b <= 0x7b
                    && i + 1 < bytes.length
                    && bytes[i + 1] >= 0x21
                    && bytes[i + 1] <= 0x7e;
            Charset charset = x0212 || emoji ? CP50220 : WINDOWS;
            if (charset != runCharset) {
                out.append(decode(runCharset, run.toByteArray(), malformed));
                run.reset();
                runCharset = charset;
                switched = true; // the new run goes on in the mode in force
            }
            if (switched) {
                run.write(inForce, 0, inForce.length);
                switched = false;
            }
            int n = pair ? 2 : 1; // a two-byte character is read whole, so its second byte is never taken for a first
            run.write(bytes, i, n);
            i += n;
        }
        out.append(decode(runCharset, run.toByteArray(), malformed));
        return out.toString();
    }

    /** The escape sequence at {@code i} ({@code ESC ( B}, {@code ESC $ B}, {@code ESC $ ( D}, …), or null. */
    private static byte[] escape(byte[] b, int i) {
        if (b[i + 1] == '$' && b[i + 2] == '(' && i + 3 < b.length) {
            return new byte[] {ESC, '$', '(', b[i + 3]};
        }
        if (b[i + 1] == '$' || b[i + 1] == '(') {
            return new byte[] {ESC, b[i + 1], b[i + 2]};
        }
        return null;
    }

    private static String decode(Charset charset, byte[] bytes, CodingErrorAction malformed)
            throws CharacterCodingException {
        if (bytes.length == 0) {
            return "";
        }
        return charset.newDecoder()
                .onMalformedInput(malformed)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(GETA)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}

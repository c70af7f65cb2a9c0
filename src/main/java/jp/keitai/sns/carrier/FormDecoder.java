package jp.keitai.sns.carrier;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Re-encodes a URL-encoded form or query string sent in the page charset (Shift_JIS for most handsets) as UTF-8, so
 * JAX-RS reads {@code @FormParam}/{@code @QueryParam} as Unicode. Invalid bytes and broken escapes become U+FFFD; the
 * handset's emoji become Unicode emoji on the way.
 */
final class FormDecoder {

    private FormDecoder() {}

    /**
     * @param raw the query string or body as sent (bytes as ISO-8859-1 characters; raw non-ASCII is tolerated)
     * @param emoji turns the carrier's emoji in a decoded value into Unicode
     */
    static String toUtf8(String raw, Charset charset, UnaryOperator<String> emoji) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            String pair = raw.substring(start, end);
            if (!pair.isEmpty()) {
                if (out.length() > 0) {
                    out.append('&');
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                out.append(URLEncoder.encode(emoji.apply(decode(name, charset)), StandardCharsets.UTF_8));
                if (eq >= 0) {
                    out.append('=')
                            .append(URLEncoder.encode(
                                    emoji.apply(decode(pair.substring(eq + 1), charset)), StandardCharsets.UTF_8));
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out.toString();
    }

    /** Percent-decoding that never fails: a broken escape stays as it is, then the bytes are decoded leniently. */
    static String decode(String component, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && hex(component, i + 1) >= 0) {
                bytes.write(hex(component, i + 1));
                i += 2;
            } else if (c < 0x100) {
                bytes.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith("\uFFFD")
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    private static int hex(String s, int at) {
        if (at + 1 >= s.length()) {
            return -1;
        }
        int hi = Character.digit(s.charAt(at), 16);
        int lo = Character.digit(s.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    /** Parses an already UTF-8, well-formed form into name → values. */
    static Map<String, List<String>> parse(String utf8Form) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (utf8Form == null || utf8Form.isEmpty()) {
            return map;
        }
        for (String pair : utf8Form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return map;
    }

    /** Bytes to the ISO-8859-1 string {@link #toUtf8} expects. */
    static String latin1(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1);
    }
}

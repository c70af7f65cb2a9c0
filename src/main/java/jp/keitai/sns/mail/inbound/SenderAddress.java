package jp.keitai.sns.mail.inbound;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sender's address from a From header, as the carrier issued it. Carriers issued local parts no RFC allows:
 * docomo's {@code a..b.@docomo.ne.jp}, quoted {@code "a..b"@docomo.ne.jp}, and au's {@code a(--)l@ezweb.ne.jp}, whose
 * {@code (--)} an RFC 5322 reader takes for a comment and drops, leaving {@code a}: a bare address whose local part
 * holds a parenthesis is therefore kept whole, and never shortened.
 */
final class SenderAddress {

    private static final Pattern ANGLE = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final Pattern BARE = Pattern.compile("[^\\s<>]+@[^\\s<>]+");

    private SenderAddress() {}

    /** The From header's address as given; the envelope sender when there is none or it is unreadable. */
    static String of(String header, String envelopeFrom) {
        if (header != null && !header.isBlank()) {
            String bare = bareWithParenthesis(header);
            if (bare != null) {
                return bare;
            }
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
                if (parsed.length > 0 && parsed[0].getAddress() != null) {
                    return parsed[0].getAddress();
                }
            } catch (AddressException e) {
                // fall through: take what is between < > or the whole value
            }
            Matcher m = ANGLE.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
            String trimmed = header.trim();
            if (BARE.matcher(trimmed).matches()) {
                return trimmed;
            }
        }
        return envelopeFrom == null ? "" : envelopeFrom;
    }

    /**
     * For a header without {@code < >}: the word holding the {@code @} when a parenthesis is in its local part
     * ({@code a(--)l@ezweb.ne.jp}, or {@code a(--)l@ezweb.ne.jp (Taro)} with a name after it); else null.
     */
    private static String bareWithParenthesis(String header) {
        String h = header.replace("\r", "").replace("\n", " ").trim();
        if (h.indexOf('<') >= 0 || h.indexOf('"') >= 0) {
            return null;
        }
        for (String word : h.split("[ \\t]+")) {
            int at = word.lastIndexOf('@');
            if (at > 0) {
                String w = word.endsWith(",") ? word.substring(0, word.length() - 1) : word;
                String local = w.substring(0, at);
                String domain = w.substring(at + 1);
                boolean parenthesis = local.indexOf('(') >= 0 || local.indexOf(')') >= 0;
                boolean plainDomain = domain.indexOf('(') < 0 && domain.indexOf(')') < 0;
                return parenthesis && plainDomain && BARE.matcher(w).matches() ? w : null;
            }
        }
        return null;
    }
}

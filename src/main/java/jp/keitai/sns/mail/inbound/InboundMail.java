package jp.keitai.sns.mail.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One inbound mail as a handler sees it: already Unicode (charset decoded, carrier emoji converted, decomail turned
 * into text, signature dropped), with its photos checked against the limits.
 *
 * @param spoolId the spool row
 * @param messageId the Message-ID header as sent, or null
 * @param dedupKey what makes two deliveries "the same mail" for this recipient (Message-ID, or the raw bytes)
 * @param envelopeFrom SMTP MAIL FROM (may be empty for bounces)
 * @param from the From header's address as given, leniently parsed ({@code a..b.@docomo.ne.jp} and
 *     {@code "a.b."@docomo.ne.jp} stay as they are); the envelope sender when there is no From
 * @param recipient the full recipient address (RCPT TO)
 * @param localPart the recipient's local part as given, e.g. {@code d.k3j5…}: the route and its secret
 * @param carrier the sender's carrier id (docomo, au, softbank, willcom, emobile, smartphone, pc)
 * @param subject the subject, Unicode, trimmed
 * @param text the text body, Unicode, line breaks {@code \n}, signature after a {@code "-- "} line dropped
 * @param fromHtml whether the text came from an HTML (decomail) part
 * @param photos JPEG/PNG/GIF attachments within the limits (decomail decorations excluded)
 * @param notes parts that were ignored, in Japanese (e.g. a video attachment)
 * @param autoSubmitted an {@code Auto-Submitted} header other than {@code no}: answer it never
 */
public record InboundMail(
        long spoolId,
        String messageId,
        String dedupKey,
        String envelopeFrom,
        String from,
        String recipient,
        String localPart,
        String carrier,
        String subject,
        String text,
        boolean fromHtml,
        List<PhotoCandidate> photos,
        List<String> notes,
        boolean autoSubmitted,
        Instant receivedAt) {

    public InboundMail {
        photos = List.copyOf(photos);
        notes = List.copyOf(notes);
    }

    /**
     * The sender in the form members' addresses are stored: quotes around the local part removed, domain lower-cased
     * ({@code "a.b."@DoCoMo.ne.jp} → {@code a.b.@docomo.ne.jp}).
     */
    public String fromCanonical() {
        return canonical(from);
    }

    /** True when the mail has neither subject nor text (the 空メール of registration). */
    public boolean isEmpty() {
        return subject.isBlank() && text.isBlank();
    }

    static String canonical(String address) {
        if (address == null) {
            return "";
        }
        String a = address.trim();
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return a;
        }
        String local = a.substring(0, at);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return local + "@" + a.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}

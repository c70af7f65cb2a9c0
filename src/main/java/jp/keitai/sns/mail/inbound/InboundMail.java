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
 * @param bulk a {@code Precedence} header of {@code bulk}, {@code list} or {@code junk} (mailing lists, newsletters)
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
        boolean bulk,
        Instant receivedAt) {

    /**
     * What posting routes answer (to the registered address) when the From header is the member's address but the
     * SMTP envelope sender is not ({@link #envelopeAgreesWithFrom()}).
     */
    public static final String ENVELOPE_DISAGREES = "差出人（From）は登録されている携帯のメールアドレスでしたが、実際の送信元が違いました。"
            + "なりすましの疑いがあるため投稿しませんでした。投稿用アドレスが他人に知られた場合は、設定の「メール投稿アドレス」から変更してください。";

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

    /**
     * Why this mail is not one a person wrote, or null when it looks like one: a bounce (empty or {@code MAILER-DAEMON}
     * envelope sender), {@code Auto-Submitted} other than {@code no}, {@code Precedence: bulk/list/junk}. Such mail
     * is never answered (RFC 3834), so no answer can start a mail loop or be aimed at a third party.
     */
    public String notFromAPerson() {
        String envelope = envelopeFrom == null ? "" : envelopeFrom.trim();
        int at = envelope.lastIndexOf('@');
        String local = at < 0 ? envelope : envelope.substring(0, at);
        if (envelope.isEmpty()) {
            return "エラー通知のメールです（エンベロープの差出人が空）";
        }
        if (local.equalsIgnoreCase("mailer-daemon")) {
            return "エラー通知のメールです（MAILER-DAEMON）";
        }
        if (autoSubmitted) {
            return "自動送信のメールです（Auto-Submitted）";
        }
        if (bulk) {
            return "一斉配信のメールです（Precedence）";
        }
        return null;
    }

    /**
     * Whether the SMTP envelope sender is the From header's address (compared as members' addresses are stored). A
     * handset's mail always agrees; a From header written by someone else usually does not.
     */
    public boolean envelopeAgreesWithFrom() {
        return envelopeFrom != null
                && !envelopeFrom.isBlank()
                && canonical(envelopeFrom).equals(fromCanonical());
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

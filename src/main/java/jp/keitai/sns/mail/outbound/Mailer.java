package jp.keitai.sns.mail.outbound;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Sends mail to members: renders a template from {@code mobile-templates/mail/}, encodes it for the recipient's
 * carrier ({@link MailEncoding}) and queues the finished bytes in {@code mail_outbox}. Nothing leaves before the
 * queueing transaction commits, so a refused or rolled-back post never sends its reply, and a queued mail survives a
 * restart; the {@link OutboundDispatcher} delivers it.
 *
 * <pre>{@code
 * mailer.queue(em, member.getMobileEmail(), "refused", Map.of("reason", "件名がありません"));  // inside your transaction
 * mailer.send("a@docomo.ne.jp", "echo", values);                                            // a transaction of its own
 * }</pre>
 *
 * Every template also sees {@code ${baseUrl}}, {@code ${mailDomain}} and {@code ${to}}.
 */
public final class Mailer {

    private static final Pattern ADDRESS =
            Pattern.compile("(\"[^\"\\\\\\r\\n]{1,64}\"|[!-~&&[^<>,;:\"@\\\\]]+)@[A-Za-z0-9.-]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter MESSAGE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Database database;
    private final OutboundSettings settings;
    private final MailTemplates templates;

    public Mailer(Database database, OutboundSettings settings, MailTemplates templates) {
        this.database = database;
        this.settings = settings;
        this.templates = templates;
    }

    /** A mail ready to go: its Message-ID, the carrier it was written for, and the bytes. */
    public record Composed(String messageId, String carrier, MailEncoding encoding, String subject, byte[] raw) {}

    /**
     * Queues a mail in the caller's transaction (it is sent only if that commits).
     *
     * @return the Message-ID of the queued mail
     * @throws IllegalArgumentException for an address that cannot be written into a header, or a template problem
     */
    public String queue(EntityManager em, String to, String template, Map<String, ?> values) {
        Instant now = Clock.now();
        Composed mail = compose(to, template, values, now);
        // A plain INSERT rather than em.persist: nobody needs the new row's id here, and fetching it (an identity
        // column) cost a second statement for every reply the mail worker queues.
        String subject = mail.subject().length() > 1000 ? mail.subject().substring(0, 1000) : mail.subject();
        em.createNativeQuery("insert into mail_outbox (created_at, recipient, carrier, template, subject, message_id,"
                        + " raw, state, attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, to.trim())
                .setParameter(3, mail.carrier())
                .setParameter(4, template)
                .setParameter(5, subject)
                .setParameter(6, mail.messageId())
                .setParameter(7, mail.raw())
                .setParameter(8, OutboxMail.QUEUED)
                .setParameter(9, Timestamp.from(now))
                .executeUpdate();
        return mail.messageId();
    }

    /** Queues a mail in a transaction of its own. */
    public String send(String to, String template, Map<String, ?> values) {
        return database.tx(em -> queue(em, to, template, values));
    }

    /** Renders and encodes a mail for the recipient's carrier without queueing it. */
    public Composed compose(String to, String template, Map<String, ?> values, Instant now) {
        String address = to == null ? "" : to.trim();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a mail address that can be written into a header");
        }
        String carrier = MailCarriers.carrierOf(address);
        Map<String, Object> all = new HashMap<>();
        all.put("baseUrl", settings.baseUrl());
        all.put("mailDomain", settings.mailDomain());
        all.put("to", address);
        all.putAll(values);
        MailTemplates.Rendered rendered = templates.render(template, carrier, all);
        MailEncoding encoding = MailEncoding.forCarrier(carrier);
        String messageId = "<" + MESSAGE_ID_TIME.format(now.atZone(Clock.JAPAN)) + "."
                + HexFormat.of().formatHex(randomBytes()) + "@" + settings.mailDomain() + ">";

        byte[] body = encoding.encode(encoding.prepare(rendered.body(), carrier));
        String transfer = encoding.transferEncodingFor(body);
        StringBuilder head = new StringBuilder();
        header(head, "Date", DATE.format(ZonedDateTime.ofInstant(now, Clock.JAPAN)));
        header(head, "From", settings.from());
        header(head, "To", address);
        header(head, "Subject", encoding.encodeHeader(encoding.prepare(rendered.subject(), carrier), 9));
        header(head, "Message-ID", messageId);
        header(head, "MIME-Version", "1.0");
        header(head, "Content-Type", "text/plain; charset=" + encoding.mimeName());
        header(head, "Content-Transfer-Encoding", transfer);
        // RFC 3834: tells auto-responders (and our own inbound side) not to answer
        header(head, "Auto-Submitted", "auto-generated");
        head.append("\r\n");

        ByteArrayOutputStream raw = new ByteArrayOutputStream(head.length() + body.length * 2);
        raw.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (transfer.equals("base64")) {
            raw.writeBytes(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encode(body));
            raw.writeBytes(new byte[] {'\r', '\n'});
        } else {
            raw.writeBytes(body);
            if (body.length > 0 && body[body.length - 1] != '\n') {
                raw.writeBytes(new byte[] {'\r', '\n'});
            }
        }
        return new Composed(messageId, carrier, encoding, rendered.subject(), raw.toByteArray());
    }

    private static void header(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}

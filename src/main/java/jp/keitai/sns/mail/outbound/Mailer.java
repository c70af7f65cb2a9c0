package jp.keitai.sns.mail.outbound;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import jp.keitai.sns.carrier.CarrierProfile;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Sends mail to members: renders a template from {@code mobile-templates/mail/}, encodes it as the recipient's carrier
 * file says ({@link MailEncoding}, from its {@code [mail]} section) and queues the finished bytes in
 * {@code mail_outbox}. Nothing leaves before the queueing transaction commits, so a refused or rolled-back post never
 * sends its reply, and a queued mail survives a restart; the {@link OutboundDispatcher} delivers it.
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
    private static final DateTimeFormatter MESSAGE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Database database;
    private final OutboxStore outbox;
    private final OutboundSettings settings;
    private final MailTemplates templates;
    private final CarrierRegistry carriers;

    /** A Mailer that knows the carriers from the shipped {@code carrier-config/} (code built outside CDI). */
    public Mailer(Database database, OutboundSettings settings, MailTemplates templates) {
        this(database, settings, templates, CarrierRegistry.load(Optional.empty()));
    }

    /** @param carriers which carrier an address is, and how mail to it is written */
    public Mailer(Database database, OutboundSettings settings, MailTemplates templates, CarrierRegistry carriers) {
        this.database = database;
        this.outbox = new OutboxStore(database);
        this.settings = settings;
        this.templates = templates;
        this.carriers = carriers;
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
        return queue(em, to, template, values, null);
    }

    /**
     * {@link #queue(EntityManager, String, String, Map)} with a {@code Reply-To} header: a handset's reply goes to that
     * address (a posting address such as {@code m.{secret}@}) rather than to the site's From.
     */
    public String queue(EntityManager em, String to, String template, Map<String, ?> values, String replyTo) {
        Instant now = Clock.now();
        Composed mail = compose(to, template, values, now, replyTo);
        String subject = mail.subject().length() > 1000 ? mail.subject().substring(0, 1000) : mail.subject();
        outbox.add(
                em,
                new OutboxStore.Row(now, to.trim(), mail.carrier(), template, subject, mail.messageId(), mail.raw()));
        return mail.messageId();
    }

    /** Queues a mail in a transaction of its own. */
    public String send(String to, String template, Map<String, ?> values) {
        return database.tx(em -> queue(em, to, template, values));
    }

    /** Renders and encodes a mail for the recipient's carrier without queueing it. */
    public Composed compose(String to, String template, Map<String, ?> values, Instant now) {
        return compose(to, template, values, now, null);
    }

    private Composed compose(String to, String template, Map<String, ?> values, Instant now, String replyTo) {
        if (replyTo != null
                && (replyTo.length() > 254 || !ADDRESS.matcher(replyTo).matches())) {
            throw new IllegalArgumentException("not a Reply-To address that can be written into a header");
        }
        String address = to == null ? "" : to.trim();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a mail address that can be written into a header");
        }
        CarrierProfile carrier = carriers.mailProfileOf(address);
        Map<String, Object> all = new HashMap<>();
        all.put("baseUrl", settings.baseUrl());
        all.put("mailDomain", settings.mailDomain());
        all.put("to", address);
        all.putAll(values);
        MailTemplates.Rendered rendered =
                templates.render(template, carrier.getId(), carrier.getFamily().suffix(), all);
        MailEncoding encoding = MailEncoding.of(carrier.getMail());
        Stamp stamp = stamp(now);
        String messageId = "<" + stamp.idTime() + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "@" + settings.mailDomain()
                + ">";

        byte[] body = encoding.encode(encoding.prepare(rendered.body(), carrier.getEmoji()));
        String transfer = encoding.transferEncodingFor(body);
        StringBuilder head = new StringBuilder();
        header(head, "Date", stamp.date());
        header(head, "From", settings.from());
        header(head, "To", address);
        if (replyTo != null) {
            header(head, "Reply-To", replyTo);
        }
        header(head, "Subject", encoding.encodeHeader(encoding.prepare(rendered.subject(), carrier.getEmoji()), 9));
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
        return new Composed(messageId, carrier.getId(), encoding, rendered.subject(), raw.toByteArray());
    }

    private static void header(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    /** The Date header and the Message-ID's time, made once per second rather than once per mail. */
    private record Stamp(long second, String date, String idTime) {}

    private static volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, "", "");

    private static Stamp stamp(Instant now) {
        Stamp s = lastStamp;
        if (s.second() != now.getEpochSecond()) {
            ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(now.getEpochSecond()), Clock.JAPAN);
            s = new Stamp(now.getEpochSecond(), DATE.format(t), MESSAGE_ID_TIME.format(t));
            lastStamp = s;
        }
        return s;
    }
}

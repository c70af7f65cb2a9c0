package jp.keitai.sns.mail.outbound;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;

/**
 * Delivers queued mail: in {@code file} mode as {@code <data>/outbox/<time>-<id>.eml}, in {@code smtp} mode through
 * the relay. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so several nodes can run this and a
 * row claimed by a node that died is picked up again when its lease ends. A relay that fails is retried with doubling
 * delays; after {@code sns.outbound.max-attempts} the mail is marked failed. Delivery is at least once: a crash between
 * the relay's "250" and marking the row sent repeats the mail with the same Message-ID.
 */
public final class OutboundDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboundDispatcher.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 20;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Database database;
    private final OutboundSettings settings;
    private final String node;

    public OutboundDispatcher(Database database, OutboundSettings settings, String node) {
        this.database = database;
        this.settings = settings;
        this.node = node;
    }

    /** Delivers what is due at {@code now}; returns how many rows were attempted. */
    public int deliverDue(Instant now) {
        List<Long> ids = claim(now);
        for (Long id : ids) {
            deliver(id, now);
        }
        return ids.size();
    }

    private List<Long> claim(Instant now) {
        return database.jdbc(c -> {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("select id from mail_outbox where state = 'queued'"
                        + " and next_attempt_at <= ? and (lease_until is null or lease_until < ?)"
                        + " order by next_attempt_at, id limit ? for update skip locked")) {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setTimestamp(2, Timestamp.from(now));
                    s.setInt(3, BATCH);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            ids.add(r.getLong(1));
                        }
                    }
                }
                try (PreparedStatement u = c.prepareStatement(
                        "update mail_outbox set claimed_by = ?, lease_until = ?, attempts = attempts + 1 where id = ?")) {
                    for (Long id : ids) {
                        u.setString(1, node);
                        u.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
                        u.setLong(3, id);
                        u.addBatch();
                    }
                    u.executeBatch();
                }
                c.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private void deliver(long id, Instant now) {
        OutboxMail mail = database.read(em -> em.find(OutboxMail.class, id));
        if (mail == null || !OutboxMail.QUEUED.equals(mail.getState()) || !node.equals(mail.getClaimedBy())) {
            return;
        }
        String error = null;
        boolean permanent = false;
        try {
            if (settings.mode() == Settings.OutboundMode.FILE) {
                writeFile(mail);
            } else {
                relay(mail);
            }
        } catch (SendFailedException e) {
            // the relay refused the recipient itself: trying again will not help
            error = "relay refused: " + e.getMessage();
            permanent = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
        } catch (MessagingException | IOException | UncheckedIOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String failure = error;
        boolean giveUp = permanent || mail.getAttempts() >= settings.maxAttempts();
        database.run(em -> {
            OutboxMail m = em.find(OutboxMail.class, id);
            if (failure == null) {
                m.sent(Clock.now());
            } else if (giveUp) {
                m.failed(failure);
            } else {
                m.retryAt(now.plus(settings.backoff(m.getAttempts())), failure);
            }
        });
        if (failure != null) {
            LOG.log(giveUp ? Level.WARNING : Level.INFO, "outbound mail #{0} {1} after attempt {2}: {3}", new Object[] {
                id, giveUp ? "failed" : "will be retried", mail.getAttempts(), failure
            });
        }
    }

    /** The same row always makes the same file name, so a repeated delivery overwrites rather than duplicates. */
    private void writeFile(OutboxMail mail) throws IOException {
        Path dir = settings.outboxDir();
        Files.createDirectories(dir);
        String name = FILE_TIME.format(mail.getCreatedAt().atZone(Clock.JAPAN)) + "-"
                + String.format("%010d", mail.getId()) + ".eml"; // sorts by time, then queue order
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.write(tmp, mail.getRaw());
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void relay(OutboxMail mail) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.smtpHost());
        p.setProperty("mail.smtp.port", Integer.toString(settings.smtpPort()));
        p.setProperty("mail.smtp.from", settings.from());
        p.setProperty("mail.smtp.localhost", settings.mailDomain());
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "60000");
        p.setProperty("mail.smtp.writetimeout", "60000");
        p.setProperty("mail.mime.address.strict", "false");
        Session session = Session.getInstance(p);
        // parsed back from the stored bytes and sent without saveChanges(), so the Message-ID and encoding stay ours
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mail.getRaw()));
        Address[] to = {new InternetAddress(mail.getRecipient(), false)};
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, to);
        }
    }
}

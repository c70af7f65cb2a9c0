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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.mail.outbound.OutboxStore.Due;
import jp.keitai.sns.mail.outbound.OutboxStore.Outcome;
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
    private static final int BATCH = 100;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final OutboxStore store;
    private final OutboundSettings settings;
    private final String node;

    public OutboundDispatcher(Database database, OutboundSettings settings, String node) {
        this.store = new OutboxStore(database);
        this.settings = settings;
        this.node = node;
    }

    /** Delivers what is due at {@code now}; returns how many rows were attempted. */
    public int deliverDue(Instant now) {
        List<Long> ids = store.claim(now, node, BATCH, LEASE);
        if (ids.isEmpty()) {
            return 0;
        }
        // the claimed rows are read in one statement and their outcomes written in one batch
        List<Due> due = store.load(node, ids);
        List<Outcome> outcomes = new ArrayList<>(due.size());
        for (Due mail : due) {
            outcomes.add(deliver(mail, now));
        }
        store.record(outcomes);
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                LOG.log(
                        o.giveUp() ? Level.WARNING : Level.INFO,
                        "outbound mail #{0} {1} after attempt {2}: {3}",
                        new Object[] {o.id(), o.giveUp() ? "failed" : "will be retried", o.attempts(), o.error()});
            }
        }
        return ids.size();
    }

    private Outcome deliver(Due mail, Instant now) {
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
        if (error == null) {
            return new Outcome(mail.id(), mail.attempts(), null, false, Clock.now());
        }
        boolean giveUp = permanent || mail.attempts() >= settings.maxAttempts();
        return new Outcome(
                mail.id(), mail.attempts(), error, giveUp, giveUp ? now : now.plus(settings.backoff(mail.attempts())));
    }

    /** The same row always makes the same file name, so a repeated delivery overwrites rather than duplicates. */
    private void writeFile(Due mail) throws IOException {
        Path dir = settings.outboxDir();
        Files.createDirectories(dir);
        String name = FILE_TIME.format(mail.createdAt().atZone(Clock.JAPAN)) + "-" + String.format("%010d", mail.id())
                + ".eml"; // sorts by time, then queue order
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.write(tmp, mail.raw());
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private volatile Session relaySession;

    /** One Session for every relayed mail: its settings do not change while the application runs. */
    private Session relaySession() {
        Session s = relaySession;
        if (s == null) {
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", settings.smtpHost());
            p.setProperty("mail.smtp.port", Integer.toString(settings.smtpPort()));
            p.setProperty("mail.smtp.from", settings.from());
            p.setProperty("mail.smtp.localhost", settings.mailDomain());
            p.setProperty("mail.smtp.connectiontimeout", "10000");
            p.setProperty("mail.smtp.timeout", "60000");
            p.setProperty("mail.smtp.writetimeout", "60000");
            p.setProperty("mail.mime.address.strict", "false");
            s = Session.getInstance(p);
            relaySession = s;
        }
        return s;
    }

    private void relay(Due mail) throws MessagingException {
        Session session = relaySession();
        // parsed back from the stored bytes and sent without saveChanges(), so the Message-ID and encoding stay ours
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mail.raw()));
        Address[] to = {new InternetAddress(mail.recipient(), false)};
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, to);
        }
    }
}

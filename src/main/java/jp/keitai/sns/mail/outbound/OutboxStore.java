package jp.keitai.sns.mail.outbound;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.system.Database;

/**
 * The outbound queue, {@code mail_outbox}: rows queued by the {@link Mailer}, claimed and marked by the
 * {@link OutboundDispatcher}. Plain JDBC: rows go in and are marked as batches, and a claim needs
 * {@code FOR UPDATE SKIP LOCKED}, which JPQL cannot say.
 */
final class OutboxStore {

    // A plain INSERT rather than em.persist: nobody needs the new row's id here, and fetching it (an identity column)
    // would cost a statement more per mail.
    private static final String INSERT = "insert into mail_outbox (created_at, recipient, carrier, template, subject,"
            + " message_id, raw, state, attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

    /** The key of this thread's transaction's waiting rows. */
    private static final Object PENDING = new Object();

    private final Database database;

    /** @param database null only for a Mailer that composes and never queues outside a caller's transaction */
    OutboxStore(Database database) {
        this.database = database;
    }

    /** One mail to queue. */
    record Row(Instant at, String to, String carrier, String template, String subject, String messageId, byte[] raw) {}

    /** A claimed row, as delivery needs it. */
    record Due(long id, Instant createdAt, String recipient, byte[] raw, int attempts) {}

    /** What became of one delivery: error null = sent; else retried at {@code at}, or failed when {@code giveUp}. */
    record Outcome(long id, int attempts, String error, boolean giveUp, Instant at) {}

    /**
     * Queues a row in the caller's transaction. Inside a {@code Database.tx} the rows wait for the end of the
     * transaction and go in as one JDBC batch, so a mail worker answering each mail of its batch pays one statement
     * for all the replies; they still commit, or roll back, with everything else.
     */
    void add(EntityManager em, Row row) {
        List<Row> pending = database == null
                ? null
                : database.transactionLocal(PENDING, () -> {
                    List<Row> rows = new ArrayList<>();
                    database.beforeCommit(() -> database.jdbc(c -> insert(c, rows)));
                    return rows;
                });
        if (pending != null) {
            pending.add(row);
        } else {
            try {
                insert(em.unwrap(Connection.class), List.of(row));
            } catch (SQLException e) {
                throw new Database.DatabaseException(e);
            }
        }
    }

    private static int insert(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Row r : rows) {
                Timestamp at = Timestamp.from(r.at());
                ps.setTimestamp(1, at);
                ps.setString(2, r.to());
                ps.setString(3, r.carrier());
                ps.setString(4, r.template());
                ps.setString(5, r.subject());
                ps.setString(6, r.messageId());
                ps.setBytes(7, r.raw());
                ps.setString(8, OutboxMail.QUEUED);
                ps.setTimestamp(9, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    /**
     * Claims up to {@code limit} due rows for {@code node} until {@code now + lease}, in a transaction of its own;
     * rows another node holds are skipped, and a row whose lease ran out is due again.
     */
    List<Long> claim(Instant now, String node, int limit, Duration lease) {
        return database.jdbc(c -> {
            c.setAutoCommit(false);
            try {
                database.indexScansOnly(c);
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setTimestamp(2, Timestamp.from(now));
                    s.setInt(3, limit);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            ids.add(r.getLong(1));
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    // one statement for the round, not one per row
                    try (PreparedStatement u = c.prepareStatement("update mail_outbox set claimed_by = ?,"
                            + " lease_until = ?, attempts = attempts + 1 where id in ("
                            + Database.placeholders(ids.size())
                            + ")")) {
                        u.setString(1, node);
                        u.setTimestamp(2, Timestamp.from(now.plus(lease)));
                        for (int i = 0; i < ids.size(); i++) {
                            u.setLong(i + 3, ids.get(i));
                        }
                        u.executeUpdate();
                    }
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

    /**
     * The oldest due rows, locked. Served by {@code mail_outbox_due_idx (state, next_attempt_at, id)} in this order,
     * so a claim reads its batch and stops however long the queue is.
     */
    static final String CLAIM = "select id from mail_outbox where state = 'queued' and next_attempt_at <= ?"
            + " and (lease_until is null or lease_until < ?) order by next_attempt_at, id limit ? for update skip locked";

    /**
     * The claimed rows by primary key; whether each is still queued and held is checked on the rows read. A {@code
     * state = 'queued'} condition here would let the planner combine the primary key with the due index and read the
     * whole queue's entries for every batch.
     */
    static String load(int rows) {
        return "select id, created_at, recipient, raw, attempts, state, claimed_by from mail_outbox where id in ("
                + Database.placeholders(rows) + ") order by id";
    }

    /** The claimed rows still queued and held by {@code node}, in one statement. */
    List<Due> load(String node, List<Long> ids) {
        return database.tx(em -> database.jdbc(c -> {
            database.indexScansOnly(c);
            List<Due> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(load(ids.size()))) {
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(i + 1, ids.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!OutboxMail.QUEUED.equals(r.getString(6)) || !node.equals(r.getString(7))) {
                            continue; // sent meanwhile, or taken over after the lease ran out
                        }
                        out.add(new Due(
                                r.getLong(1),
                                r.getTimestamp(2).toInstant(),
                                r.getString(3),
                                r.getBytes(4),
                                r.getInt(5)));
                    }
                }
            }
            return out;
        }));
    }

    /** Writes the outcomes of a round in one transaction: a batch each for sent, failed and retried rows. */
    void record(List<Outcome> outcomes) {
        database.tx(em -> database.jdbc(c -> {
            database.indexScansOnly(c);
            return record(c, outcomes);
        }));
    }

    private static int record(Connection c, List<Outcome> outcomes) throws SQLException {
        try (PreparedStatement sent = c.prepareStatement("update mail_outbox set state = 'sent', sent_at = ?,"
                        + " claimed_by = null, lease_until = null, last_error = null where id = ?");
                PreparedStatement failed = c.prepareStatement("update mail_outbox set state = 'failed',"
                        + " claimed_by = null, lease_until = null, last_error = ? where id = ?");
                PreparedStatement retry = c.prepareStatement("update mail_outbox set next_attempt_at = ?,"
                        + " claimed_by = null, lease_until = null, last_error = ? where id = ?")) {
            boolean anySent = false;
            boolean anyFailed = false;
            boolean anyRetry = false;
            for (Outcome o : outcomes) {
                if (o.error() == null) {
                    sent.setTimestamp(1, Timestamp.from(o.at()));
                    sent.setLong(2, o.id());
                    sent.addBatch();
                    anySent = true;
                } else if (o.giveUp()) {
                    failed.setString(1, clip(o.error()));
                    failed.setLong(2, o.id());
                    failed.addBatch();
                    anyFailed = true;
                } else {
                    retry.setTimestamp(1, Timestamp.from(o.at()));
                    retry.setString(2, clip(o.error()));
                    retry.setLong(3, o.id());
                    retry.addBatch();
                    anyRetry = true;
                }
            }
            if (anySent) {
                sent.executeBatch();
            }
            if (anyFailed) {
                failed.executeBatch();
            }
            if (anyRetry) {
                retry.executeBatch();
            }
        }
        return outcomes.size();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

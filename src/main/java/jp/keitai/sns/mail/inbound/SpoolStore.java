package jp.keitai.sns.mail.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * The inbound spool, {@code mail_spool}: rows inserted by the {@link Spool} writer, claimed, locked and marked by the
 * {@link SpoolWorker}s. Plain JDBC: rows go in and are marked as batches, claims need {@code FOR UPDATE SKIP LOCKED},
 * and the raw mail bytes must not pass through a persistence context that copies and compares them at every flush.
 * Inside a {@code Database.tx} every method joins that transaction.
 */
final class SpoolStore {

    private static final String INSERT = "insert into mail_spool (received_at, remote_addr, helo, envelope_from,"
            + " recipient, local_part, message_id, dedup_key, size_bytes, raw, state, attempts)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 0)";

    private static final String ROW_COLUMNS = "id, received_at, remote_addr, helo, envelope_from, recipient,"
            + " local_part, message_id, dedup_key, raw, state, claimed_by";

    private final Database database;

    SpoolStore(Database database) {
        this.database = database;
    }

    /**
     * Deletes rows handled (posted, refused or duplicate) before {@code before}; quarantined and unhandled rows stay
     * for the operator and the workers. Returns how many went.
     */
    int purgeHandled(Instant before) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from mail_spool" + " where state in ('done', 'refused', 'duplicate') and handled_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(before));
                return ps.executeUpdate();
            }
        });
    }

    /** Rows claimed for a worker, and rows quarantined on the way because their attempts were used up. */
    record Claimed(List<Long> ids, List<Long> quarantined) {}

    /** What a handled row becomes. */
    record Finish(long id, String state, String route, String reason, Instant at, String handledKey) {}

    /**
     * Inserts mails (each a row per recipient) as one JDBC batch in one transaction of its own, and commits: all of
     * them or none.
     *
     * @return each mail's new row ids, in order
     */
    List<List<Long>> insert(List<List<SpoolMessage>> mails) {
        return database.jdbc(c -> insert(c, mails));
    }

    private static List<List<Long>> insert(Connection c, List<List<SpoolMessage>> mails) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<Long> keys = new ArrayList<>();
            int expected = 0;
            try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
                for (List<SpoolMessage> rows : mails) {
                    for (SpoolMessage row : rows) {
                        bind(ps, row);
                        ps.addBatch();
                        expected++;
                    }
                }
                ps.executeBatch();
                try (ResultSet r = ps.getGeneratedKeys()) {
                    while (r.next()) {
                        keys.add(r.getLong(1));
                    }
                }
            }
            if (keys.size() != expected) {
                throw new SQLException("the database returned " + keys.size() + " keys for " + expected + " rows");
            }
            c.commit();
            List<List<Long>> out = new ArrayList<>();
            int k = 0;
            for (List<SpoolMessage> rows : mails) {
                out.add(List.copyOf(keys.subList(k, k + rows.size())));
                k += rows.size();
            }
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(auto);
            } catch (SQLException e) {
                // the pool resets it
            }
        }
    }

    private static void bind(PreparedStatement ps, SpoolMessage row) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(row.getReceivedAt()));
        ps.setString(2, row.getRemoteAddr());
        ps.setString(3, row.getHelo());
        ps.setString(4, row.getEnvelopeFrom());
        ps.setString(5, row.getRecipient());
        ps.setString(6, row.getLocalPart());
        if (row.getMessageId() == null) {
            ps.setNull(7, Types.VARCHAR);
        } else {
            ps.setString(7, row.getMessageId());
        }
        ps.setString(8, row.getDedupKey());
        ps.setInt(9, row.getSizeBytes());
        ps.setBytes(10, row.getRaw());
    }

    /** The most raw mail bytes one claim takes (a keitai mail is a few KB: a full batch is far below it). */
    static final long CLAIM_BYTES = 16L * 1024 * 1024;

    /**
     * The free rows from {@code fromId} on, oldest first. Served by {@code mail_spool_state_idx (state, id)} from
     * {@code ('new', fromId)}: every row is entered there under state {@code new} when written (and again when
     * claimed, where the claim is not a HOT update), and the entries stay, dead, after it is handled until the table
     * is vacuumed, so a claim from the start of the range reads the whole history since the last vacuum before it
     * reaches a free row.
     */
    static final String CLAIM = "select id, attempts, size_bytes from mail_spool where state = 'new' and id >= ?"
            + " and (lease_until is null or lease_until < ?) order by id limit ? for update skip locked";

    /**
     * Claims up to {@code limit} of the oldest free rows from {@code fromId} on (0: all) for {@code worker} until
     * {@code now + lease}, in a transaction of its own; rows already claimed {@code maxAttempts} times are quarantined
     * instead, with {@code exhausted} as the reason. The claimed rows' raw mail together stays within
     * {@link #CLAIM_BYTES} (at least one row is taken): a worker loads its batch at once, and fifty 10 MB mails would
     * not fit in the heap.
     */
    Claimed claim(
            Instant now, long fromId, int limit, String worker, int maxAttempts, Duration lease, String exhausted) {
        return database.jdbc(conn -> {
            conn.setAutoCommit(false);
            try {
                database.indexScansOnly(conn);
                List<Long> claimed = new ArrayList<>();
                List<Long> used = new ArrayList<>();
                // the same statement on PostgreSQL and H2 2.x (which also skips rows other transactions lock)
                long bytes = 0;
                try (PreparedStatement s = conn.prepareStatement(CLAIM)) {
                    s.setLong(1, fromId);
                    s.setTimestamp(2, Timestamp.from(now));
                    s.setInt(3, limit);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            if (r.getInt(2) >= maxAttempts) {
                                used.add(r.getLong(1));
                                continue;
                            }
                            bytes += r.getLong(3);
                            if (!claimed.isEmpty() && bytes > CLAIM_BYTES) {
                                break; // left for the next claim (locked until this transaction ends)
                            }
                            claimed.add(r.getLong(1));
                        }
                    }
                }
                if (!used.isEmpty()) {
                    try (PreparedStatement u = conn.prepareStatement("update mail_spool set state = 'quarantined',"
                            + " reason = ?, handled_at = ?, claimed_by = null, lease_until = null where id = ?")) {
                        for (long row : used) {
                            u.setString(1, exhausted);
                            u.setTimestamp(2, Timestamp.from(Clock.now()));
                            u.setLong(3, row);
                            u.addBatch();
                        }
                        u.executeBatch();
                    }
                }
                if (!claimed.isEmpty()) {
                    // one statement for the batch, not one per row
                    try (PreparedStatement u = conn.prepareStatement("update mail_spool set claimed_by = ?,"
                            + " lease_until = ?, attempts = attempts + 1 where id in ("
                            + Database.placeholders(claimed.size())
                            + ")")) {
                        u.setString(1, worker);
                        u.setTimestamp(2, Timestamp.from(now.plus(lease)));
                        for (int i = 0; i < claimed.size(); i++) {
                            u.setLong(i + 3, claimed.get(i));
                        }
                        u.executeUpdate();
                    }
                }
                conn.commit();
                return new Claimed(claimed, used);
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        });
    }

    /** The rows, read and locked ({@code FOR UPDATE}) in the caller's transaction, in id order. */
    List<SpoolMessage> lock(List<Long> rowIds) {
        return database.jdbc(c -> {
            database.indexScansOnly(c);
            List<SpoolMessage> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + ROW_COLUMNS + " from mail_spool where id in ("
                    + Database.placeholders(rowIds.size()) + ") order by id for update")) {
                for (int i = 0; i < rowIds.size(); i++) {
                    s.setLong(i + 1, rowIds.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Timestamp received = r.getTimestamp(2);
                        rows.add(SpoolMessage.loaded(
                                r.getLong(1),
                                received == null ? null : received.toInstant(),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6),
                                r.getString(7),
                                r.getString(8),
                                r.getString(9),
                                r.getBytes(10),
                                r.getString(11),
                                r.getString(12)));
                    }
                }
            }
            return rows;
        });
    }

    /** Which of these dedup keys a row has been handled under already, and that row's id: one statement. */
    Map<String, Long> handledBefore(List<String> keys) {
        Map<String, Long> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("select handled_key, id from mail_spool"
                    + " where handled_key in (" + Database.placeholders(keys.size()) + ")")) {
                for (int i = 0; i < keys.size(); i++) {
                    s.setString(i + 1, keys.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** Marks handled rows as one batch; a second row with the same {@code handled_key} fails it (unique index). */
    void finish(List<Finish> finished) {
        database.jdbc(c -> {
            try (PreparedStatement u = c.prepareStatement("update mail_spool set state = ?, route = ?, reason = ?,"
                    + " handled_at = ?, handled_key = ?, claimed_by = null, lease_until = null where id = ?")) {
                for (Finish f : finished) {
                    u.setString(1, f.state());
                    u.setString(2, f.route());
                    u.setString(3, SpoolMessage.clip(f.reason(), 1000));
                    u.setTimestamp(4, Timestamp.from(f.at()));
                    u.setString(5, f.handledKey());
                    u.setLong(6, f.id());
                    u.addBatch();
                }
                u.executeBatch();
            }
            return finished.size();
        });
    }

    /** Frees a row {@code worker} still holds, for another attempt 10 s later per attempt made (at most 300 s). */
    void release(long rowId, String worker, Instant now) {
        database.jdbc(conn -> {
            try (PreparedStatement u = conn.prepareStatement("update mail_spool set claimed_by = null,"
                    + " lease_until = ? where id = ? and claimed_by = ? and state = 'new'")) {
                u.setTimestamp(1, Timestamp.from(now.plusSeconds(10L * Math.min(attempts(conn, rowId), 30))));
                u.setLong(2, rowId);
                u.setString(3, worker);
                return u.executeUpdate();
            }
        });
    }

    private static int attempts(Connection conn, long rowId) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("select attempts from mail_spool where id = ?")) {
            s.setLong(1, rowId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 1;
            }
        }
    }
}

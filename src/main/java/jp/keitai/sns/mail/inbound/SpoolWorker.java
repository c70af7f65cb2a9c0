package jp.keitai.sns.mail.inbound;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Handles spooled mail, a batch at a time. Up to {@code sns.mail.batch} rows are first claimed in one short
 * transaction of their own ({@code FOR UPDATE SKIP LOCKED}, so several workers and nodes share the spool; attempts
 * counted; a lease set). The batch is then handled in a second transaction that locks its rows, calls each route's
 * handler and marks each row done, refused, quarantined or duplicate: the handlers' writes and the new states commit
 * together. If anything in that transaction fails, all of it is rolled back and the rows are handled again one by one,
 * each in a transaction of its own, so a mail whose handling throws is retried (and in the end quarantined) alone
 * while the others of its batch go through. A worker that dies mid-batch rolls that transaction back, and once the
 * lease ends another worker takes the rows again; a mail that keeps failing is quarantined after
 * {@code sns.mail.max-attempts} claims.
 */
public final class SpoolWorker {

    private static final Logger LOG = Logger.getLogger(SpoolWorker.class.getName());

    private final Database database;
    private final MailRoutes routes;
    private final InboundSettings settings;
    private final MailParser parser;
    private final String id;
    private final int batch;

    /** @param id this worker's name in claims (unique per worker thread) */
    public SpoolWorker(Database database, MailRoutes routes, InboundSettings settings, String id) {
        this.database = database;
        this.routes = routes;
        this.settings = settings;
        this.parser = new MailParser(settings);
        this.id = id.length() > 80 ? id.substring(0, 80) : id;
        this.batch = settings.batch();
    }

    /** Handles what is waiting at {@code now} (at most a batch); returns how many rows it took. */
    public int runOnce(Instant now) {
        List<Long> rows = claim(now, batch);
        if (!rows.isEmpty()) {
            handle(rows, now);
        }
        return rows.size();
    }

    /** Claims the oldest free row (see {@link #claim(Instant, int)}). */
    Optional<Long> claim(Instant now) {
        return claim(now, 1).stream().findFirst();
    }

    /**
     * Claims up to {@code limit} of the oldest free rows; rows that have used up their attempts are quarantined on the
     * way (and the next ones tried, so an empty answer means there is nothing to do).
     */
    List<Long> claim(Instant now, int limit) {
        while (true) {
            Claimed c = database.jdbc(conn -> claimIn(conn, now, limit));
            for (long q : c.quarantined()) {
                LOG.warning(() -> "inbound mail #" + q + " quarantined: attempts used up");
            }
            if (!c.ids().isEmpty() || c.quarantined().isEmpty()) {
                return c.ids();
            }
        }
    }

    private record Claimed(List<Long> ids, List<Long> quarantined) {}

    private Claimed claimIn(Connection conn, Instant now, int limit) throws SQLException {
        conn.setAutoCommit(false);
        try {
            database.indexScansOnly(conn);
            List<Long> claimed = new ArrayList<>();
            List<Long> exhausted = new ArrayList<>();
            // the same statement on PostgreSQL and H2 2.x (which also skips rows other transactions lock)
            try (PreparedStatement s = conn.prepareStatement("select id, attempts from mail_spool"
                    + " where state = 'new' and (lease_until is null or lease_until < ?)"
                    + " order by id limit ? for update skip locked")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        (r.getInt(2) >= settings.maxAttempts() ? exhausted : claimed).add(r.getLong(1));
                    }
                }
            }
            if (!exhausted.isEmpty()) {
                try (PreparedStatement u = conn.prepareStatement("update mail_spool set state = 'quarantined',"
                        + " reason = ?, handled_at = ?, claimed_by = null, lease_until = null where id = ?")) {
                    for (long row : exhausted) {
                        u.setString(1, "処理が" + settings.maxAttempts() + "回とも終わりませんでした（エラーまたは処理中の停止）");
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
                    u.setString(1, id);
                    u.setTimestamp(2, Timestamp.from(now.plus(settings.lease())));
                    for (int i = 0; i < claimed.size(); i++) {
                        u.setLong(i + 3, claimed.get(i));
                    }
                    u.executeUpdate();
                }
            }
            conn.commit();
            return new Claimed(claimed, exhausted);
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    /** Handles one claimed row; any failure leaves the row as it was apart from the claim. */
    void handle(long rowId, Instant now) {
        handle(List.of(rowId), now);
    }

    /**
     * Handles claimed rows in one transaction; if that fails, each row again in a transaction of its own, so that one
     * failing mail neither blocks nor takes down the others. A row that fails alone is left as it was apart from the
     * claim, and freed for a later attempt.
     */
    void handle(List<Long> rowIds, Instant now) {
        try {
            List<String> outcomes = database.tx(em -> handleLocked(em, rowIds));
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("inbound mail " + rowIds + ": " + outcomes);
            }
        } catch (RuntimeException e) {
            // nothing of the handlers' work was committed
            if (rowIds.size() == 1) {
                LOG.log(Level.WARNING, "inbound mail #" + rowIds.get(0) + " failed, will retry: " + e, e);
                release(rowIds.get(0), now);
                return;
            }
            LOG.log(
                    Level.INFO,
                    "a batch of " + rowIds.size() + " inbound mails failed (" + e + "); handling them one by one");
            for (long row : rowIds) {
                handle(List.of(row), now);
            }
        }
    }

    /** What a row becomes; written for the whole batch at the end. */
    private record Finish(long id, String state, String route, String reason, Instant at, String handledKey) {}

    private List<String> handleLocked(EntityManager em, List<Long> rowIds) {
        // Read and locked with plain JDBC: through the entity manager every row (raw mail bytes included) was
        // registered, copied and compared at each flush.
        List<SpoolMessage> rows = database
                .jdbc(c -> {
                    database.indexScansOnly(c);
                    return lockRows(c, rowIds);
                })
                .stream()
                // finished, or taken over by another worker after our lease ran out
                .filter(r -> SpoolMessage.NEW.equals(r.getState()) && id.equals(r.getClaimedBy()))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        // the same mail handled before (by anyone), or earlier in this batch: one statement for the whole batch
        Map<String, Long> handledBefore = database.jdbc(c -> handledBefore(
                c, rows.stream().map(SpoolMessage::getDedupKey).distinct().toList()));
        if (rows.size() > 1) {
            Map<MailRoute, List<String>> byRoute = new java.util.LinkedHashMap<>();
            for (SpoolMessage row : rows) {
                if (!handledBefore.containsKey(row.getDedupKey())) {
                    routes.find(row.getLocalPart()).ifPresent(r -> byRoute.computeIfAbsent(r, k -> new ArrayList<>())
                            .add(row.getLocalPart()));
                }
            }
            byRoute.forEach((route, localParts) -> route.handler().beforeBatch(localParts, em));
        }
        List<Finish> finished = new ArrayList<>();
        for (SpoolMessage row : rows) {
            Finish f = handleOne(em, row, handledBefore.get(row.getDedupKey()));
            em.flush(); // this mail's writes go to the database now (a failure names this mail) ...
            em.clear(); // ... and leave the persistence context, so the next mail's flushes do not look at them
            if (f.handledKey() != null) {
                handledBefore.putIfAbsent(f.handledKey(), row.getId());
            }
            finished.add(f);
        }
        // a concurrent copy of the same mail fails here on handled_key, and the batch is handled again one by one
        database.jdbc(c -> finish(c, finished));
        return finished.stream().map(f -> "#" + f.id() + " " + f.state()).toList();
    }

    private static final String ROW_COLUMNS = "id, received_at, remote_addr, helo, envelope_from, recipient,"
            + " local_part, message_id, dedup_key, raw, state, claimed_by";

    private static List<SpoolMessage> lockRows(Connection c, List<Long> rowIds) throws SQLException {
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
    }

    private static Map<String, Long> handledBefore(Connection c, List<String> keys) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("select handled_key, id from mail_spool where handled_key in ("
                + Database.placeholders(keys.size()) + ")")) {
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
    }

    private Finish handleOne(EntityManager em, SpoolMessage row, Long earlier) {
        Instant at = Clock.now();
        long rowId = row.getId();
        if (earlier != null) {
            return new Finish(rowId, SpoolMessage.DUPLICATE, null, "同じメールを処理済みです（#" + earlier + "）", at, null);
        }
        String key = row.getDedupKey();
        Optional<MailRoute> route = routes.find(row.getLocalPart());
        if (route.isEmpty()) {
            return new Finish(rowId, SpoolMessage.REFUSED, null, "この宛先は使われていません", at, key);
        }
        MailRoute r = route.get();
        MailParser.Parsed parsed;
        try {
            parsed = parser.parse(row);
        } catch (UnreadableMail e) {
            return new Finish(rowId, SpoolMessage.QUARANTINED, r.name(), e.reason(), at, key);
        }
        if (parsed.refusal() != null) {
            r.handler().refusedByChannel(parsed.mail(), parsed.refusal(), em);
            return new Finish(rowId, SpoolMessage.REFUSED, r.name(), parsed.refusal(), at, key);
        }
        MailResult result = r.handler().handle(parsed.mail(), em);
        if (result == null) {
            throw new IllegalStateException("mail route '" + r.name() + "' returned no result");
        }
        String state =
                switch (result.outcome()) {
                    case DONE -> SpoolMessage.DONE;
                    case REFUSED -> SpoolMessage.REFUSED;
                    case QUARANTINED -> SpoolMessage.QUARANTINED;
                };
        return new Finish(rowId, state, r.name(), result.reason(), at, key);
    }

    private static int finish(Connection c, List<Finish> finished) throws SQLException {
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
    }

    /** After a failed attempt: free the row again, a little later each time. */
    private void release(long rowId, Instant now) {
        try {
            database.jdbc(conn -> {
                try (PreparedStatement u = conn.prepareStatement("update mail_spool set claimed_by = null,"
                        + " lease_until = ? where id = ? and claimed_by = ? and state = 'new'")) {
                    u.setTimestamp(1, Timestamp.from(now.plusSeconds(10L * Math.min(attempts(conn, rowId), 30))));
                    u.setLong(2, rowId);
                    u.setString(3, id);
                    return u.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // the lease runs out by itself
            LOG.log(Level.FINE, "could not release inbound mail #" + rowId, e);
        }
    }

    private static int attempts(Connection conn, long rowId) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("select attempts from mail_spool where id = ?")) {
            s.setLong(1, rowId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 1;
            }
        }
    }

    public String id() {
        return id;
    }
}

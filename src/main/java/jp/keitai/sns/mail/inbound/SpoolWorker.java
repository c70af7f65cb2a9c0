package jp.keitai.sns.mail.inbound;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Handles spooled mail, one row at a time. A row is first claimed in a short transaction of its own ({@code FOR UPDATE
 * SKIP LOCKED}, so several workers and nodes share the spool; attempts counted; a lease set). It is then handled in a
 * second transaction that locks the row, calls the route's handler and marks the row done, refused, quarantined or
 * duplicate: the handler's writes and the new state commit together. A worker that dies mid-mail rolls that
 * transaction back, and once the lease ends another worker takes the row again; a mail that keeps failing is
 * quarantined after {@code sns.mail.max-attempts} claims.
 */
public final class SpoolWorker {

    private static final Logger LOG = Logger.getLogger(SpoolWorker.class.getName());
    private static final int BATCH = 20;

    private final Database database;
    private final MailRoutes routes;
    private final InboundSettings settings;
    private final MailParser parser;
    private final String id;

    /** @param id this worker's name in claims (unique per worker thread) */
    public SpoolWorker(Database database, MailRoutes routes, InboundSettings settings, String id) {
        this.database = database;
        this.routes = routes;
        this.settings = settings;
        this.parser = new MailParser(settings);
        this.id = id.length() > 80 ? id.substring(0, 80) : id;
    }

    /** Handles what is waiting at {@code now} (at most a batch); returns how many rows it took. */
    public int runOnce(Instant now) {
        int n = 0;
        while (n < BATCH) {
            Optional<Long> row = claim(now);
            if (row.isEmpty()) {
                break;
            }
            handle(row.get(), now);
            n++;
        }
        return n;
    }

    /** Claims the oldest free row, or quarantines it when it has used up its attempts. */
    Optional<Long> claim(Instant now) {
        while (true) {
            Claim c = database.jdbc(conn -> {
                conn.setAutoCommit(false);
                try {
                    Claim claim = null;
                    // the same statement on PostgreSQL and H2 2.x (which also skips rows other transactions lock)
                    try (PreparedStatement s = conn.prepareStatement("select id, attempts from mail_spool"
                            + " where state = 'new' and (lease_until is null or lease_until < ?)"
                            + " order by id limit 1 for update skip locked")) {
                        s.setTimestamp(1, Timestamp.from(now));
                        try (ResultSet r = s.executeQuery()) {
                            if (r.next()) {
                                claim = new Claim(r.getLong(1), r.getInt(2) >= settings.maxAttempts());
                            }
                        }
                    }
                    if (claim != null && claim.exhausted()) {
                        try (PreparedStatement u = conn.prepareStatement("update mail_spool set state = 'quarantined',"
                                + " reason = ?, handled_at = ?, claimed_by = null, lease_until = null where id = ?")) {
                            u.setString(1, "処理が" + settings.maxAttempts() + "回とも終わりませんでした（エラーまたは処理中の停止）");
                            u.setTimestamp(2, Timestamp.from(Clock.now()));
                            u.setLong(3, claim.id());
                            u.executeUpdate();
                        }
                    } else if (claim != null) {
                        try (PreparedStatement u = conn.prepareStatement("update mail_spool set claimed_by = ?,"
                                + " lease_until = ?, attempts = attempts + 1 where id = ?")) {
                            u.setString(1, id);
                            u.setTimestamp(2, Timestamp.from(now.plus(settings.lease())));
                            u.setLong(3, claim.id());
                            u.executeUpdate();
                        }
                    }
                    conn.commit();
                    return claim;
                } catch (SQLException | RuntimeException e) {
                    conn.rollback();
                    throw e;
                } finally {
                    conn.setAutoCommit(true);
                }
            });
            if (c == null) {
                return Optional.empty();
            }
            if (c.exhausted()) {
                LOG.warning(() -> "inbound mail #" + c.id() + " quarantined: attempts used up");
                continue;
            }
            return Optional.of(c.id());
        }
    }

    private record Claim(long id, boolean exhausted) {}

    /** Handles one claimed row; any failure leaves the row as it was apart from the claim. */
    void handle(long rowId, Instant now) {
        try {
            String outcome = database.tx(em -> handleLocked(em, rowId));
            if (outcome != null) {
                LOG.fine(() -> "inbound mail #" + rowId + ": " + outcome);
            }
        } catch (RuntimeException e) {
            // nothing of the handler's work was committed; the row waits for its next attempt
            LOG.log(Level.WARNING, "inbound mail #" + rowId + " failed, will retry: " + e, e);
            release(rowId, now);
        }
    }

    private String handleLocked(EntityManager em, long rowId) {
        SpoolMessage row = em.find(SpoolMessage.class, rowId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !SpoolMessage.NEW.equals(row.getState()) || !id.equals(row.getClaimedBy())) {
            return null; // finished, or taken over by another worker after our lease ran out
        }
        Instant at = Clock.now();
        List<Long> earlier = em.createQuery(
                        "select s.id from SpoolMessage s where s.handledKey = :k and s.id <> :id", Long.class)
                .setParameter("k", row.getDedupKey())
                .setParameter("id", rowId)
                .setMaxResults(1)
                .getResultList();
        if (!earlier.isEmpty()) {
            row.finish(SpoolMessage.DUPLICATE, null, "同じメールを処理済みです（#" + earlier.get(0) + "）", at, null);
            return SpoolMessage.DUPLICATE;
        }
        String key = row.getDedupKey();
        Optional<MailRoute> route = routes.find(row.getLocalPart());
        if (route.isEmpty()) {
            row.finish(SpoolMessage.REFUSED, null, "この宛先は使われていません", at, key);
            return SpoolMessage.REFUSED;
        }
        MailRoute r = route.get();
        MailParser.Parsed parsed;
        try {
            parsed = parser.parse(row);
        } catch (UnreadableMail e) {
            row.finish(SpoolMessage.QUARANTINED, r.name(), e.reason(), at, key);
            return SpoolMessage.QUARANTINED;
        }
        if (parsed.refusal() != null) {
            r.handler().refusedByChannel(parsed.mail(), parsed.refusal(), em);
            row.finish(SpoolMessage.REFUSED, r.name(), parsed.refusal(), at, key);
            em.flush();
            return SpoolMessage.REFUSED;
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
        row.finish(state, r.name(), result.reason(), at, key);
        em.flush(); // a concurrent copy of the same mail fails here on handled_key and is rolled back
        return state;
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

    private static int attempts(java.sql.Connection conn, long rowId) throws SQLException {
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

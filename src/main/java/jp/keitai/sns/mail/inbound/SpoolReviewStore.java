package jp.keitai.sns.mail.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * What the operators' console reads and does in {@code mail_spool} ({@link SpoolReview}): counts, pages of one state,
 * one row with its raw bytes, and putting a quarantined row back or deleting it. The workers' claims and marks are
 * {@link SpoolStore}'s. Inside a {@code Database.tx} every method joins that transaction.
 */
final class SpoolReviewStore {

    private final Database database;

    SpoolReviewStore(Database database) {
        this.database = database;
    }

    /**
     * How many rows are in {@code state}, counting at most {@code cap} + 1 ({@code mail_spool_state_idx} serves it,
     * and a month of handled mail is not read to say "more than ten thousand").
     */
    long count(String state, int cap) {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select count(*) from (select id from mail_spool where state = ? order by id limit ?) capped")) {
                s.setString(1, state);
                s.setInt(2, cap + 1);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    private static final String REVIEW_COLUMNS = "id, received_at, remote_addr, helo, envelope_from, recipient,"
            + " size_bytes, state, attempts, route, reason, handled_at";

    /** Rows in {@code state}, newest first, {@code limit} from {@code offset}: no raw bytes. */
    List<SpoolReview.Row> page(String state, int offset, int limit) {
        return database.jdbc(c -> {
            List<SpoolReview.Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + REVIEW_COLUMNS
                    + " from mail_spool where state = ? order by id desc limit ? offset ?")) {
                s.setString(1, state);
                s.setInt(2, limit);
                s.setInt(3, offset);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(reviewRow(r));
                    }
                }
            }
            return rows;
        });
    }

    /** A row with its raw bytes. */
    record Stored(SpoolReview.Row row, byte[] raw) {}

    /** One row and its raw bytes, or empty. */
    Optional<Stored> one(long id) {
        return database.jdbc(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("select " + REVIEW_COLUMNS + ", raw from mail_spool where id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Stored(reviewRow(r), r.getBytes(13))) : Optional.empty();
                }
            }
        });
    }

    /** One row's raw bytes alone, or empty. */
    Optional<byte[]> raw(long id) {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("select raw from mail_spool where id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    private static SpoolReview.Row reviewRow(ResultSet r) throws SQLException {
        Timestamp received = r.getTimestamp(2);
        Timestamp handled = r.getTimestamp(12);
        return new SpoolReview.Row(
                r.getLong(1),
                received == null ? null : received.toInstant(),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getInt(7),
                r.getString(8),
                r.getInt(9),
                r.getString(10),
                r.getString(11),
                handled == null ? null : handled.toInstant());
    }

    /**
     * Puts a quarantined row back in the queue as if just received: no attempts, no result, no handled key (so it is
     * not taken for a duplicate of itself). Returns the reason it was quarantined for, or null if the row is not
     * quarantined (any more).
     */
    String requeueQuarantined(long id) {
        return database.jdbc(c -> {
            String reason = lockQuarantined(c, id);
            if (reason != null) {
                try (PreparedStatement u = c.prepareStatement("update mail_spool set state = 'new', attempts = 0,"
                        + " claimed_by = null, lease_until = null, route = null, reason = null, handled_at = null,"
                        + " handled_key = null where id = ?")) {
                    u.setLong(1, id);
                    u.executeUpdate();
                }
            }
            return reason;
        });
    }

    /**
     * Deletes a quarantined row (raw bytes and all). Returns the reason it was quarantined for, or null if the row is
     * not quarantined (any more).
     */
    String deleteQuarantined(long id) {
        return database.jdbc(c -> {
            String reason = lockQuarantined(c, id);
            if (reason != null) {
                try (PreparedStatement u = c.prepareStatement("delete from mail_spool where id = ?")) {
                    u.setLong(1, id);
                    u.executeUpdate();
                }
            }
            return reason;
        });
    }

    /** Locks the row if it is quarantined and returns its reason ("" for none); null if it is not quarantined. */
    private static String lockQuarantined(Connection c, long id) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select reason from mail_spool where id = ? and state = 'quarantined' for update")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String reason = r.getString(1);
                return reason == null ? "" : reason;
            }
        }
    }
}

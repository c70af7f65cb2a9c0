package jp.keitai.sns.safety;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.keitai.sns.system.Database;

/**
 * The tables {@code safety_check} and {@code safety_answer} (V17), the only class that reads or writes them. An answer
 * is one insert keyed by (check, member): a second answer by the same member changes only the short message.
 */
final class SafetyStore {

    private static final int CHUNK = 500;
    private static final String COLUMNS = "id, title, region, prefectures, opens_at, closes_at, opened_by";

    /** A 安否確認 as stored; {@code prefectures} are the JIS codes it asks, empty for the whole country. */
    record Check(
            long id,
            String title,
            String region,
            Set<Integer> prefectures,
            Instant opensAt,
            Instant closesAt,
            Long openedBy) {
        boolean openAt(Instant t) {
            return !t.isBefore(opensAt) && t.isBefore(closesAt);
        }

        /** Whether it asks a member living there; a member who gave no prefecture (null) is asked by every check. */
        boolean asks(Integer prefecture) {
            return prefectures.isEmpty() || prefecture == null || prefectures.contains(prefecture);
        }
    }

    /** One member's answer. */
    record Answer(long memberId, String message, String via, Instant answeredAt) {}

    private final Database database;

    SafetyStore(Database database) {
        this.database = database;
    }

    long open(
            String title,
            String region,
            Set<Integer> prefectures,
            Instant opensAt,
            Instant closesAt,
            Long openedBy,
            Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into safety_check (title, region, prefectures, opens_at, closes_at, opened_by,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, title);
                ps.setString(2, region);
                ps.setString(
                        3, prefectures.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
                ps.setTimestamp(4, Timestamp.from(opensAt));
                ps.setTimestamp(5, Timestamp.from(closesAt));
                ps.setObject(6, openedBy, java.sql.Types.BIGINT);
                ps.setTimestamp(7, Timestamp.from(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Ends a check now (its window closes at {@code at}); false when it was over already. */
    boolean close(long id, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update safety_check set closes_at = ? where id = ? and closes_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, id);
                ps.setTimestamp(3, Timestamp.from(at));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Checks whose window has not ended at {@code at} (open now or later), soonest first. */
    List<Check> current(Instant at) {
        return checks("where closes_at > ? order by opens_at, id", at, 50);
    }

    /** The latest checks, newest first (the console's list). */
    List<Check> latest(int limit) {
        return checks("order by id desc", null, limit);
    }

    Optional<Check> find(long id) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from safety_check where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(check(rs)) : Optional.empty();
                }
            }
        });
    }

    private List<Check> checks(String tail, Instant at, int limit) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select " + COLUMNS + " from safety_check " + tail + " limit " + limit)) {
                if (at != null) {
                    ps.setTimestamp(1, Timestamp.from(at));
                }
                List<Check> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(check(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Records an answer: one insert; when the member had answered already, only the message (if one is given) and
     * the time change. Outside a transaction only: the losing insert of a race fails on the primary key.
     *
     * @return true when this was the member's first answer to the check
     */
    boolean answer(long check, long member, String message, String via, Instant at) {
        // inside a transaction (the mail worker's) a failed insert would end it on PostgreSQL: look first there
        boolean known = database.inTransaction() && answerOf(check, member).isPresent();
        return database.jdbc(c -> {
            if (!known)
                try (PreparedStatement ps =
                        c.prepareStatement("insert into safety_answer (check_id, member_id, message,"
                                + " via, answered_at) values (?, ?, ?, ?, ?)")) {
                    ps.setLong(1, check);
                    ps.setLong(2, member);
                    ps.setString(3, message);
                    ps.setString(4, via);
                    ps.setTimestamp(5, Timestamp.from(at));
                    ps.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            if (message != null) {
                try (PreparedStatement ps = c.prepareStatement("update safety_answer set message = ?, answered_at = ?"
                        + " where check_id = ? and member_id = ?")) {
                    ps.setString(1, message);
                    ps.setTimestamp(2, Timestamp.from(at));
                    ps.setLong(3, check);
                    ps.setLong(4, member);
                    ps.executeUpdate();
                }
            }
            return false;
        });
    }

    Optional<Answer> answerOf(long check, long member) {
        List<Answer> a = answersOf(check, new long[] {member});
        return a.stream().findFirst();
    }

    /** The answers of these members to the check, newest first: one statement per 500 members. */
    List<Answer> answersOf(long check, long[] members) {
        List<Answer> out = new ArrayList<>();
        for (int from = 0; from < members.length; from += CHUNK) {
            int to = Math.min(members.length, from + CHUNK);
            int start = from;
            database.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "select member_id, message, via, answered_at from safety_answer where check_id = ?"
                                + " and member_id in (" + Database.placeholders(to - start) + ")")) {
                    ps.setLong(1, check);
                    for (int i = start; i < to; i++) {
                        ps.setLong(2 + i - start, members[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Answer(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant()));
                        }
                    }
                }
                return null;
            });
        }
        out.sort((a, b) -> b.answeredAt().compareTo(a.answeredAt()));
        return out;
    }

    int answerCount(long check) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from safety_answer where check_id = ?")) {
                ps.setLong(1, check);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static Check check(ResultSet rs) throws SQLException {
        long by = rs.getLong(7);
        Long openedBy = rs.wasNull() ? null : by;
        Set<Integer> prefectures = new TreeSet<>();
        for (String code : rs.getString(4).split(",")) {
            if (!code.isEmpty()) {
                prefectures.add(Integer.valueOf(code));
            }
        }
        return new Check(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Set.copyOf(prefectures),
                rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(),
                openedBy);
    }
}

package jp.keitai.sns.footprint;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.keitai.sns.system.Database;

/**
 * Reads the あしあと tables, in JDBC: a member's visits ({@code footprint}) and per-day counts ({@code footprint_day}),
 * and {@code footprint_member} (忍び足 and when the list was last opened); and the roll-up. Visits are written by
 * {@link VisitStore}.
 */
final class FootprintStore {

    private final Database database;

    FootprintStore(Database database) {
        this.database = database;
    }

    /** Up to {@code limit} of the member's footprints from {@code offset}, newest first. */
    List<Footprints.Footprint> page(long member, int offset, int limit) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select visitor_id, visited_at from footprint"
                    + " where visited_id = ? order by visited_at desc, id desc offset ? rows fetch next ? rows only")) {
                ps.setLong(1, member);
                ps.setInt(2, offset);
                ps.setInt(3, limit);
                List<Footprints.Footprint> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Footprints.Footprint(
                                rs.getLong(1), rs.getTimestamp(2).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    /** The member's visits per day from {@code first} to {@code last} (Japan dates); days without visits are absent. */
    Map<LocalDate, Integer> perDay(long member, LocalDate first, LocalDate last) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select visit_date, visits from footprint_day"
                    + " where visited_id = ? and visit_date >= ? and visit_date <= ?")) {
                ps.setLong(1, member);
                ps.setObject(2, first);
                ps.setObject(3, last);
                Map<LocalDate, Integer> counts = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
                    }
                }
                return counts;
            }
        });
    }

    /**
     * The member's 忍び足 choice and the footprints since they last opened the list (all kept ones if never), leaving
     * out the {@code blocked} visitors; one statement.
     */
    Footprints.Fresh fresh(long member, List<Long> blocked) {
        StringBuilder sql = new StringBuilder("select (select stealth from footprint_member where member_id = ?),"
                + " (select count(*) from footprint f where f.visited_id = ? and f.visited_at > coalesce("
                + "(select seen_at from footprint_member where member_id = ?), timestamp '1970-01-01 00:00:00')");
        if (!blocked.isEmpty()) {
            sql.append(" and f.visitor_id not in (")
                    .append(Database.placeholders(blocked.size()))
                    .append(")");
        }
        sql.append(")");
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setLong(1, member);
                ps.setLong(2, member);
                ps.setLong(3, member);
                for (int i = 0; i < blocked.size(); i++) {
                    ps.setLong(i + 4, blocked.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    boolean stealth = rs.getBoolean(1);
                    return new Footprints.Fresh(stealth ? 0 : rs.getInt(2), stealth);
                }
            }
        });
    }

    /** Whether the member chose 忍び足 (false when never chosen). */
    boolean stealth(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select stealth from footprint_member where member_id = ?")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    void setStealth(long member, boolean stealth) {
        upsertMember(member, "stealth", stealth);
    }

    void markSeen(long member, Instant at) {
        upsertMember(member, "seen_at", Timestamp.from(at));
    }

    /** Sets one column of the member's row, making the row if need be (the other column keeps its value). */
    private void upsertMember(long member, String column, Object value) {
        String sql = database.isPostgresql()
                ? "insert into footprint_member (member_id, " + column + ") values (?, ?)"
                        + " on conflict (member_id) do update set " + column + " = excluded." + column
                : "merge into footprint_member (member_id, " + column + ") key (member_id) values (?, ?)";
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, member);
                ps.setObject(2, value);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Deletes single visits before {@code before} (their per-day counts stay) and pair rows no window can need any
     * more; returns the visits deleted.
     */
    int rollUp(Instant before) {
        Timestamp at = Timestamp.from(before);
        return database.jdbc(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("delete from footprint where visited_at < ?")) {
                ps.setTimestamp(1, at);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from footprint_last where last_at < ?")) {
                ps.setTimestamp(1, at);
                ps.executeUpdate();
            }
            return n;
        });
    }
}

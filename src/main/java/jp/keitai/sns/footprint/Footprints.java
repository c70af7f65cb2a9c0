package jp.keitai.sns.footprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;

/**
 * あしあと: records who looked at a member's pages, and shows it to that member. Features call {@link #record} when a
 * member views another's profile or diary; nothing else writes footprints.
 *
 * <p>Rules: no footprint on one's own pages, none across a block or for a member one may not deal with
 * ({@link AccessPolicy#canInteract}), at most one per visitor and member within the window
 * ({@code sns.footprint.window-minutes}, default 5). 忍び足: a member who chooses it leaves no footprints and, as a fair
 * trade, sees no one else's (the list, the per-day counts and the home count are hidden while it is on).
 */
@ApplicationScoped
public class Footprints {

    /** Footprints per page of {@code /footprints}. */
    public static final int PAGE_SIZE = 20;

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    Settings settings;

    private Duration window;
    private Duration retention;

    protected Footprints() {}

    public Footprints(Database database, AccessPolicy policy, Duration window, Duration retention) {
        this.database = database;
        this.policy = policy;
        this.window = window;
        this.retention = retention;
    }

    /** The de-duplication window ({@code sns.footprint.window-minutes}, 0–1440, default 5). */
    public Duration window() {
        if (window == null) {
            window = Duration.ofMinutes(settings.intValue("sns.footprint.window-minutes", 5, 0, 1440));
        }
        return window;
    }

    /** How long single visits are kept ({@code sns.footprint.retention-days}, 7–3650, default 90). */
    public Duration retention() {
        if (retention == null) {
            retention = Duration.ofDays(settings.intValue("sns.footprint.retention-days", 90, 7, 3650));
        }
        return retention;
    }

    /** A visit on someone's page, as the owner sees it. */
    public record Footprint(long visitorId, Instant at) {}

    /** Visits recorded on one day (Japan date). */
    public record DayCount(LocalDate day, int visits) {}

    /** Leaves the visitor's footprint on the member's pages now, if the rules allow; true when one was recorded. */
    public boolean record(long visitor, long visited) {
        return record(visitor, visited, Clock.now());
    }

    /** {@link #record(long, long)} at a given time (tests walk the clock). */
    public boolean record(long visitor, long visited, Instant now) {
        if (visitor == visited || !policy.canInteract(visitor, visited) || isStealth(visitor)) {
            return false;
        }
        return database.tx(em -> database.jdbc(c -> {
            if (!claimPair(c, visitor, visited, now)) {
                return false;
            }
            try (PreparedStatement ps =
                    c.prepareStatement("insert into footprint (visited_id, visitor_id, visited_at) values (?, ?, ?)")) {
                ps.setLong(1, visited);
                ps.setLong(2, visitor);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.executeUpdate();
            }
            countDay(c, visited, LocalDate.ofInstant(now, Clock.JAPAN));
            return true;
        }));
    }

    /**
     * Moves the pair's last visit to {@code now} unless it lies within the window. The update takes the row lock, so of
     * two simultaneous views only the first passes; the second re-reads the row and finds it fresh.
     */
    private boolean claimPair(Connection c, long visitor, long visited, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update footprint_last set last_at = ?"
                + " where visitor_id = ? and visited_id = ? and last_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, visitor);
            ps.setLong(3, visited);
            ps.setTimestamp(4, Timestamp.from(now.minus(window())));
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        String insert = "insert into footprint_last (visitor_id, visited_id, last_at) values (?, ?, ?)"
                + (database.isPostgresql() ? " on conflict do nothing" : "");
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setLong(1, visitor);
            ps.setLong(2, visited);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && !database.isPostgresql()) {
                return false; // H2: the pair's row exists and is fresh (a failed statement leaves the transaction
                // usable)
            }
            throw e;
        }
    }

    private void countDay(Connection c, long visited, LocalDate day) throws SQLException {
        String sql = database.isPostgresql()
                ? "insert into footprint_day (visited_id, visit_date, visits) values (?, ?, 1)"
                        + " on conflict (visited_id, visit_date) do update set visits = footprint_day.visits + 1"
                : "merge into footprint_day t using (values (cast(? as bigint), cast(? as date))) s (v, d)"
                        + " on t.visited_id = s.v and t.visit_date = s.d"
                        + " when matched then update set visits = t.visits + 1"
                        + " when not matched then insert (visited_id, visit_date, visits) values (s.v, s.d, 1)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, visited);
            ps.setObject(2, day);
            ps.executeUpdate();
        }
    }

    /** One page of footprints, and whether an older page follows. */
    public record Page(List<Footprint> items, boolean hasNext) {}

    /** One page (1-based) of the member's footprints, newest first, leaving out visitors either side has since blocked. */
    public Page page(long member, int page) {
        int offset = (Math.max(page, 1) - 1) * PAGE_SIZE;
        List<Footprint> rows = database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select visitor_id, visited_at from footprint"
                    + " where visited_id = ? order by visited_at desc, id desc offset ? rows fetch next ? rows only")) {
                ps.setLong(1, member);
                ps.setInt(2, offset);
                ps.setInt(3, PAGE_SIZE + 1);
                List<Footprint> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Footprint(rs.getLong(1), rs.getTimestamp(2).toInstant()));
                    }
                }
                return out;
            }
        });
        // a block made after the visit (or the visitor's suspension) hides it; the page may then show fewer rows
        List<Footprint> shown = rows.stream()
                .limit(PAGE_SIZE)
                .filter(f -> policy.canInteract(member, f.visitorId()))
                .toList();
        return new Page(shown, rows.size() > PAGE_SIZE);
    }

    /** Visits per day for the {@code days} days up to today (Japan date), oldest first, days without visits as 0. */
    public List<DayCount> perDay(long member, int days) {
        return perDay(member, days, LocalDate.now(Clock.JAPAN));
    }

    public List<DayCount> perDay(long member, int days, LocalDate today) {
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Integer> counts = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            counts.put(d, 0);
        }
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select visit_date, visits from footprint_day"
                    + " where visited_id = ? and visit_date >= ? and visit_date <= ?")) {
                ps.setLong(1, member);
                ps.setObject(2, first);
                ps.setObject(3, today);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
                    }
                }
            }
            return null;
        });
        return counts.entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** Footprints recorded since the member last opened {@code /footprints} (all kept ones if never). */
    public int newSinceSeen(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from footprint f"
                    + " left join footprint_member m on m.member_id = f.visited_id"
                    + " where f.visited_id = ? and (m.seen_at is null or f.visited_at > m.seen_at)")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Notes that the member has looked at the list now (the home count starts again from zero). */
    public void markSeen(long member, Instant now) {
        upsertMember(member, null, now);
    }

    /** Whether the member walks with 忍び足 (leaves no footprints, sees none). */
    public boolean isStealth(long member) {
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

    public void setStealth(long member, boolean stealth) {
        upsertMember(member, stealth, null);
    }

    private void upsertMember(long member, Boolean stealth, Instant seenAt) {
        String column = stealth != null ? "stealth" : "seen_at";
        String sql = database.isPostgresql()
                ? "insert into footprint_member (member_id, " + column + ") values (?, ?)"
                        + " on conflict (member_id) do update set " + column + " = excluded." + column
                : "merge into footprint_member (member_id, " + column + ") key (member_id) values (?, ?)";
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, member);
                if (stealth != null) {
                    ps.setBoolean(2, stealth);
                } else {
                    ps.setTimestamp(2, Timestamp.from(seenAt));
                }
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The roll-up: deletes single visits older than the retention period (their per-day counts stay in
     * {@code footprint_day}) and pair rows no window can need any more. Safe to run on every node at once.
     *
     * @return visits deleted
     */
    public int rollUp(Instant now) {
        Timestamp before = Timestamp.from(now.minus(retention()));
        return database.tx(em -> database.jdbc(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("delete from footprint where visited_at < ?")) {
                ps.setTimestamp(1, before);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from footprint_last where last_at < ?")) {
                ps.setTimestamp(1, before);
                ps.executeUpdate();
            }
            return n;
        }));
    }
}

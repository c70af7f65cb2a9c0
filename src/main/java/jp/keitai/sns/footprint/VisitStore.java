package jp.keitai.sns.footprint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Writes visits, in JDBC, in the caller's transaction: {@code footprint_last} (the last visit of each pair, whose row
 * lock is the pair rule's authority), {@code footprint} (single visits) and {@code footprint_day} (visits per member and
 * Japan day). On PostgreSQL a batch takes a few statements whatever its size (its visits passed as arrays); on H2 the
 * statements are JDBC batches.
 */
final class VisitStore {

    private final Database database;

    VisitStore(Database database) {
        this.database = database;
    }

    private record Pair(long visitor, long visited) {}

    /**
     * Writes one visit if the pair rule allows (its last visit lies outside the window): claims the pair, inserts the
     * visit, counts it on its day. Returns whether it was written.
     */
    boolean writeOne(FootprintWriter.Visit v, Duration window) {
        return database.jdbc(c -> {
            if (!claimPair(c, v.visitor(), v.visited(), v.at(), window)) {
                return false;
            }
            insertFootprints(c, List.of(v));
            countDays(c, Map.of(Map.entry(v.visited(), LocalDate.ofInstant(v.at(), Clock.JAPAN)), 1));
            return true;
        });
    }

    /**
     * Writes rounds of visits (no pair twice in a round): claims each round's pairs, inserts the claimed visits and
     * adds them to the per-day counts, touching rows in (visited, visitor) order so that two nodes' batches do not
     * deadlock. Visits whose pair another node holds go to {@code refused}; returns the visits written.
     */
    List<FootprintWriter.Visit> writeRounds(
            List<List<FootprintWriter.Visit>> rounds, Duration window, List<FootprintWriter.Visit> refused) {
        return database.jdbc(c -> {
            List<FootprintWriter.Visit> claimed = new ArrayList<>();
            for (List<FootprintWriter.Visit> round : rounds) {
                claimed.addAll(claimPairs(c, round, window, refused));
            }
            insertFootprints(c, claimed);
            Map<Map.Entry<Long, LocalDate>, Integer> days = new TreeMap<>(
                    Map.Entry.<Long, LocalDate>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
            for (FootprintWriter.Visit v : claimed) {
                days.merge(Map.entry(v.visited(), LocalDate.ofInstant(v.at(), Clock.JAPAN)), 1, Integer::sum);
            }
            countDays(c, days);
            return claimed;
        });
    }

    /** Claims each pair of the round in two statements; returns the visits that got theirs. */
    private List<FootprintWriter.Visit> claimPairs(
            Connection c, List<FootprintWriter.Visit> round, Duration window, List<FootprintWriter.Visit> refused)
            throws SQLException {
        if (database.isPostgresql()) {
            return claimPairsAtOnce(c, round, window, refused);
        }
        int[] moved;
        try (PreparedStatement ps = c.prepareStatement("update footprint_last set last_at = ?"
                + " where visitor_id = ? and visited_id = ? and last_at <= ?")) {
            for (FootprintWriter.Visit v : round) {
                ps.setTimestamp(1, Timestamp.from(v.at()));
                ps.setLong(2, v.visitor());
                ps.setLong(3, v.visited());
                ps.setTimestamp(4, Timestamp.from(v.at().minus(window)));
                ps.addBatch();
            }
            moved = ps.executeBatch();
        }
        List<FootprintWriter.Visit> claimed = new ArrayList<>();
        List<FootprintWriter.Visit> firsts = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            (moved[i] > 0 ? claimed : firsts).add(round.get(i));
        }
        if (firsts.isEmpty()) {
            return claimed;
        }
        // pairs without a row yet; an existing row (fresh, or written meanwhile) refuses the visit
        int[] inserted;
        try (PreparedStatement ps = c.prepareStatement("insert into footprint_last (visitor_id, visited_id, last_at)"
                + " select cast(? as bigint), cast(? as bigint), cast(? as timestamp)"
                + " where not exists (select 1 from footprint_last where visitor_id = ? and visited_id = ?)")) {
            for (FootprintWriter.Visit v : firsts) {
                ps.setLong(1, v.visitor());
                ps.setLong(2, v.visited());
                ps.setTimestamp(3, Timestamp.from(v.at()));
                ps.setLong(4, v.visitor());
                ps.setLong(5, v.visited());
                ps.addBatch();
            }
            inserted = ps.executeBatch();
        }
        for (int i = 0; i < firsts.size(); i++) {
            (inserted[i] > 0 ? claimed : refused).add(firsts.get(i));
        }
        return claimed;
    }

    /**
     * PostgreSQL: {@link #claimPairs} in two statements whatever the round's size. The first locks the pairs whose
     * last visit lies outside the window, in (visited, visitor) order, and moves them; the second inserts the pairs
     * that had no row, in the same order, an existing row (fresh, or written meanwhile by another node) refusing the
     * visit. All locks are taken in one order, updates before inserts, so two nodes' batches do not deadlock.
     */
    private List<FootprintWriter.Visit> claimPairsAtOnce(
            Connection c, List<FootprintWriter.Visit> round, Duration window, List<FootprintWriter.Visit> refused)
            throws SQLException {
        Set<Pair> moved = claimed(
                c,
                "with v (visitor_id, visited_id, at, stale) as"
                        + " (select * from unnest(?::bigint[], ?::bigint[], ?::timestamp[], ?::timestamp[])),"
                        + " s as (select l.visitor_id, l.visited_id, v.at from footprint_last l join v"
                        + " on l.visitor_id = v.visitor_id and l.visited_id = v.visited_id where l.last_at <= v.stale"
                        + " order by l.visited_id, l.visitor_id for no key update of l)"
                        + " update footprint_last l set last_at = s.at from s"
                        + " where l.visitor_id = s.visitor_id and l.visited_id = s.visited_id"
                        + " returning l.visitor_id, l.visited_id",
                round,
                window);
        List<FootprintWriter.Visit> claimed = new ArrayList<>();
        List<FootprintWriter.Visit> firsts = new ArrayList<>();
        for (FootprintWriter.Visit v : round) {
            (moved.contains(new Pair(v.visitor(), v.visited())) ? claimed : firsts).add(v);
        }
        if (firsts.isEmpty()) {
            return claimed;
        }
        Set<Pair> inserted = claimed(
                c,
                "insert into footprint_last (visitor_id, visited_id, last_at)"
                        + " select * from unnest(?::bigint[], ?::bigint[], ?::timestamp[]) v (visitor_id, visited_id, at)"
                        + " order by visited_id, visitor_id on conflict do nothing returning visitor_id, visited_id",
                firsts,
                null);
        for (FootprintWriter.Visit v : firsts) {
            (inserted.contains(new Pair(v.visitor(), v.visited())) ? claimed : refused).add(v);
        }
        return claimed;
    }

    /**
     * Runs a claim over the visits, passed as arrays of visitors, visited members and times (and, given a window, the
     * time before which each pair's last visit lies outside it); returns the pairs it claimed.
     */
    private Set<Pair> claimed(Connection c, String sql, List<FootprintWriter.Visit> visits, Duration window)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids(c, visits, FootprintWriter.Visit::visitor));
            ps.setArray(2, ids(c, visits, FootprintWriter.Visit::visited));
            ps.setArray(3, times(c, visits, Duration.ZERO));
            if (window != null) {
                ps.setArray(4, times(c, visits, window));
            }
            Set<Pair> claimed = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Pair(rs.getLong(1), rs.getLong(2)));
                }
            }
            return claimed;
        }
    }

    /** The visitors or visited members of the visits, as a PostgreSQL {@code bigint[]}. */
    private static Array ids(Connection c, List<FootprintWriter.Visit> visits, Function<FootprintWriter.Visit, Long> id)
            throws SQLException {
        return c.createArrayOf("bigint", visits.stream().map(id).toArray());
    }

    /** Each visit's time less {@code before}, as a {@code timestamp[]} (sent as {@code setTimestamp} sends one). */
    private static Array times(Connection c, List<FootprintWriter.Visit> visits, Duration before) throws SQLException {
        return c.createArrayOf(
                "timestamp",
                visits.stream().map(v -> Timestamp.from(v.at().minus(before))).toArray());
    }

    /** Inserts claimed visits (PostgreSQL: one statement, the visits as arrays; H2: one batch). */
    private void insertFootprints(Connection c, List<FootprintWriter.Visit> claimed) throws SQLException {
        if (claimed.isEmpty()) {
            return;
        }
        if (database.isPostgresql()) {
            try (PreparedStatement ps = c.prepareStatement("insert into footprint (visited_id, visitor_id, visited_at)"
                    + " select * from unnest(?::bigint[], ?::bigint[], ?::timestamp[])")) {
                ps.setArray(1, ids(c, claimed, FootprintWriter.Visit::visited));
                ps.setArray(2, ids(c, claimed, FootprintWriter.Visit::visitor));
                ps.setArray(3, times(c, claimed, Duration.ZERO));
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("insert into footprint (visited_id, visitor_id, visited_at) values (?, ?, ?)")) {
            for (FootprintWriter.Visit v : claimed) {
                ps.setLong(1, v.visited());
                ps.setLong(2, v.visitor());
                ps.setTimestamp(3, Timestamp.from(v.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Moves the pair's last visit to {@code now} unless it lies within the window. The update takes the row lock, so of
     * two simultaneous views only the first passes; the second re-reads the row and finds it fresh.
     */
    private boolean claimPair(Connection c, long visitor, long visited, Instant now, Duration window)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update footprint_last set last_at = ?"
                + " where visitor_id = ? and visited_id = ? and last_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, visitor);
            ps.setLong(3, visited);
            ps.setTimestamp(4, Timestamp.from(now.minus(window)));
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

    /**
     * Adds visits to the per-day counts, (visited, day) to visits, in the map's order (PostgreSQL: one statement, the
     * counts as arrays; H2: one batch).
     */
    private void countDays(Connection c, Map<Map.Entry<Long, LocalDate>, Integer> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        if (database.isPostgresql()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into footprint_day (visited_id, visit_date, visits)"
                            + " select * from unnest(?::bigint[], ?::date[], ?::int[])"
                            + " on conflict (visited_id, visit_date) do update set visits = footprint_day.visits + excluded.visits")) {
                ps.setArray(
                        1,
                        c.createArrayOf(
                                "bigint",
                                days.keySet().stream().map(Map.Entry::getKey).toArray()));
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "date",
                                days.keySet().stream().map(Map.Entry::getValue).toArray()));
                ps.setArray(3, c.createArrayOf("int", days.values().toArray()));
                ps.executeUpdate();
            }
            return;
        }
        String sql =
                "merge into footprint_day t using (values (cast(? as bigint), cast(? as date), cast(? as int))) s (v, d, n)"
                        + " on t.visited_id = s.v and t.visit_date = s.d"
                        + " when matched then update set visits = t.visits + s.n"
                        + " when not matched then insert (visited_id, visit_date, visits) values (s.v, s.d, s.n)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Map.Entry<Long, LocalDate>, Integer> d : days.entrySet()) {
                ps.setLong(1, d.getKey().getKey());
                ps.setObject(2, d.getKey().getValue());
                ps.setInt(3, d.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

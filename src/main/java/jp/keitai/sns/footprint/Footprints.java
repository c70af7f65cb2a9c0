package jp.keitai.sns.footprint;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;
import jp.keitai.sns.system.Settings;

/**
 * あしあと: records who looked at a member's pages, and shows it to that member. Features call {@link #record} when a
 * member views another's profile or diary; nothing else writes footprints.
 *
 * <p>Rules: no footprint on one's own pages, none across a block or for a member one may not deal with
 * ({@link AccessPolicy#canInteract}), at most one per visitor and member within the window
 * ({@code sns.footprint.window-minutes}, default 5). 忍び足: a member who chooses it leaves no footprints and, as a fair
 * trade, sees no one else's (the list, the per-day counts and the home count are hidden while it is on).
 *
 * <p>A view must not wait for a write (issue 9). So a visit is first checked against this node's memory of the pairs it
 * recorded within the window ({@link RecentPairs}, no SQL), then queued and written in batches by one thread
 * ({@link FootprintWriter}: every {@code sns.footprint.flush-millis}, default 100, one transaction per batch; queued
 * visits are written when the application stops). The database's pair rule ({@code footprint_last}, under its row
 * lock) stays the authority: a visit another node recorded within the window is refused there. The owner's list and
 * counts wait for the visits queued on this node before they read, so they are exact here; visits queued on another
 * node show after its next flush. Whether the visitor walks with 忍び足 is kept in memory too, dropped on every node
 * when it changes.
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
    SocialGraph graph;

    @Inject
    Settings settings;

    static final String STEALTH_TOPIC = "footprint-stealth";
    static final String FRESH_TOPIC = "footprint-fresh";
    /** How long the owner's pages wait at most for queued visits before they read. */
    private static final long SETTLE_MILLIS = 2_000;

    private Duration window;
    private Duration retention;

    /** Pairs this node recorded within the window, with the time of the visit. */
    private RecentPairs recent;
    /** 忍び足 of each member (false when never chosen). */
    private ReadCache<Long, Boolean> stealth;
    /** The write-behind queue; null writes each visit at once (unit tests that do not ask for batching). */
    private volatile FootprintWriter writer;

    private record Pair(long visitor, long visited) {}

    protected Footprints() {}

    /** Footprints written at once, visit by visit (see {@link #batching} for the write-behind the server uses). */
    public Footprints(Database database, AccessPolicy policy, SocialGraph graph, Duration window, Duration retention) {
        this.database = database;
        this.policy = policy;
        this.graph = graph;
        this.window = window;
        this.retention = retention;
        caches();
    }

    @PostConstruct
    void init() {
        caches();
        batching(
                settings.intValue("sns.footprint.flush-millis", 100, 1, 10_000),
                settings.intValue("sns.footprint.batch", 500, 1, 10_000),
                settings.intValue("sns.footprint.queue", 20_000, 1, 1_000_000));
    }

    private void caches() {
        recent = new RecentPairs(Math.toIntExact(jp.keitai.sns.system.CacheSize.FOOTPRINT_PAIRS.get()), window());
        stealth = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.MEMBERS.get());
        freshCounts = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.MEMBERS.get());
        database.changes().subscribe(STEALTH_TOPIC, stealth::invalidate);
        database.changes().subscribe(STEALTH_TOPIC, freshCounts::invalidate);
        database.changes().subscribe(FRESH_TOPIC, freshCounts::invalidate);
        database.changes().subscribe(SocialGraph.BLOCKS, freshCounts::invalidate); // blocked visitors are not counted
        database.changes().onReset(() -> {
            stealth.clear();
            freshCounts.clear();
            recent.clear();
        });
    }

    /**
     * Writes visits behind the views from now on: queued (at most {@code capacity}; beyond that a view writes its own),
     * written every {@code flushMillis} or as soon as {@code batchSize} wait, one transaction per batch.
     */
    public Footprints batching(long flushMillis, int batchSize, int capacity) {
        close();
        writer = new FootprintWriter(capacity, flushMillis, batchSize, this::writeBatch, this::writeOne);
        return this;
    }

    /** Writes every queued visit and stops queueing (the application is stopping); later visits are written at once. */
    @PreDestroy
    public void close() {
        FootprintWriter w = writer;
        writer = null;
        if (w != null) {
            w.close();
        }
    }

    /** Waits until the visits queued on this node so far are written (the owner's pages read after this). */
    public void settle() {
        FootprintWriter w = writer;
        if (w != null) {
            w.awaitWritten(SETTLE_MILLIS);
        }
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
        if (!recent.claim(visitor, visited, now)) {
            return false; // this node recorded the pair within the window
        }
        FootprintWriter w = writer;
        if (w != null) {
            pendingTo.computeIfAbsent(visited, k -> new AtomicInteger()).incrementAndGet();
            w.add(new FootprintWriter.Visit(visitor, visited, now));
            return true;
        }
        return write(new FootprintWriter.Visit(visitor, visited, now));
    }

    /** The database refused the visit (another node recorded the pair): forget it here, the database knows better. */
    private void forgetRecent(FootprintWriter.Visit v) {
        recent.forget(v.visitor(), v.visited(), v.at());
    }

    void writeOne(FootprintWriter.Visit v) {
        try {
            write(v);
        } finally {
            written(List.of(v));
        }
    }

    /** Queued visits are written (or refused): the owners' home counts no longer wait for them. */
    private void written(List<FootprintWriter.Visit> visits) {
        for (FootprintWriter.Visit v : visits) {
            pendingTo.computeIfPresent(v.visited(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Writes one visit in a transaction of its own, if the database's pair rule allows. */
    private boolean write(FootprintWriter.Visit v) {
        boolean written = database.tx(em -> database.jdbc(c -> {
            if (!claimPair(c, v.visitor(), v.visited(), v.at())) {
                return false;
            }
            insertFootprints(c, List.of(v));
            countDay(c, v.visited(), LocalDate.ofInstant(v.at(), Clock.JAPAN), 1);
            database.changes().publish(FRESH_TOPIC, v.visited());
            return true;
        }));
        if (!written) {
            forgetRecent(v);
        }
        return written;
    }

    /**
     * Writes a batch of visits in one transaction, a few statements whatever its size (on PostgreSQL each takes the
     * whole batch as arrays; on H2 they are JDBC batches): claim the pairs ({@code footprint_last}, as
     * {@link #claimPair} does for one), insert the claimed visits, add them to the per-day counts. Rows are touched in
     * (visited, visitor) order so two nodes' batches do not deadlock. A pair twice in a batch (a window of 0) is claimed
     * in a second round.
     */
    void writeBatch(List<FootprintWriter.Visit> visits) {
        List<List<FootprintWriter.Visit>> rounds = new ArrayList<>();
        List<java.util.Set<Pair>> seen = new ArrayList<>();
        List<FootprintWriter.Visit> sorted = new ArrayList<>(visits);
        sorted.sort(java.util.Comparator.comparingLong(FootprintWriter.Visit::visited)
                .thenComparingLong(FootprintWriter.Visit::visitor)
                .thenComparing(FootprintWriter.Visit::at));
        for (FootprintWriter.Visit v : sorted) {
            Pair p = new Pair(v.visitor(), v.visited());
            int r = 0;
            while (r < rounds.size() && seen.get(r).contains(p)) {
                r++;
            }
            if (r == rounds.size()) {
                rounds.add(new ArrayList<>());
                seen.add(new java.util.HashSet<>());
            }
            rounds.get(r).add(v);
            seen.get(r).add(p);
        }
        List<FootprintWriter.Visit> refused = new ArrayList<>();
        database.run(em -> database.jdbc(c -> {
            List<FootprintWriter.Visit> claimed = new ArrayList<>();
            for (List<FootprintWriter.Visit> round : rounds) {
                claimed.addAll(claimPairs(c, round, refused));
            }
            insertFootprints(c, claimed);
            Map<Map.Entry<Long, LocalDate>, Integer> days = new TreeMap<>(
                    Map.Entry.<Long, LocalDate>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
            for (FootprintWriter.Visit v : claimed) {
                days.merge(Map.entry(v.visited(), LocalDate.ofInstant(v.at(), Clock.JAPAN)), 1, Integer::sum);
            }
            countDays(c, days);
            database.changes()
                    .publish(
                            FRESH_TOPIC,
                            claimed.stream()
                                    .mapToLong(FootprintWriter.Visit::visited)
                                    .distinct()
                                    .toArray());
            return null;
        }));
        refused.forEach(this::forgetRecent);
        written(visits);
    }

    /** Claims each pair of the round (no pair twice) in two statements; returns the visits that got theirs. */
    private List<FootprintWriter.Visit> claimPairs(
            Connection c, List<FootprintWriter.Visit> round, List<FootprintWriter.Visit> refused) throws SQLException {
        if (database.isPostgresql()) {
            return claimPairsAtOnce(c, round, refused);
        }
        int[] moved;
        try (PreparedStatement ps = c.prepareStatement("update footprint_last set last_at = ?"
                + " where visitor_id = ? and visited_id = ? and last_at <= ?")) {
            for (FootprintWriter.Visit v : round) {
                ps.setTimestamp(1, Timestamp.from(v.at()));
                ps.setLong(2, v.visitor());
                ps.setLong(3, v.visited());
                ps.setTimestamp(4, Timestamp.from(v.at().minus(window())));
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
     * PostgreSQL: {@link #claimPairs} in two statements whatever the round's size, the visits passed as arrays. The
     * first locks the pairs whose last visit lies outside the window, in (visited, visitor) order, and moves them; the
     * second inserts the pairs that had no row, in the same order, an existing row (fresh, or written meanwhile by
     * another node) refusing the visit. Like the batched statements on H2, all locks are taken in one order, updates
     * before inserts, so two nodes' batches do not deadlock.
     */
    private List<FootprintWriter.Visit> claimPairsAtOnce(
            Connection c, List<FootprintWriter.Visit> round, List<FootprintWriter.Visit> refused) throws SQLException {
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
                true);
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
                false);
        for (FootprintWriter.Visit v : firsts) {
            (inserted.contains(new Pair(v.visitor(), v.visited())) ? claimed : refused).add(v);
        }
        return claimed;
    }

    /**
     * Runs a claim over the visits, passed as arrays of visitors, visited members and times (and, if {@code stale},
     * the time before which each pair's last visit lies outside the window); returns the pairs it claimed.
     */
    private Set<Pair> claimed(Connection c, String sql, List<FootprintWriter.Visit> visits, boolean stale)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids(c, visits, FootprintWriter.Visit::visitor));
            ps.setArray(2, ids(c, visits, FootprintWriter.Visit::visited));
            ps.setArray(3, times(c, visits, Duration.ZERO));
            if (stale) {
                ps.setArray(4, times(c, visits, window()));
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

    private void countDay(Connection c, long visited, LocalDate day, int visits) throws SQLException {
        countDays(c, Map.of(Map.entry(visited, day), visits));
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

    /** One page of footprints, and whether an older page follows. */
    public record Page(List<Footprint> items, boolean hasNext) {}

    /** One page (1-based) of the member's footprints, newest first, leaving out visitors either side has since blocked. */
    public Page page(long member, int page) {
        settle();
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
        settle();
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

    /** Footprints since the list was last opened, per member, for the home page; dropped when that changes. */
    private ReadCache<Long, Fresh> freshCounts;
    /** Visits queued on this node and not yet written, by visited member. */
    private final java.util.concurrent.ConcurrentHashMap<Long, AtomicInteger> pendingTo =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** What the home page shows: footprints since the list was last opened, and whether 忍び足 is on. */
    public record Fresh(int count, boolean stealth) {}

    /**
     * Footprints recorded since the member last opened {@code /footprints} (all kept ones if never), leaving out
     * visitors either side has blocked since (as the list does), and the 忍び足 choice: two statements, whatever the
     * number of footprints or friends (the home page asks this on every view).
     */
    public Fresh fresh(long member) {
        if (database.inTransaction()) {
            return loadFresh(member);
        }
        AtomicInteger pending = pendingTo.get(member);
        if (pending != null && pending.get() > 0) {
            settle(); // visits to this member wait in this node's queue: write them, then count
            freshCounts.invalidate(member);
        }
        return freshCounts.get(member, this::loadFresh);
    }

    private Fresh loadFresh(long member) {
        List<Long> blocked = List.copyOf(graph.blockedEitherWay(member));
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
                    return new Fresh(stealth ? 0 : rs.getInt(2), stealth);
                }
            }
        });
    }

    /** The count part of {@link #fresh} (0 while 忍び足). */
    public int newSinceSeen(long member) {
        return fresh(member).count();
    }

    /** Notes that the member has looked at the list now (the home count starts again from zero). */
    public void markSeen(long member, Instant now) {
        database.run(em -> {
            upsertMember(member, null, now);
            database.changes().publish(FRESH_TOPIC, member);
        });
    }

    /** Whether the member walks with 忍び足 (leaves no footprints, sees none). */
    public boolean isStealth(long member) {
        if (!database.inTransaction()) {
            return stealth.get(member, this::loadStealth);
        }
        return loadStealth(member);
    }

    private Boolean loadStealth(long member) {
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
        database.run(em -> {
            upsertMember(member, stealth, null);
            database.changes().publish(STEALTH_TOPIC, member);
        });
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

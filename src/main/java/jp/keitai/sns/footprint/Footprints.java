package jp.keitai.sns.footprint;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.system.BackgroundThreads;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;

/**
 * あしあと: records who looked at a member's pages, and shows it to that member. Features call {@link #record} when a
 * member views another's profile or diary; nothing else writes footprints.
 *
 * <p>Rules: no footprint on one's own pages, none across a block or for a member one may not deal with
 * ({@link AccessPolicy#canInteract}), at most one per visitor and member within the window
 * ({@code sns.footprint.window-minutes}, default 5). 忍び足: a member who chooses it leaves no footprints and, as a fair
 * trade, sees no one else's (the list, the per-day counts and the home count are hidden while it is on).
 *
 * <p>A view must not wait for a write. So a visit is first checked against this node's memory of the pairs it recorded
 * within the window ({@link FootprintFeed}, no SQL), then queued and written in batches by one thread
 * ({@link FootprintWriter}: every {@code sns.footprint.flush-millis}, default 100, one transaction per batch; queued
 * visits are written when the application stops). The database's pair rule ({@code footprint_last}, under its row
 * lock) stays the authority: a visit another node recorded within the window is refused there. The owner's list and
 * counts wait for the visits queued on this node before they read, so they are exact here; visits queued on another
 * node show after its next flush. The tables are {@link VisitStore}'s (writes) and {@link FootprintStore}'s.
 */
@ApplicationScoped
public class Footprints {

    /** Footprints per page of {@code /footprints}. */
    public static final int PAGE_SIZE = 20;

    /** How long the owner's pages wait at most for queued visits before they read. */
    private static final long SETTLE_MILLIS = 2_000;

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    SocialGraph graph;

    @Inject
    Settings settings;

    /** The container's threads (java:comp/DefaultManagedThreadFactory); null outside a container. */
    @Resource
    ManagedThreadFactory threadFactory;

    private Duration window;
    private Duration retention;
    private FootprintStore store;
    private VisitStore visitStore;
    private FootprintFeed feed;
    /** The write-behind queue; null writes each visit at once (unit tests that do not ask for batching). */
    private volatile FootprintWriter writer;
    /** Visits queued on this node and not yet written, by visited member. */
    private final ConcurrentHashMap<Long, AtomicInteger> pendingTo = new ConcurrentHashMap<>();

    private record Pair(long visitor, long visited) {}

    protected Footprints() {}

    /** Footprints written at once, visit by visit (see {@link #batching} for the write-behind the server uses). */
    public Footprints(Database database, AccessPolicy policy, SocialGraph graph, Duration window, Duration retention) {
        this.database = database;
        this.policy = policy;
        this.graph = graph;
        this.window = window;
        this.retention = retention;
        parts();
    }

    @PostConstruct
    void init() {
        parts();
        batching(
                settings.intValue("sns.footprint.flush-millis", 100, 1, 10_000),
                settings.intValue("sns.footprint.batch", 500, 1, 10_000),
                settings.intValue("sns.footprint.queue", 20_000, 1, 1_000_000));
    }

    private void parts() {
        store = new FootprintStore(database);
        visitStore = new VisitStore(database);
        feed = new FootprintFeed(store, database, graph, window());
    }

    /**
     * Writes visits behind the views from now on: queued (at most {@code capacity}; beyond that a view writes its own),
     * written every {@code flushMillis} or as soon as {@code batchSize} wait, one transaction per batch.
     */
    public Footprints batching(long flushMillis, int batchSize, int capacity) {
        close();
        ThreadFactory threads = task -> BackgroundThreads.newThread(threadFactory, "sns-footprint-writer", task);
        writer = new FootprintWriter(capacity, flushMillis, batchSize, this::writeBatch, this::writeOne, threads);
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
        if (!feed.claim(visitor, visited, now)) {
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
        boolean written = database.tx(em -> {
            boolean claimed = visitStore.writeOne(v, window());
            if (claimed) {
                database.changes().publish(FootprintFeed.FRESH_TOPIC, v.visited());
            }
            return claimed;
        });
        if (!written) {
            feed.forget(v.visitor(), v.visited(), v.at()); // another node recorded the pair: the database knows better
        }
        return written;
    }

    /**
     * Writes a batch of visits in one transaction, a few statements whatever its size ({@link VisitStore}). A pair
     * twice in a batch (a window of 0) is claimed in a second round; visits are sorted by (visited, visitor) so that
     * two nodes' batches lock rows in one order.
     */
    void writeBatch(List<FootprintWriter.Visit> visits) {
        List<List<FootprintWriter.Visit>> rounds = new ArrayList<>();
        List<Set<Pair>> seen = new ArrayList<>();
        List<FootprintWriter.Visit> sorted = new ArrayList<>(visits);
        sorted.sort(Comparator.comparingLong(FootprintWriter.Visit::visited)
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
                seen.add(new HashSet<>());
            }
            rounds.get(r).add(v);
            seen.get(r).add(p);
        }
        List<FootprintWriter.Visit> refused = new ArrayList<>();
        database.run(em -> {
            List<FootprintWriter.Visit> claimed = visitStore.writeRounds(rounds, window(), refused);
            database.changes()
                    .publish(
                            FootprintFeed.FRESH_TOPIC,
                            claimed.stream()
                                    .mapToLong(FootprintWriter.Visit::visited)
                                    .distinct()
                                    .toArray());
        });
        refused.forEach(v -> feed.forget(v.visitor(), v.visited(), v.at()));
        written(visits);
    }

    /** One page of footprints, and whether an older page follows. */
    public record Page(List<Footprint> items, boolean hasNext) {}

    /** One page (1-based) of the member's footprints, newest first, leaving out visitors either side has since blocked. */
    public Page page(long member, int page) {
        settle();
        int offset = (Math.max(page, 1) - 1) * PAGE_SIZE;
        List<Footprint> rows = store.page(member, offset, PAGE_SIZE + 1);
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
        counts.putAll(store.perDay(member, first, today));
        return counts.entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** What the home page shows: footprints since the list was last opened, and whether 忍び足 is on. */
    public record Fresh(int count, boolean stealth) {}

    /**
     * Footprints recorded since the member last opened {@code /footprints} (all kept ones if never), leaving out
     * visitors either side has blocked since (as the list does), and the 忍び足 choice: one statement when not in
     * memory, whatever the number of footprints or friends (the home page asks this on every view).
     */
    public Fresh fresh(long member) {
        if (!database.inTransaction()) {
            AtomicInteger pending = pendingTo.get(member);
            if (pending != null && pending.get() > 0) {
                settle(); // visits to this member wait in this node's queue: write them, then count
                feed.dropFresh(member);
            }
        }
        return feed.fresh(member);
    }

    /** The count part of {@link #fresh} (0 while 忍び足). */
    public int newSinceSeen(long member) {
        return fresh(member).count();
    }

    /** Notes that the member has looked at the list now (the home count starts again from zero). */
    public void markSeen(long member, Instant now) {
        database.run(em -> {
            store.markSeen(member, now);
            database.changes().publish(FootprintFeed.FRESH_TOPIC, member);
        });
    }

    /** Whether the member walks with 忍び足 (leaves no footprints, sees none). */
    public boolean isStealth(long member) {
        return feed.isStealth(member);
    }

    /**
     * The member's choice on the 忍び足 form ({@code on} or {@code off}).
     *
     * @return whether the member now walks with 忍び足
     * @throws Refused when the form chose neither
     */
    public boolean chooseStealth(long member, String choice) {
        boolean on = FormCheck.check(new StealthForm(choice)).on();
        setStealth(member, on);
        return on;
    }

    public void setStealth(long member, boolean stealth) {
        database.run(em -> {
            store.setStealth(member, stealth);
            database.changes().publish(FootprintFeed.STEALTH_TOPIC, member);
        });
    }

    /**
     * The roll-up: deletes single visits older than the retention period (their per-day counts stay) and pair rows no
     * window can need any more. Safe to run on every node at once.
     *
     * @return visits deleted
     */
    public int rollUp(Instant now) {
        return database.tx(em -> store.rollUp(now.minus(retention())));
    }
}

package jp.keitai.sns.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.keitai.sns.friend.GraphRig;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9: footprints are written behind the views in batches. None is lost when the writer flushes or the application
 * stops, the owner's list and counts are right as soon as they are read, the five-minute rule holds under concurrent
 * views (also across two nodes, where the database decides), and 忍び足 still leaves nothing.
 */
class FootprintBatchTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    static Footprints batched(Database db, GraphRig rig, long flushMillis) {
        return new Footprints(db, rig.policy(), rig.graph(), Duration.ofMinutes(5), Duration.ofDays(30))
                .batching(flushMillis, 50, 10_000);
    }

    /** Members m0 … m(n-1). */
    static long[] members(GraphRig rig, int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rig.member("m" + i);
        }
        return ids;
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void concurrentViewsLeaveOneFootprintPerPairAndNoneIsLostOnStop(TestDb db) throws Exception {
        GraphRig rig = new GraphRig(db.database());
        int n = 12;
        long[] ids = members(rig, n);
        // two "nodes" (each with its own memory of recent pairs) write to the same database
        Footprints one = batched(db.database(), rig, 20);
        Footprints two = batched(db.database(), rig, 20);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Footprints f = t % 2 == 0 ? one : two;
            jobs.add(pool.submit(() -> {
                for (int round = 0; round < 3; round++) {
                    for (long visitor : ids) {
                        for (long visited : ids) {
                            // all views within the window: one footprint per pair, whoever records it
                            if (f.record(visitor, visited, T0.plusSeconds(round))) {
                                accepted.incrementAndGet();
                            }
                        }
                    }
                }
            }));
        }
        for (Future<?> j : jobs) {
            j.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        one.close(); // the application stops: what is queued is written
        two.close();
        int pairs = n * (n - 1);
        assertEquals(pairs, count(db.database(), "select count(*) from footprint"), "one footprint per pair");
        assertEquals(pairs, count(db.database(), "select coalesce(sum(visits), 0) from footprint_day"));
        // a node may accept a pair the other already recorded (the database then refuses it, and that node asks the
        // database again next time), so only the lower bound is exact
        assertTrue(accepted.get() >= pairs, "accepted " + accepted.get());
        assertEquals(n - 1, one.page(ids[0], 1).items().size(), "the owner's list is complete after the stop");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theOwnerSeesQueuedVisitsAtOnceAndStealthStillHolds(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        long jiro = rig.member("じろう");
        // a long flush interval: the owner's reads must not wait for it (they ask the writer to flush)
        Footprints f = batched(db.database(), rig, 60_000);
        try {
            assertTrue(f.record(taro, hana, T0));
            assertFalse(f.record(taro, hana, T0.plusSeconds(299)), "the same visit within five minutes");
            assertEquals(1, f.page(hana, 1).items().size(), "the list reads what was queued before it");
            assertEquals(1, f.newSinceSeen(hana));
            assertEquals(
                    1,
                    f.perDay(hana, 7, java.time.LocalDate.of(2026, 11, 30)).stream()
                            .mapToInt(Footprints.DayCount::visits)
                            .sum());

            assertFalse(f.isStealth(jiro)); // known (and kept) as not stealthy
            f.setStealth(jiro, true);
            assertFalse(f.record(jiro, hana, T0), "忍び足 leaves no footprint, at once");
            assertTrue(f.record(taro, hana, T0.plusSeconds(301)), "after the window, a new footprint");
            assertEquals(2, f.page(hana, 1).items().size());
        } finally {
            f.close();
        }
        assertFalse(f.record(taro, hana, T0.plusSeconds(302)), "still the rule after the writer stopped");
        assertTrue(f.record(taro, hana, T0.plusSeconds(700)), "and written at once");
        assertEquals(3, f.page(hana, 1).items().size());
    }

    static FootprintWriter.Visit visit(long visitor, long visited, Instant at) {
        return new FootprintWriter.Visit(visitor, visited, at);
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aBatchKeepsThePairRuleWithinItselfAndAcrossBatches(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        long jiro = rig.member("じろう");
        Footprints f =
                new Footprints(db.database(), rig.policy(), rig.graph(), Duration.ofMinutes(5), Duration.ofDays(30));
        Instant t = T0.plusMillis(123); // a time the database must keep to the millisecond
        // one batch (out of order, as several request threads queue them): the same pair twice within the window, a
        // pair twice five minutes apart, and a pair seen for the first time
        f.writeBatch(List.of(
                visit(taro, hana, t.plusSeconds(10)),
                visit(taro, hana, t),
                visit(jiro, hana, t.plusSeconds(300)),
                visit(jiro, hana, t),
                visit(hana, taro, t)));
        assertEquals(
                List.of(
                        new Footprints.Footprint(jiro, t.plusSeconds(300)),
                        new Footprints.Footprint(jiro, t),
                        new Footprints.Footprint(taro, t)),
                f.page(hana, 1).items(),
                "the first of each pair within the window, at its exact time, newest first");
        assertEquals(List.of(new Footprints.Footprint(hana, t)), f.page(taro, 1).items());

        // the next batch: within the window of the last recorded visit (refused), just at its end (recorded), a
        // pair the first batch refused (its window runs from the recorded visit, not the refused one)
        f.writeBatch(List.of(
                visit(jiro, hana, t.plusSeconds(599)),
                visit(hana, taro, t.plusSeconds(300)),
                visit(taro, hana, t.plusSeconds(305))));
        assertEquals(
                List.of(
                        new Footprints.Footprint(taro, t.plusSeconds(305)),
                        new Footprints.Footprint(jiro, t.plusSeconds(300)),
                        new Footprints.Footprint(jiro, t),
                        new Footprints.Footprint(taro, t)),
                f.page(hana, 1).items());
        assertEquals(2, f.page(taro, 1).items().size());
        assertEquals(6, count(db.database(), "select coalesce(sum(visits), 0) from footprint_day"));
        assertEquals(3, count(db.database(), "select count(*) from footprint_last"), "one row per pair");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aBatchCountsEachJapanDayOnTopOfWhatIsCounted(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long hana = rig.member("はなこ");
        long[] visitors = new long[5];
        for (int i = 0; i < visitors.length; i++) {
            visitors[i] = rig.member("v" + i);
        }
        Footprints f =
                new Footprints(db.database(), rig.policy(), rig.graph(), Duration.ofMinutes(5), Duration.ofDays(30));
        Instant midnight = Instant.parse("2026-11-30T15:00:00Z"); // 2026-12-01 00:00 in Japan
        f.writeBatch(List.of(visit(visitors[0], hana, midnight.minusSeconds(1))));
        f.writeBatch(List.of(
                visit(visitors[1], hana, midnight.minusSeconds(1)),
                visit(visitors[2], hana, midnight),
                visit(visitors[3], hana, midnight.plusSeconds(3600)),
                visit(visitors[4], hana, midnight.minusSeconds(86_401)),
                visit(visitors[4], visitors[0], midnight)));
        assertEquals(
                List.of(1, 2, 2),
                f.perDay(hana, 3, java.time.LocalDate.of(2026, 12, 1)).stream()
                        .map(Footprints.DayCount::visits)
                        .toList(),
                "11-29, 11-30 (one from each batch), 12-01");
        assertEquals(
                1,
                f.perDay(visitors[0], 1, java.time.LocalDate.of(2026, 12, 1))
                        .get(0)
                        .visits());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aVisitTheDatabaseRefusesIsForgottenByTheNodeThatQueuedIt(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        long jiro = rig.member("じろう");
        Footprints one = batched(db.database(), rig, 60_000);
        Footprints two = batched(db.database(), rig, 60_000);
        try {
            assertTrue(one.record(taro, hana, T0));
            one.settle();
            // the other node does not know it: it queues the visit, and the database refuses it in the batch
            assertTrue(two.record(taro, hana, T0.plusSeconds(1)));
            assertTrue(two.record(jiro, hana, T0.plusSeconds(1)));
            two.settle();
            assertEquals(2, two.page(hana, 1).items().size(), "the refused visit left nothing");
            // refused, so that node forgot the pair and asks the database again (which refuses again)
            assertTrue(two.record(taro, hana, T0.plusSeconds(2)), "the refused pair is not remembered as recorded");
            assertFalse(two.record(jiro, hana, T0.plusSeconds(2)), "the recorded one is");
            two.settle();
            assertEquals(2, count(db.database(), "select count(*) from footprint"));
            assertEquals(2, count(db.database(), "select coalesce(sum(visits), 0) from footprint_day"));
        } finally {
            one.close();
            two.close();
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void twoWritersRacingOnTheSamePairsRecordEachOnceAndDoNotDeadlock(TestDb db) throws Exception {
        GraphRig rig = new GraphRig(db.database());
        int n = 10;
        long[] ids = members(rig, n);
        Footprints one =
                new Footprints(db.database(), rig.policy(), rig.graph(), Duration.ofMinutes(5), Duration.ofDays(30));
        Footprints two =
                new Footprints(db.database(), rig.policy(), rig.graph(), Duration.ofMinutes(5), Duration.ofDays(30));
        int rounds = 20;
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                // every pair, in opposite orders, at the same time: first visits in round 0 (inserts), then visits
                // just out of the window of the last round (updates)
                Instant at = T0.plus(Duration.ofMinutes(5L * round));
                List<FootprintWriter.Visit> visits = new ArrayList<>();
                for (long visitor : ids) {
                    for (long visited : ids) {
                        if (visitor != visited) {
                            visits.add(visit(visitor, visited, at));
                        }
                    }
                }
                List<FootprintWriter.Visit> reversed = new ArrayList<>(visits);
                java.util.Collections.reverse(reversed);
                Future<?> a = pool.submit(() -> writeLikeTheWriter(one, visits, failed));
                Future<?> b = pool.submit(() -> writeLikeTheWriter(two, reversed, failed));
                a.get(1, TimeUnit.MINUTES);
                b.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        if (db.database().isPostgresql()) {
            // no deadlock (PostgreSQL would abort one of them) and no conflict: the claims wait for each other
            assertEquals(0, failed.get(), "failed batches");
        } // H2's claim of a new pair is a check and an insert, and may conflict; the writer then writes visit by visit
        int pairs = n * (n - 1);
        assertEquals(pairs * rounds, count(db.database(), "select count(*) from footprint"), "one per pair and round");
        assertEquals(
                pairs * rounds,
                count(
                        db.database(),
                        "select count(*) from (select distinct visitor_id, visited_id, visited_at from footprint) d"));
        assertEquals(pairs * rounds, count(db.database(), "select coalesce(sum(visits), 0) from footprint_day"));
    }

    /** What {@link FootprintWriter} does with a batch: write it in one transaction, or visit by visit if that fails. */
    static void writeLikeTheWriter(Footprints f, List<FootprintWriter.Visit> visits, AtomicInteger failed) {
        try {
            f.writeBatch(visits);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            visits.forEach(f::writeOne);
        }
    }

    static int count(Database db, String sql) {
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}

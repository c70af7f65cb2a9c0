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

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void concurrentViewsLeaveOneFootprintPerPairAndNoneIsLostOnStop(TestDb db) throws Exception {
        GraphRig rig = new GraphRig(db.database());
        int n = 12;
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rig.member("m" + i);
        }
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

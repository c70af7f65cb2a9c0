package jp.keitai.sns.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.keitai.sns.friend.GraphRig;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** あしあと rules on H2 and PostgreSQL: de-duplication window, no self footprints, blocks, 忍び足, roll-up. */
class FootprintsTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z"); // 12:00 in Japan

    static Footprints footprints(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        return new Footprints(db.database(), rig.policy(), rig.graph(), Duration.ofMinutes(5), Duration.ofDays(30));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void oneFootprintPerPairWithinTheWindowAndNoneOnOnesOwnPages(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        Footprints f = footprints(db);

        assertFalse(f.record(hana, hana, T0), "no footprint on one's own page");
        assertTrue(f.record(taro, hana, T0));
        assertFalse(f.record(taro, hana, T0.plusSeconds(60)), "within five minutes: the same visit");
        assertFalse(f.record(taro, hana, T0.plusSeconds(299)));
        assertTrue(f.record(hana, taro, T0.plusSeconds(60)), "the other direction is another pair");
        assertTrue(f.record(taro, hana, T0.plusSeconds(300)), "five minutes after the last recorded one");
        assertFalse(f.record(taro, hana, T0.plusSeconds(400)));
        assertTrue(f.record(taro, hana, T0.plusSeconds(601)));

        Footprints.Page page = f.page(hana, 1);
        assertEquals(3, page.items().size());
        assertEquals(T0.plusSeconds(601), page.items().get(0).at(), "newest first");
        assertEquals(taro, page.items().get(0).visitorId());
        assertFalse(page.hasNext());
        assertEquals(
                0,
                f.page(taro, 1).items().stream()
                        .filter(x -> x.visitorId() == taro)
                        .count());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aZeroWindowRecordsEveryViewAndPagesAreNewestFirst(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        Footprints f = new Footprints(db.database(), rig.policy(), rig.graph(), Duration.ZERO, Duration.ofDays(30));
        for (int i = 0; i < 45; i++) {
            assertTrue(f.record(taro, hana, T0.plusSeconds(i)));
        }
        Footprints.Page one = f.page(hana, 1);
        Footprints.Page three = f.page(hana, 3);
        assertEquals(Footprints.PAGE_SIZE, one.items().size());
        assertTrue(one.hasNext());
        assertEquals(T0.plusSeconds(44), one.items().get(0).at());
        assertEquals(5, three.items().size());
        assertFalse(three.hasNext());
        assertEquals(T0, three.items().get(4).at());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void simultaneousViewsLeaveOneFootprint(TestDb db) throws Exception {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        Footprints f = footprints(db);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> views = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                views.add(() -> f.record(taro, hana, T0));
            }
            int recorded = 0;
            for (Future<Boolean> r : pool.invokeAll(views)) {
                recorded += r.get() ? 1 : 0;
            }
            assertEquals(1, recorded);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, f.page(hana, 1).items().size());
        assertEquals(1, f.perDay(hana, 1, LocalDate.of(2026, 11, 30)).get(0).visits());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void blocksAndSuspensionsLeaveNoFootprintAndHideOldOnes(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        long jiro = rig.member("じろう");
        long susp = rig.member("ていし");
        Footprints f = footprints(db);
        assertTrue(f.record(jiro, hana, T0));
        rig.block(hana, taro);
        assertFalse(f.record(taro, hana, T0), "blocked by the member: no footprint");
        assertFalse(f.record(hana, taro, T0), "nor the other way");
        rig.block(jiro, hana);
        assertTrue(f.page(hana, 1).items().isEmpty(), "a block made after the visit hides it");
        rig.suspend(susp);
        assertFalse(f.record(hana, susp, T0), "no footprints on a suspended member's page");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void shinobiashiLeavesNoFootprintAndIsAFairTrade(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long hana = rig.member("はなこ");
        Footprints f = footprints(db);
        assertFalse(f.isStealth(taro));
        f.setStealth(taro, true);
        assertTrue(f.isStealth(taro));
        assertFalse(f.record(taro, hana, T0), "忍び足: no footprint");
        assertTrue(f.page(hana, 1).items().isEmpty());
        // footprints on the stealthy member's pages are still recorded, only hidden from them while it lasts
        assertTrue(f.record(hana, taro, T0));
        f.setStealth(taro, false);
        assertFalse(f.isStealth(taro));
        assertEquals(1, f.page(taro, 1).items().size());
        assertTrue(f.record(taro, hana, T0.plusSeconds(1)), "walking normally again leaves footprints");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theShinobiashiFormChoosesOnOrOff(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        Footprints f = footprints(db);
        assertTrue(f.chooseStealth(taro, "on"));
        assertTrue(f.isStealth(taro));
        for (String neither : new String[] {"maybe", "", "ON", null}) {
            assertEquals(
                    "忍び足を使うかどうかを選んでください。",
                    assertThrows(Refused.class, () -> f.chooseStealth(taro, neither))
                            .getMessage(),
                    "choice " + neither);
        }
        assertTrue(f.isStealth(taro), "a choice of neither changes nothing");
        assertFalse(f.chooseStealth(taro, "off"));
        assertFalse(f.isStealth(taro));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void perDayCountsInJapanTimeSurviveTheRollUp(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long hana = rig.member("はなこ");
        long[] visitors = {rig.member("a"), rig.member("b"), rig.member("c")};
        Footprints f = footprints(db);
        Instant day1 = Instant.parse("2026-10-01T14:59:00Z"); // 23:59 on 10/1 in Japan
        Instant day2 = Instant.parse("2026-10-01T15:00:00Z"); // 00:00 on 10/2 in Japan
        f.record(visitors[0], hana, day1);
        f.record(visitors[1], hana, day2);
        f.record(visitors[2], hana, day2);
        f.record(visitors[0], hana, T0);
        List<Footprints.DayCount> october = f.perDay(hana, 3, LocalDate.of(2026, 10, 3));
        assertEquals(
                List.of(
                        new Footprints.DayCount(LocalDate.of(2026, 10, 1), 1),
                        new Footprints.DayCount(LocalDate.of(2026, 10, 2), 2),
                        new Footprints.DayCount(LocalDate.of(2026, 10, 3), 0)),
                october);

        assertEquals(3, f.rollUp(T0), "visits older than 30 days go");
        assertEquals(1, f.page(hana, 1).items().size());
        assertEquals(october, f.perDay(hana, 3, LocalDate.of(2026, 10, 3)), "their counts stay");
        assertEquals(0, f.rollUp(T0), "running again changes nothing");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theHomeCountIsWhatCameSinceTheListWasLastSeen(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long taro = rig.member("たろう");
        long jiro = rig.member("じろう");
        long hana = rig.member("はなこ");
        Footprints f = footprints(db);
        f.record(taro, hana, T0);
        f.record(jiro, hana, T0);
        assertEquals(2, f.newSinceSeen(hana));
        f.markSeen(hana, T0.plusSeconds(10));
        assertEquals(0, f.newSinceSeen(hana));
        f.record(taro, hana, T0.plusSeconds(600));
        assertEquals(1, f.newSinceSeen(hana));
        rig.block(taro, hana);
        assertEquals(0, f.newSinceSeen(hana), "a visitor blocked since is not counted, as the list leaves them out");
        f.record(jiro, hana, T0.plusSeconds(600));
        assertEquals(new Footprints.Fresh(1, false), f.fresh(hana));
        f.setStealth(hana, true);
        assertEquals(new Footprints.Fresh(0, true), f.fresh(hana), "忍び足: nothing to count");
        f.markSeen(hana, T0.plusSeconds(601));
        assertTrue(f.isStealth(hana), "seeing the list keeps the 忍び足 choice");
    }

    @org.junit.jupiter.api.Test
    void theWindowAndRetentionComeFromSettingsAndBadValuesNameTheKey() {
        Footprints f = new Footprints();
        f.settings = TestDb.settings(java.util.Map.of("sns.footprint.window-minutes", "10"));
        assertEquals(Duration.ofMinutes(10), f.window());
        assertEquals(Duration.ofDays(90), f.retention(), "default retention");
        Footprints bad = new Footprints();
        bad.settings = TestDb.settings(java.util.Map.of("sns.footprint.retention-days", "3"));
        jp.keitai.sns.system.SettingsException e = org.junit.jupiter.api.Assertions.assertThrows(
                jp.keitai.sns.system.SettingsException.class, bad::retention);
        assertTrue(e.getMessage().contains("sns.footprint.retention-days"), e.getMessage());
        Footprints defaults = new Footprints();
        defaults.settings = TestDb.settings(java.util.Map.of());
        assertEquals(Duration.ofMinutes(5), defaults.window(), "five minutes unless configured");
    }
}

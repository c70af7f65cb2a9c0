package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Claiming, handling and marking spool rows: once and only once, whatever fails. */
class SpoolWorkerTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theSameMessageIdTwiceGivesOneResult(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            long first = rig.spool("docomo-sjis-emoji.eml");
            long again = rig.spool("docomo-sjis-emoji.eml"); // the member pressed send twice, or an MTA retried
            long otherRoute = rig.spool("docomo-sjis-emoji.eml", "v.x8y2z7w3u4s5r6q9@" + MailRig.DOMAIN);
            rig.work();
            assertEquals(SpoolMessage.DONE, rig.row(first).getState());
            assertEquals(SpoolMessage.DUPLICATE, rig.row(again).getState());
            assertTrue(
                    rig.row(again).getReason().contains("#" + first),
                    rig.row(again).getReason());
            assertEquals(1, rig.posts(first));
            assertEquals(0, rig.posts(again));
            assertEquals(SpoolMessage.DONE, rig.row(otherRoute).getState(), "another address is another result");
            // a duplicate that arrives long after the first was handled is still a duplicate
            long later = rig.spool("docomo-sjis-emoji.eml");
            rig.work();
            assertEquals(SpoolMessage.DUPLICATE, rig.row(later).getState());
            assertEquals(2, rig.handled.size());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aFailingHandlerLeavesNothingAndIsQuarantinedAfterItsAttempts(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.max-attempts", "3"))) {
            AtomicInteger calls = new AtomicInteger();
            rig.behaviour = (mail, em) -> {
                calls.incrementAndGet();
                throw new IllegalStateException("feature bug");
            };
            long id = rig.spool("au-jis-emoji.eml", "v.x8y2z7w3u4s5r6q9@" + MailRig.DOMAIN);
            Instant t = Clock.now();
            for (int i = 0; i < 5; i++) {
                rig.worker.runOnce(t);
                assertEquals(0, rig.posts(id), "the handler's insert was rolled back");
                t = t.plusSeconds(3600); // past any retry delay
            }
            assertEquals(3, calls.get());
            SpoolMessage row = rig.row(id);
            assertEquals(SpoolMessage.QUARANTINED, row.getState());
            assertTrue(row.getReason().contains("3回"), row.getReason());
            // issue 21: quarantined, and the route asked to answer the member with the reason
            assertEquals(MailHandler.QUARANTINED + row.getReason(), rig.refusedByChannel.get(id));
            // the failure was the feature's, not the mail's: once fixed, the member's resent mail goes through
            rig.behaviour = (mail, em) -> MailResult.done();
            long resent = rig.spool("au-jis-emoji.eml", "v.x8y2z7w3u4s5r6q9@" + MailRig.DOMAIN);
            rig.worker.runOnce(t);
            assertEquals(SpoolMessage.DONE, rig.row(resent).getState());
            assertEquals(1, rig.posts(resent));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aRowClaimedByAWorkerThatDiedIsTakenOverAfterTheLease(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.lease-seconds", "60"))) {
            long id = rig.spool("softbank-sjis-emoji.eml");
            Instant now = Clock.now();
            SpoolWorker dead = new SpoolWorker(db.database(), rig.routes, rig.settings, "dead-worker");
            assertEquals(id, dead.claim(now).orElseThrow()); // ... and then it never handles it
            SpoolWorker other = new SpoolWorker(db.database(), rig.routes, rig.settings, "other-worker");
            assertEquals(0, other.runOnce(now.plusSeconds(30)), "still leased");
            assertEquals(1, other.runOnce(now.plusSeconds(61)));
            assertEquals(SpoolMessage.DONE, rig.row(id).getState());
            // the first worker wakes up and finishes its old claim: nothing happens twice
            dead.handle(id, now.plusSeconds(62));
            assertEquals(1, rig.posts(id));
            assertEquals(1, rig.handled.size());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aRowFreedBelowABusyWorkersFloorIsStillClaimed(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.lease-seconds", "60"))) {
            long held = rig.spool("softbank-sjis-emoji.eml");
            long next = rig.spool("docomo-sjis-emoji.eml");
            Instant now = Clock.now();
            SpoolWorker dead = new SpoolWorker(db.database(), rig.routes, rig.settings, "dead-worker");
            assertEquals(held, dead.claim(now).orElseThrow());
            SpoolWorker busy = new SpoolWorker(db.database(), rig.routes, rig.settings, "busy-worker");
            assertEquals(1, busy.runOnce(now), "the next row: the first is leased");
            assertEquals(SpoolMessage.DONE, rig.row(next).getState());
            // soon after, the busy worker looks from its last claim on, and finds the new row there
            long later = rig.spool("au-jis-emoji.eml");
            assertEquals(1, busy.runOnce(now.plusMillis(500)));
            assertEquals(SpoolMessage.DONE, rig.row(later).getState());
            assertEquals(SpoolMessage.NEW, rig.row(held).getState());
            // the first row's lease runs out below that floor while a new row waits above it: the next look is from
            // the start and finds both
            long last = rig.spool("willcom-sjis.eml");
            assertEquals(2, busy.runOnce(now.plusSeconds(61)));
            assertEquals(SpoolMessage.DONE, rig.row(held).getState());
            assertEquals(SpoolMessage.DONE, rig.row(last).getState());
            assertEquals(0, busy.runOnce(now.plusSeconds(62)));
            assertEquals(4, rig.handled.size());
        }
    }

    /**
     * On PostgreSQL the claim starts reading the (state, id) index at its floor, not at the start of the rows in state
     * new (every handled row leaves two dead entries there until the table is vacuumed).
     */
    @org.junit.jupiter.api.Test
    void onPostgreSqlTheClaimStartsAtItsFloor() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("it.skip.postgresql"));
        try (TestDb db = TestDb.postgresql()) {
            String plan = db.database().jdbc(c -> {
                c.setAutoCommit(false);
                try {
                    db.database().indexScansOnly(c);
                    StringBuilder out = new StringBuilder();
                    try (java.sql.PreparedStatement ps = c.prepareStatement("explain " + SpoolStore.CLAIM)) {
                        ps.setLong(1, 1000);
                        ps.setTimestamp(2, java.sql.Timestamp.from(Clock.now()));
                        ps.setInt(3, 50);
                        try (java.sql.ResultSet r = ps.executeQuery()) {
                            while (r.next()) {
                                out.append(r.getString(1)).append('\n');
                            }
                        }
                    }
                    return out.toString();
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            });
            assertTrue(plan.contains("Index Scan using mail_spool_state_idx"), plan);
            assertTrue(plan.contains("(id >= '1000'::bigint)"), plan);
            assertFalse(plan.contains("Sort"), plan);
        }
    }

    /**
     * On PostgreSQL a claim (claimed_by, lease_until, attempts: no indexed column) stays in its row's page as a HOT
     * update: the spool's pages are left half empty for it (db/postgresql V25). With full pages each claim wrote an
     * entry in every index.
     */
    @org.junit.jupiter.api.Test
    void onPostgreSqlClaimsAreHotUpdates() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("it.skip.postgresql"));
        try (TestDb db = TestDb.postgresql()) {
            long hot = db.database().jdbc(c -> {
                c.setAutoCommit(false);
                try {
                    List<Long> ids = new ArrayList<>();
                    try (java.sql.PreparedStatement ps = c.prepareStatement(
                            "insert into mail_spool (received_at, envelope_from, recipient, local_part, dedup_key,"
                                    + " size_bytes, raw, state, attempts) values (?, 'a@docomo.ne.jp',"
                                    + " 'd.x@example.jp', 'd.x', ?, 200, ?, 'new', 0)",
                            new String[] {"id"})) {
                        for (int i = 0; i < 200; i++) {
                            ps.setTimestamp(1, java.sql.Timestamp.from(Clock.now()));
                            ps.setString(2, "k" + i);
                            ps.setBytes(3, new byte[200]);
                            ps.executeUpdate();
                            try (java.sql.ResultSet r = ps.getGeneratedKeys()) {
                                r.next();
                                ids.add(r.getLong(1));
                            }
                        }
                    }
                    c.commit();
                    try (java.sql.PreparedStatement u = c.prepareStatement("update mail_spool set claimed_by = 'w',"
                            + " lease_until = ?, attempts = attempts + 1 where id = ?")) {
                        for (long id : ids.subList(0, 50)) {
                            u.setTimestamp(1, java.sql.Timestamp.from(Clock.now()));
                            u.setLong(2, id);
                            u.executeUpdate();
                        }
                    }
                    try (java.sql.ResultSet r = c.createStatement()
                            .executeQuery("select n_tup_hot_upd from pg_stat_xact_user_tables"
                                    + " where relname = 'mail_spool'")) {
                        r.next();
                        return r.getLong(1);
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            });
            assertTrue(hot >= 40, hot + " of 50 claims were HOT updates");
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void concurrentWorkersHandleEachMailOnce(TestDb db) throws Exception {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            List<String> fixtures = List.of(
                    "docomo-sjis-emoji.eml", "au-jis-emoji.eml", "softbank-utf8-emoji.eml", "iphone-jis-circled.eml");
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                for (String f : fixtures) {
                    byte[] mail = new String(MailRig.fixture(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .replaceFirst("(?i)Message-Id: <", "Message-ID: <" + i + ".")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    SmtpClient.Reply r = rig.send("x@example.com", "d.k3j5m2p8q9r4t6v7@" + MailRig.DOMAIN, mail);
                    ids.add(MailRig.queuedId(r));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                SpoolWorker worker = new SpoolWorker(db.database(), rig.routes, rig.settings, "w" + w);
                results.add(pool.submit(() -> {
                    int n = 0;
                    int got;
                    while ((got = worker.runOnce(Clock.now())) > 0) {
                        n += got;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            pool.shutdown();
            assertEquals(40, total, "each row claimed once");
            for (long id : ids) {
                assertEquals(SpoolMessage.DONE, rig.row(id).getState());
                assertEquals(1, rig.posts(id));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void mailForARouteRemovedAfterSpoolingIsRefused(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            long id = rig.spool("willcom-sjis.eml");
            rig.routes.unregister("test");
            rig.work();
            assertEquals(SpoolMessage.REFUSED, rig.row(id).getState());
            assertEquals(0, rig.posts(id));
        }
    }

    /** Issue 21: unreadable mail reaches the route too, with what could be read of it, so the member is answered. */
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void quarantinesReachTheRouteWithWhatCouldBeReadSoItCanAnswer(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            long id = rig.spool("wrong-charset.eml");
            rig.work();
            SpoolMessage row = rig.row(id);
            assertEquals(SpoolMessage.QUARANTINED, row.getState());
            assertEquals(MailHandler.QUARANTINED + row.getReason(), rig.refusedByChannel.get(id));
            InboundMail partial = rig.quarantined.get(id);
            assertEquals("sender@example.com", partial.envelopeFrom());
            assertEquals("confused@ezweb.ne.jp", partial.from());
            assertEquals("au", partial.carrier());
            assertEquals("文字化け", partial.subject());
            assertEquals("d.k3j5m2p8q9r4t6v7", partial.localPart());
            assertEquals("", partial.text());
            assertEquals(0, rig.posts(id));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void channelRefusalsReachTheRouteSoItCanAnswer(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.max-photo-bytes", "1024"))) {
            long id = rig.spool("au-photo.eml");
            rig.work();
            SpoolMessage row = rig.row(id);
            assertEquals(SpoolMessage.REFUSED, row.getState());
            assertTrue(row.getReason().contains("1KBまで"), row.getReason());
            assertEquals(row.getReason(), rig.refusedByChannel.get(id));
            assertEquals(0, rig.posts(id));
        }
    }
}

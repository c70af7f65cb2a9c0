package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group commit in the spool and batched handling in the worker: many mails share a commit or a transaction, and still
 * each is answered, stored and handled exactly as if it were alone.
 */
class BatchingTest {

    private static final String POST = "d.k3j5m2p8q9r4t6v7@" + MailRig.DOMAIN;

    /** The fixture with its own Message-ID, so that it is a different mail. */
    private static byte[] mail(String tag) {
        return new String(MailRig.fixture("docomo-sjis-emoji.eml"), StandardCharsets.ISO_8859_1)
                .replaceFirst("(?i)Message-Id: <", "Message-ID: <" + tag + ".")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void concurrentSendersEachGetExactlyOneRowCommittedBefore250(TestDb db) throws Exception {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            int senders = 8;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            Map<String, Long> idByTag = new ConcurrentHashMap<>();
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String tag = "s" + sender + "m" + i;
                        SmtpClient.Reply r = rig.send("x@docomo.ne.jp", POST, mail(tag));
                        assertEquals(250, r.code(), r.toString());
                        long id = MailRig.queuedId(r);
                        // answered 250: the row is committed, visible to any other connection at once
                        assertEquals(
                                List.of(tag), messageTags(db.database(), "id = " + id), "row " + id + " after 250");
                        idByTag.put(tag, id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(senders * each, idByTag.size());
            assertEquals(senders * each, new HashSet<>(idByTag.values()).size(), "each mail its own row");
            List<String> all = messageTags(db.database(), "1 = 1");
            assertEquals(senders * each, all.size(), "one row per mail, nothing more");
            assertEquals(idByTag.keySet(), new HashSet<>(all));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aFailedBatchAnswers451ToEverySessionInItAndWritesNothing(TestDb db) throws Exception {
        Semaphore gate = new Semaphore(0);
        AtomicBoolean gated = new AtomicBoolean(true);
        CountDownLatch atGate = new CountDownLatch(1);
        Runnable beforeBatch = () -> {
            if (gated.get()) {
                atGate.countDown();
                gate.acquireUninterruptibly();
            }
        };
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of(), beforeBatch)) {
            // a mail the database refuses to store, whatever the reason (here: a constraint added for the test)
            sql(
                    db.database(),
                    "alter table mail_spool add constraint test_poison check (message_id is null or message_id not like"
                            + " '%poison%')");
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<SmtpClient.Reply>> replies = new ArrayList<>();
            for (String tag : List.of("good1", "poison", "good2")) {
                replies.add(pool.submit(() -> rig.send("x@docomo.ne.jp", POST, mail(tag))));
            }
            // the writer holds the first mail at the gate until the other two wait in the queue: one batch of three
            assertTrue(atGate.await(30, TimeUnit.SECONDS));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rig.spool.queued() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(2, rig.spool.queued());
            gated.set(false);
            gate.release();
            for (Future<SmtpClient.Reply> f : replies) {
                SmtpClient.Reply r = f.get(60, TimeUnit.SECONDS);
                assertEquals(451, r.code(), "every session of the failed batch: " + r);
                assertTrue(r.text().startsWith("4.3.0"), r.toString());
            }
            pool.shutdown();
            assertEquals(List.of(), messageTags(db.database(), "1 = 1"), "nothing of the batch was written");
            // the MTAs retry: the good mails go through on their own, the bad one keeps failing alone
            assertEquals(250, rig.send("x@docomo.ne.jp", POST, mail("good1")).code());
            assertEquals(451, rig.send("x@docomo.ne.jp", POST, mail("poison")).code());
            assertEquals(250, rig.send("x@docomo.ne.jp", POST, mail("good2")).code());
            assertEquals(Set.of("good1", "good2"), new HashSet<>(messageTags(db.database(), "1 = 1")));
            assertEquals(2, rig.rows().size());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aPoisonMailInAHandledBatchIsRetriedAloneAndTheOthersGoThrough(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.max-attempts", "3"))) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(rig.spool(mail("m" + i)));
            }
            long poison = ids.get(4);
            AtomicInteger poisonCalls = new AtomicInteger();
            rig.behaviour = (mail, em) -> {
                if (mail.spoolId() == poison) {
                    poisonCalls.incrementAndGet();
                    throw new IllegalStateException("feature bug on this one mail");
                }
                return MailResult.done();
            };
            Instant t = Clock.now();
            assertEquals(10, rig.worker.runOnce(t), "one claim takes the whole batch");
            for (long id : ids) {
                if (id != poison) {
                    assertEquals(SpoolMessage.DONE, rig.row(id).getState(), "#" + id);
                    assertEquals(1, rig.posts(id), "#" + id + " posted once, not lost with the batch");
                }
            }
            SpoolMessage p = rig.row(poison);
            assertEquals(SpoolMessage.NEW, p.getState(), "the poison mail waits for its next attempt");
            assertEquals(1, p.getAttempts());
            assertNull(p.getClaimedBy());
            assertEquals(0, rig.posts(poison), "its writes were rolled back");
            for (int i = 0; i < 5; i++) {
                t = t.plusSeconds(3600); // past any retry delay
                rig.worker.runOnce(t);
            }
            assertEquals(SpoolMessage.QUARANTINED, rig.row(poison).getState());
            assertEquals(0, rig.posts(poison));
            // in the batch, then alone (first attempt); then alone twice more; then quarantined at the claim
            assertEquals(4, poisonCalls.get());
            for (long id : ids) {
                if (id != poison) {
                    assertEquals(SpoolMessage.DONE, rig.row(id).getState());
                    assertEquals(1, rig.posts(id), "never handled again");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void severalWorkersWithBatchesHandleEveryMailExactlyOnce(TestDb db) throws Exception {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.batch", "7"))) {
            List<Long> firsts = new ArrayList<>();
            List<Long> copies = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                firsts.add(rig.spool(mail("w" + i)));
            }
            for (int i = 0; i < 20; i++) {
                copies.add(rig.spool(mail("w" + i))); // the same mails again: an MTA retried
            }
            long poison = rig.spool(mail("poison"));
            rig.behaviour = (mail, em) -> {
                if (mail.spoolId() == poison) {
                    throw new IllegalStateException("feature bug");
                }
                return MailResult.done();
            };
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
            for (Future<Integer> f : results) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            for (int i = 0; i < 60; i++) {
                long first = firsts.get(i);
                long posts = rig.posts(first);
                String state = rig.row(first).getState();
                if (i < 20) {
                    long copy = copies.get(i);
                    posts += rig.posts(copy);
                    Set<String> states = Set.of(state, rig.row(copy).getState());
                    assertEquals(Set.of(SpoolMessage.DONE, SpoolMessage.DUPLICATE), states, "w" + i);
                } else {
                    assertEquals(SpoolMessage.DONE, state, "w" + i);
                }
                assertEquals(1, posts, "w" + i + " posted exactly once");
            }
            assertEquals(0, rig.posts(poison));
            assertEquals(SpoolMessage.NEW, rig.row(poison).getState());
            assertEquals(60, rig.count(SpoolMessage.DONE));
            assertEquals(20, rig.count(SpoolMessage.DUPLICATE));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void repliesQueuedInABatchCommitWithItAndNoneForAMailWhoseHandlingFailed(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.max-attempts", "3"))) {
            Mailer mailer = mailer(db);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(rig.spool(mail("r" + i)));
            }
            long poison = ids.get(3);
            rig.behaviour = (mail, em) -> {
                // the reply waits for the end of the batch's transaction (one JDBC batch), like every handler's
                mailer.queue(em, "m" + mail.spoolId() + "@docomo.ne.jp", "refused", Map.of("reason", "test"));
                if (mail.spoolId() == poison) {
                    throw new IllegalStateException("fails after queueing its reply");
                }
                return MailResult.done();
            };
            assertEquals(8, rig.worker.runOnce(Clock.now()));
            for (long id : ids) {
                if (id != poison) {
                    assertEquals(SpoolMessage.DONE, rig.row(id).getState(), "#" + id);
                    assertEquals(1, outbox(db.database(), "m" + id + "@docomo.ne.jp"), "#" + id + " one reply");
                }
            }
            assertEquals(SpoolMessage.NEW, rig.row(poison).getState());
            assertEquals(0, outbox(db.database(), "m" + poison + "@docomo.ne.jp"), "rolled back with its mail");
            assertEquals(7, outbox(db.database(), null), "nothing else queued");
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aReplyTheDatabaseRefusesAtTheEndOfTheBatchRollsBackOnlyItsOwnMail(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of("sns.mail.max-attempts", "3"))) {
            Mailer mailer = mailer(db);
            // refused only when the queued rows are written, just before the commit
            sql(
                    db.database(),
                    "alter table mail_outbox add constraint test_poison check (recipient not like 'poison%')");
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(rig.spool(mail("q" + i)));
            }
            long poison = ids.get(2);
            rig.behaviour = (mail, em) -> {
                String to = (mail.spoolId() == poison ? "poison" : "m") + mail.spoolId() + "@docomo.ne.jp";
                mailer.queue(em, to, "refused", Map.of("reason", "test"));
                return MailResult.done();
            };
            assertEquals(6, rig.worker.runOnce(Clock.now()));
            for (long id : ids) {
                if (id != poison) {
                    assertEquals(SpoolMessage.DONE, rig.row(id).getState(), "#" + id);
                    assertEquals(1, rig.posts(id), "#" + id + " posted once");
                    assertEquals(1, outbox(db.database(), "m" + id + "@docomo.ne.jp"), "#" + id + " one reply");
                }
            }
            assertEquals(SpoolMessage.NEW, rig.row(poison).getState(), "retried later, alone");
            assertEquals(0, rig.posts(poison), "its post went with its reply");
            assertEquals(5, outbox(db.database(), null));
        }
    }

    private static Mailer mailer(TestDb db) {
        return new Mailer(
                db.database(),
                OutboundSettings.from(TestDb.settings(Map.of("sns.mail.domain", MailRig.DOMAIN))),
                new MailTemplates());
    }

    /** Outbox rows to this address (null: all of them). */
    private static long outbox(Database database, String to) {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select count(*) from mail_outbox" + (to == null ? "" : " where recipient = ?"))) {
                if (to != null) {
                    s.setString(1, to);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** The Message-ID tags (what {@link #mail} put in front) of the spool rows matching {@code where}. */
    private static List<String> messageTags(Database database, String where) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s =
                        c.prepareStatement("select message_id from mail_spool where " + where + " order by id");
                ResultSet r = s.executeQuery()) {
            List<String> tags = new ArrayList<>();
            while (r.next()) {
                String id = r.getString(1);
                tags.add(id.substring(1, id.indexOf('.')));
            }
            return tags;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(Database database, String sql) {
        database.jdbc(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }
}

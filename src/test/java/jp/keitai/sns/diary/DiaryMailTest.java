package jp.keitai.sns.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.mail.inbound.InboundSettings;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.mail.inbound.SmtpListener;
import jp.keitai.sns.mail.inbound.Spool;
import jp.keitai.sns.mail.inbound.SpoolWorker;
import jp.keitai.sns.mail.outbound.OutboxMail;
import jp.keitai.sns.member.PostingAddresses;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diaries by mail through the real mail channel (SMTP listener, spool, worker, parser) on H2 and PostgreSQL: every
 * carrier's fixtures post with their emoji and photos and are confirmed to the registered address; forged senders,
 * wrong or rotated secrets, too many photos, empty bodies and suspended members are refused with nothing posted,
 * answered to the registered address only (a wrong secret to nobody).
 */
class DiaryMailTest {

    static final String SUN = "\u2600\uFE0F";
    static final String CLOUD = "\u2601\uFE0F";
    static final String UMBRELLA = "\u2614";

    /** The listener, spool and worker in front of the rig's database, with the diary route registered. */
    static final class Channel implements AutoCloseable {
        final DiaryRig rig;
        final Spool spool;
        final SmtpListener listener;
        final SpoolWorker worker;

        Channel(DiaryRig rig, Map<String, String> overrides) {
            this.rig = rig;
            Map<String, String> values = new HashMap<>(Map.of("sns.mail.domain", DiaryRig.DOMAIN));
            values.putAll(overrides);
            InboundSettings settings = InboundSettings.from(TestDb.settings(values));
            MailRoutes routes = new MailRoutes();
            routes.register("diary", MailRoutes.prefix("d."), rig.mailRoute);
            spool = new Spool(rig.database, settings.spoolBatch());
            listener = new SmtpListener(settings, 0, routes, spool, () -> {});
            listener.start();
            worker = new SpoolWorker(rig.database, routes, settings, "diary-test");
        }

        /** Sends the fixture as {@code from} to {@code to} over SMTP, then lets the worker handle the spool. */
        int post(String fixture, String from, String to) {
            byte[] raw = personalise(fixture, from);
            int code = smtp(listener.port(), from, to, raw);
            while (worker.runOnce(Clock.now()) > 0) {
                // until the spool is empty
            }
            return code;
        }

        String lastState() {
            Object[] row = rig.database.read(em -> (Object[]) em.createNativeQuery(
                            "select state, reason from mail_spool order by id desc fetch first 1 rows only")
                    .getSingleResult());
            return (String) row[0];
        }

        @Override
        public void close() {
            listener.close();
            spool.close();
        }
    }

    record Case(String fixture, String from, String title, String body, int photos) {}

    static final List<Case> CARRIERS = List.of(
            new Case(
                    "docomo-sjis-emoji.eml", "hanako-7@docomo.ne.jp", "今日の天気" + CLOUD, "晴れました" + SUN + "\n散歩に行きます。", 0),
            new Case("docomo-three-photos.eml", "camera.girl@docomo.ne.jp", "写真3枚", "お花見に行きました", 3),
            new Case("au-photo.eml", "photo.au@ezweb.ne.jp", null, "うちのねこです", 1),
            new Case(
                    "au-jis-emoji.eml",
                    "ogawa.taro@ezweb.ne.jp",
                    "雨" + UMBRELLA,
                    "今日は" + SUN + "のち" + CLOUD + "\nFor au",
                    0),
            new Case("android-png-gif-video.eml", "droid@au.com", null, null, 2),
            new Case("softbank-sjis-emoji.eml", "white.dog@softbank.ne.jp", "天気" + CLOUD, "晴れ" + SUN + "です", 0),
            new Case(
                    "softbank-utf8-emoji.eml",
                    "ogawa.jpmobile@softbank.ne.jp",
                    "題名" + CLOUD,
                    "本文" + SUN + "\nFor softbank",
                    0),
            new Case("willcom-sjis.eml", "phs-user@pdx.ne.jp", "ウィルコム", "PHSから" + SUN, 0),
            new Case("iphone-unicode-emoji.eml", "masashi@i.softbank.jp", null, null, 0));

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void everyCarriersMailBecomesADiaryWithEmojiAndPhotos(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        try (Channel channel = new Channel(rig, Map.of())) {
            for (Case c : CARRIERS) {
                long member = rig.member("m", c.from());
                rig.diaries.saveSettings(member, "friends_of_friends", false);
                String to = rig.addresses.addressOf(member, PostingAddresses.Kind.DIARY);
                assertEquals(250, channel.post(c.fixture(), c.from(), to), c.fixture());
                assertEquals("done", channel.lastState(), c.fixture());
                DiaryViews.ListPage list =
                        rig.reader.list(member, member, null, 1).orElseThrow();
                assertEquals(1, list.getTotalCount(), c.fixture());
                DiaryViews.Page page = rig.reader
                        .page(member, list.getEntries().get(0).getId())
                        .orElseThrow();
                Diary d = page.getDiary();
                if (c.title() != null) {
                    assertEquals(c.title(), d.getTitle(), c.fixture());
                }
                if (c.body() != null) {
                    assertEquals(c.body(), d.getBody(), c.fixture());
                }
                assertTrue(!d.getTitle().isBlank() && !d.getBody().isBlank(), c.fixture());
                assertEquals(Visibility.FRIENDS_OF_FRIENDS, d.visibility(), "the member's default level");
                assertTrue(d.isViaMail());
                assertEquals(c.photos(), page.getPhotos().size(), c.fixture());
                for (DiaryPhoto p : page.getPhotos()) {
                    PhotoStore.Served keitai = rig.reader
                            .photo(member, d.getId(), p.getPosition(), PhotoStore.Size.KEITAI, List.of("gif", "jpeg"))
                            .orElseThrow();
                    assertTrue(
                            keitai.contentType().equals("image/jpeg")
                                    || keitai.contentType().equals("image/gif"),
                            c.fixture() + " docomo-style handsets get JPEG or GIF: " + keitai.contentType());
                    assertTrue(PhotoStoreTest.widthOf(keitai.bytes()) <= 240, c.fixture());
                }
                List<OutboxMail> answers = rig.outboxTo(c.from());
                assertEquals(1, answers.size(), c.fixture());
                assertEquals("diary/posted", answers.get(0).getTemplate());
                String text = bodyOf(answers.get(0).getRaw());
                assertTrue(text.contains("/diary/" + d.getId()), c.fixture() + ": " + text);
            }
        }
    }

    /**
     * Issue 9: a worker handles diary mails a batch at a time, and the statements a batch costs grow by a handful per
     * mail (posting secret, member, default level, the diary, its confirmation), not by transactions and claims.
     */
    @Test
    void aBatchOfDiaryMailsPostsEachOnceWithAFewStatementsPerMail() {
        StatementCounter counter = new StatementCounter();
        try (TestDb db = TestDb.h2(counter.wrap())) {
            DiaryRig rig = new DiaryRig(db.database());
            try (Channel channel = new Channel(rig, Map.of())) {
                int n = 10;
                long[] members = new long[n];
                for (int i = 0; i < n; i++) {
                    String from = "batch" + i + "@docomo.ne.jp";
                    members[i] = rig.member("b" + i, from);
                    String to = rig.addresses.addressOf(members[i], PostingAddresses.Kind.DIARY);
                    assertEquals(
                            250, smtp(channel.listener.port(), from, to, personalise("docomo-sjis-emoji.eml", from)));
                }
                counter.reset();
                assertEquals(n, channel.worker.runOnce(Clock.now()), "one claim, one batch");
                int statements = counter.count();
                for (int i = 0; i < n; i++) {
                    assertEquals(1, rig.diaryCount(members[i]));
                    assertEquals(1, rig.outboxTo("batch" + i + "@docomo.ne.jp").size());
                }
                System.out.println(n + " diary mails in one batch: " + statements + " statements");
                assertTrue(
                        statements <= 6 + 7 * n,
                        statements + " statements for " + n + " mails:\n" + String.join("\n", counter.statements()));
            }
        }
    }

    /**
     * Issue 9: the posting secrets' owners and their default levels are read once for the whole batch (two statements),
     * not once per mail.
     */
    @Test
    void aBatchReadsTheOwnersAndTheirLevelsOnce() {
        StatementCounter counter = new StatementCounter();
        try (TestDb db = TestDb.h2(counter.wrap())) {
            DiaryRig rig = new DiaryRig(db.database());
            try (Channel channel = new Channel(rig, Map.of())) {
                int n = 10;
                for (int i = 0; i < n; i++) {
                    String from = "once" + i + "@docomo.ne.jp";
                    long member = rig.member("o" + i, from);
                    String to = rig.addresses.addressOf(member, PostingAddresses.Kind.DIARY);
                    assertEquals(
                            250, smtp(channel.listener.port(), from, to, personalise("docomo-sjis-emoji.eml", from)));
                }
                counter.reset();
                assertEquals(n, channel.worker.runOnce(Clock.now()));
                List<String> all = counter.statements();
                long secrets = all.stream()
                        .filter(q -> q.toLowerCase(java.util.Locale.ROOT).contains("posting_secret"))
                        .count();
                long levels = all.stream()
                        .filter(q -> q.toLowerCase(java.util.Locale.ROOT).contains("diary_setting"))
                        .count();
                assertEquals(1, secrets, String.join("\n", all));
                assertEquals(1, levels, String.join("\n", all));
                assertEquals((long) n, (long) rig.database.read(
                        em -> ((Number) em.createNativeQuery("select count(*) from mail_spool where state = 'done'")
                                        .getSingleResult())
                                .longValue()));
            }
        }
    }

    /**
     * Issue 9: on PostgreSQL a batch's diaries take ids reserved up front and are written together at the commit. Each
     * confirmation names the diary really written; and a diary the database refuses at that commit rolls the batch back,
     * after which the others are posted one by one, each once, and the refused one is posted by nobody.
     */
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aBatchsDiariesWrittenAtItsCommitAreEachPostedOnceUnderTheIdTheirConfirmationNames(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        try (Channel channel = new Channel(rig, Map.of())) {
            int n = 6;
            long[] members = new long[n];
            String[] from = new String[n];
            for (int i = 0; i < n; i++) {
                from[i] = "deferred" + i + "@docomo.ne.jp";
                members[i] = rig.member("d" + i, from[i]);
            }
            // the database refuses the diary of the fourth member, only when it is written
            long poisoned = members[3];
            rig.database.jdbc(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("alter table diary add constraint test_poison check (author_id <> " + poisoned + ")");
                }
                return null;
            });
            for (int i = 0; i < n; i++) {
                String to = rig.addresses.addressOf(members[i], PostingAddresses.Kind.DIARY);
                assertEquals(
                        250, smtp(channel.listener.port(), from[i], to, personalise("docomo-sjis-emoji.eml", from[i])));
            }
            assertEquals(n, channel.worker.runOnce(Clock.now()), "one batch, then one by one");
            for (int i = 0; i < n; i++) {
                long member = members[i];
                if (member == poisoned) {
                    assertEquals(0, rig.diaryCount(member));
                    assertEquals(0, rig.outboxTo(from[i]).size(), "no confirmation for a diary not written");
                    continue;
                }
                assertEquals(1, rig.diaryCount(member), from[i]);
                long id = ((Number)
                                rig.database.read(em -> em.createNativeQuery("select id from diary where author_id = ?")
                                        .setParameter(1, member)
                                        .getSingleResult()))
                        .longValue();
                List<OutboxMail> sent = rig.outboxTo(from[i]);
                assertEquals(1, sent.size(), from[i]);
                String text = new String(sent.get(0).getRaw(), java.nio.charset.Charset.forName("Windows-31J"));
                assertTrue(text.contains("/diary/" + id + "\r") || text.contains("/diary/" + id + "\n"), text);
            }
            List<String> states = rig.database.read(
                    em -> em.createNativeQuery("select state from mail_spool order by id").getResultList().stream()
                            .map(String::valueOf)
                            .toList());
            assertEquals(List.of("done", "done", "done", "new", "done", "done"), states);
        }
    }

    /**
     * One batch holding every kind of sender gives each the outcome it gets alone: what the batch reads up front
     * (owners, levels) is per address.
     */
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aMixedBatchGivesEachMailItsOwnOutcome(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        try (Channel channel = new Channel(rig, Map.of())) {
            String alice = "alice-m@docomo.ne.jp";
            String bob = "bob-m@docomo.ne.jp";
            String carol = "carol-m@docomo.ne.jp";
            long a = rig.member("アリス", alice);
            long b = rig.member("ボブ", bob);
            long c = rig.member("キャロル", carol);
            rig.diaries.saveSettings(b, "private", false);
            rig.suspend(c);
            String toA = rig.addresses.addressOf(a, PostingAddresses.Kind.DIARY);
            String toB = rig.addresses.addressOf(b, PostingAddresses.Kind.DIARY);
            String toC = rig.addresses.addressOf(c, PostingAddresses.Kind.DIARY);
            int port = channel.listener.port();
            assertEquals(250, smtp(port, alice, toA, personalise("docomo-sjis-emoji.eml", alice)));
            assertEquals(250, smtp(port, bob, toB, personalise("softbank-sjis-emoji.eml", bob)));
            assertEquals(
                    250, smtp(port, "evil@docomo.ne.jp", toA, personalise("willcom-sjis.eml", "evil@docomo.ne.jp")));
            assertEquals(
                    250,
                    smtp(port, alice, "d.zzzzzzzzzzzzzzzz@" + DiaryRig.DOMAIN, personalise("au-photo.eml", alice)));
            assertEquals(250, smtp(port, carol, toC, personalise("docomo-sjis-emoji.eml", carol)));
            assertEquals(5, channel.worker.runOnce(Clock.now()), "one batch");

            assertEquals(1, rig.diaryCount(a), "alice's own mail only");
            assertEquals(1, rig.diaryCount(b));
            assertEquals(0, rig.diaryCount(c), "suspended");
            String levelB = rig.database.read(
                    em -> (String) em.createNativeQuery("select visibility from diary where author_id = ?")
                            .setParameter(1, b)
                            .getSingleResult());
            assertEquals("private", levelB, "bob's own default level");
            String levelA = rig.database.read(
                    em -> (String) em.createNativeQuery("select visibility from diary where author_id = ?")
                            .setParameter(1, a)
                            .getSingleResult());
            assertEquals(rig.diaries.settings(a).getDefaultVisibility(), levelA);
            // alice: her confirmation and the warning about the forged mail; nothing to the forger or for the wrong
            // secret
            assertEquals(
                    List.of("diary/posted", "diary/refused"),
                    rig.outboxTo(alice).stream()
                            .map(OutboxMail::getTemplate)
                            .sorted()
                            .toList());
            assertEquals(0, rig.outboxTo("evil@docomo.ne.jp").size());
            assertEquals(
                    List.of("diary/refused"),
                    rig.outboxTo(carol).stream().map(OutboxMail::getTemplate).toList());
            List<String> states = rig.database.read(
                    em -> em.createNativeQuery("select state from mail_spool order by id").getResultList().stream()
                            .map(String::valueOf)
                            .toList());
            assertEquals(List.of("done", "done", "refused", "refused", "refused"), states);
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void forgedSendersAndWrongSecretsPostNothing(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        try (Channel channel = new Channel(rig, Map.of())) {
            String owner = "hanako-7@docomo.ne.jp";
            long member = rig.member("はなこ", owner);
            String right = rig.addresses.addressOf(member, PostingAddresses.Kind.DIARY);

            // the right secret from someone else's address: refused, the member is told at the registered address
            channel.post("docomo-sjis-emoji.eml", "evil@docomo.ne.jp", right);
            assertEquals("refused", channel.lastState());
            assertEquals(0, rig.diaryCount(member));
            assertEquals(0, rig.outboxTo("evil@docomo.ne.jp").size());
            List<OutboxMail> told = rig.outboxTo(owner);
            assertEquals(1, told.size());
            assertEquals("diary/refused", told.get(0).getTemplate());

            // the member's own address with a wrong secret: refused, answered to nobody
            channel.post("docomo-sjis-emoji.eml", owner, "d.zzzzzzzzzzzzzzzz@" + DiaryRig.DOMAIN);
            assertEquals("refused", channel.lastState());
            assertEquals(0, rig.diaryCount(member));
            assertEquals(1, rig.outboxTo(owner).size());

            // after rotation the old secret stops working and the new one posts
            rig.addresses.rotate(member);
            channel.post("softbank-sjis-emoji.eml", owner, right);
            assertEquals("refused", channel.lastState());
            assertEquals(0, rig.diaryCount(member));
            String fresh = rig.addresses.addressOf(member, PostingAddresses.Kind.DIARY);
            channel.post("softbank-sjis-emoji.eml", owner, fresh);
            assertEquals("done", channel.lastState());
            assertEquals(1, rig.diaryCount(member));

            // the same mail delivered twice posts once
            channel.post("softbank-sjis-emoji.eml", owner, fresh);
            assertEquals("duplicate", channel.lastState());
            assertEquals(1, rig.diaryCount(member));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void refusalsSayWhyAndPostNothing(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        try (Channel channel = new Channel(rig, Map.of("sns.mail.max-photo-bytes", "1024"))) {
            String owner = "camera.girl@docomo.ne.jp";
            long member = rig.member("カメラ", owner);
            String to = rig.addresses.addressOf(member, PostingAddresses.Kind.DIARY);

            channel.post("too-many-photos.eml", owner, to);
            assertEquals("refused", channel.lastState());
            assertRefusal(rig, owner, 1, "写真は3枚まで");

            channel.post("au-photo.eml", owner, to);
            assertEquals("refused", channel.lastState());
            assertRefusal(rig, owner, 2, "写真1枚の大きさは1KBまで");

            channel.post("empty-body", owner, to);
            assertEquals("refused", channel.lastState());
            assertRefusal(rig, owner, 3, "本文がありません");

            channel.post("no-subject", owner, to);
            assertEquals("done", channel.lastState());
            assertEquals(1, rig.diaryCount(member));
            assertEquals(
                    DiaryService.UNTITLED,
                    rig.reader
                            .list(member, member, null, 1)
                            .orElseThrow()
                            .getEntries()
                            .get(0)
                            .getTitle());

            rig.suspend(member);
            channel.post("docomo-sjis-emoji.eml", owner, to);
            assertEquals("refused", channel.lastState());
            assertRefusal(rig, owner, 5, "停止");
            assertEquals(1, rig.diaryCount(member));

            // a decompression bomb is quarantined unread, and (issue 21) the member told why
            channel.post("decompression-bomb.eml", owner, to);
            assertEquals("quarantined", channel.lastState());
            assertRefusal(rig, owner, 6, "画素数が大きすぎます");
        }
    }

    /**
     * Issue 21: a mail the channel cannot read is quarantined (kept for an operator) and answered to the registered
     * address with the reason, as the contract promises; not dropped silently. A wrong secret is answered to nobody.
     */
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void quarantinedMailIsAnsweredToTheRegisteredAddressWithTheReason(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        try (Channel channel = new Channel(rig, Map.of())) {
            String owner = "charset.lie@docomo.ne.jp";
            long member = rig.member("もじこ", owner);
            String to = rig.addresses.addressOf(member, PostingAddresses.Kind.DIARY);

            channel.post("wrong-charset.eml", owner, to);
            assertEquals("quarantined", channel.lastState());
            assertEquals(0, rig.diaryCount(member));
            assertRefusal(rig, owner, 1, "読み取れなかった");
            assertRefusal(rig, owner, 1, "文字コードが宣言（ISO-2022-JP）と合いません");

            channel.post("decompression-bomb.eml", owner, to);
            assertEquals("quarantined", channel.lastState());
            assertRefusal(rig, owner, 2, "画素数が大きすぎます");

            // a wrong secret: quarantined, answered to nobody
            channel.post("wrong-charset.eml", owner, "d.zzzzzzzzzzzzzzzz@" + DiaryRig.DOMAIN);
            assertEquals(2, rig.outboxTo(owner).size());
            assertEquals(0, rig.diaryCount(member));
        }
    }

    /**
     * Issue 21: the SMTP envelope sender must agree with the From header. A From naming the member, sent by someone
     * else, posts nothing; the member is told at the registered address, the real sender nothing.
     */
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aFromHeaderTheEnvelopeSenderDisagreesWithIsRefusedAndTheMemberTold(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        try (Channel channel = new Channel(rig, Map.of())) {
            String owner = "hanako-7@docomo.ne.jp";
            long member = rig.member("はなこ", owner);
            String to = rig.addresses.addressOf(member, PostingAddresses.Kind.DIARY);
            int port = channel.listener.port();

            assertEquals(250, smtp(port, "forger@example.com", to, personalise("docomo-sjis-emoji.eml", owner)));
            assertEquals(250, smtp(port, "", to, personalise("softbank-sjis-emoji.eml", owner)));
            while (channel.worker.runOnce(Clock.now()) > 0) {
                // until the spool is empty
            }
            assertEquals("refused", channel.lastState());
            assertEquals(0, rig.diaryCount(member));
            assertEquals(0, rig.outboxTo("forger@example.com").size());
            assertRefusal(rig, owner, 2, "実際の送信元が違いました");

            // the envelope written with quotes, the From without (or the other way round) is the same address
            String quoted = "a.b.@docomo.ne.jp";
            long q = rig.member("ドット", quoted);
            String toQ = rig.addresses.addressOf(q, PostingAddresses.Kind.DIARY);
            assertEquals(250, smtp(port, "\"a.b.\"@docomo.ne.jp", toQ, personalise("docomo-sjis-emoji.eml", quoted)));
            while (channel.worker.runOnce(Clock.now()) > 0) {
                // until the spool is empty
            }
            assertEquals("done", channel.lastState());
            assertEquals(1, rig.diaryCount(q));
        }
    }

    private static void assertRefusal(DiaryRig rig, String to, int count, String reason) {
        List<OutboxMail> mails = rig.outboxTo(to);
        assertEquals(count, mails.size());
        OutboxMail last = mails.get(mails.size() - 1);
        assertEquals("diary/refused", last.getTemplate());
        String text = decode(last.getRaw());
        assertTrue(text.contains(reason), text);
    }

    /** The text of a queued mail, decoded by its own headers (Shift_JIS, ISO-2022-JP or base64 UTF-8). */
    static String bodyOf(byte[] raw) {
        try {
            jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw));
            return m.getSubject() + "\n" + m.getContent();
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The body of a queued docomo mail (Shift_JIS, 8bit). */
    static String decode(byte[] raw) {
        return new String(raw, java.nio.charset.Charset.forName("Windows-31J"));
    }

    static byte[] personalise(String fixture, String from) {
        String raw;
        if (fixture.equals("empty-body")) {
            raw = "From: x\nSubject: =?UTF-8?B?" + b64("件名だけ") + "?=\nMessage-ID: <empty-" + System.nanoTime()
                    + "@docomo.ne.jp>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n\n";
        } else if (fixture.equals("no-subject")) {
            raw = "From: x\nSubject: \nMessage-ID: <nosub-" + System.nanoTime()
                    + "@docomo.ne.jp>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                    + "Content-Transfer-Encoding: base64\n\n" + b64("件名なしの日記") + "\n";
        } else {
            raw = new String(read("/mail/" + fixture), StandardCharsets.ISO_8859_1);
        }
        return raw.replaceFirst("(?m)^From: .*$", "From: " + from).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] read(String resource) {
        try (InputStream in = DiaryMailTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain SMTP exchange; returns the code of the answer to the message data. */
    static int smtp(int port, String from, String to, byte[] message) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            reply(in);
            for (String line : List.of("EHLO test", "MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">", "DATA")) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int code = reply(in);
                if (code >= 400) {
                    return code;
                }
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            for (String line : text.split("\n", -1)) {
                data.writeBytes(
                        ((line.startsWith(".") ? "." : "") + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            data.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(data.toByteArray());
            out.flush();
            int code = reply(in);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line == null ? 0 : Integer.parseInt(line.substring(0, 3));
    }
}

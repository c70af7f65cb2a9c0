package jp.keitai.sns.inactivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.keitai.sns.admin.AuditLog;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.mail.outbound.OutboxMail;
import jp.keitai.sns.member.AccountService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ScheduledTasks;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import jp.keitai.sns.web.SessionStore;
import jp.keitai.sns.web.SignIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 退会のお知らせ on H2 and PostgreSQL: two nodes (two services with node names of their own over the same database)
 * running the same round at once act once — one notice per member, one audit row; the notice has the date; a member
 * who signs in after it is cleared; the others are suspended at the date and withdrawn later with a second notice.
 */
class InactivityServiceTest {

    static final Charset JIS = Charset.forName("x-windows-iso2022jp");

    InactivityService node(Database d, Settings s) {
        MemberService members = new MemberService(d);
        return new InactivityService(
                d,
                s,
                members,
                new AccountService(d, new SignIn(new SessionStore(d))),
                new AuditLog(d),
                new Mailer(d, OutboundSettings.from(s), new MailTemplates()),
                new ScheduledTasks(d));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void twoNodesActOnceNoticeSuspendWithdraw(TestDb db) throws Exception {
        try (db) {
            Database d = db.database();
            Settings s = TestDb.settings(Map.of(
                    "sns.data.dir", Files.createTempDirectory("sns-inact-").toString(),
                    "sns.mail.domain", "sns.example.jp",
                    "sns.inactivity.enabled", "true",
                    "sns.inactivity.after-days", "730",
                    "sns.inactivity.notice-days", "30",
                    "sns.inactivity.withdraw-after-days", "90"));
            Instant now = Clock.now();
            long old = TestMembers.create(d, "ずっと来ない人");
            long returning = TestMembers.create(d, "戻ってくる人");
            long recent = TestMembers.create(d, "毎日来る人");
            signedIn(d, old, now.minus(Duration.ofDays(800)));
            signedIn(d, returning, now.minus(Duration.ofDays(900)));
            signedIn(d, recent, now.minus(Duration.ofDays(3)));
            MemberService members = new MemberService(d);
            String oldAddress = members.find(old).orElseThrow().mobileEmail();

            // two nodes, the same round, at once: one acts
            InactivityService a = node(d, s);
            InactivityService b = node(d, s);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            Future<InactivityService.Round> ra = pool.submit(() -> {
                start.await();
                return a.run(now);
            });
            Future<InactivityService.Round> rb = pool.submit(() -> {
                start.await();
                return b.run(now);
            });
            start.countDown();
            InactivityService.Round x = ra.get();
            InactivityService.Round y = rb.get();
            pool.shutdown();
            assertEquals(1, (x.acted() ? 1 : 0) + (y.acted() ? 1 : 0), x + " " + y);
            assertEquals(2, x.noticed() + y.noticed());
            assertEquals(2, count(d, "select count(*) from inactivity_notice where stage = 'noticed'"));
            assertEquals(2, count(d, "select count(*) from audit_log where action = 'inactivity.notice'"));
            List<OutboxMail> notices = outbox(d, oldAddress);
            assertEquals(1, notices.size(), "one notice, not one per node");
            String text = new String(notices.get(0).getRaw(), Charset.forName("Shift_JIS"));
            String deadline = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日")
                    .withZone(Clock.JAPAN)
                    .format(now.plus(Duration.ofDays(30)));
            assertTrue(text.contains(deadline), "the date is in the notice: " + text);
            // a second round in the same hour: the claim holds, nothing happens
            assertTrue(!a.run(now.plusSeconds(60)).acted()
                    && !b.run(now.plusSeconds(60)).acted());

            // one signs in after the notice; at the date the other is suspended
            signedIn(d, returning, now.plus(Duration.ofDays(2)));
            InactivityService.Round due = a.run(now.plus(Duration.ofDays(31)));
            assertEquals(1, due.suspended(), due.toString());
            assertEquals(1, due.cleared(), due.toString());
            assertEquals(MemberStatus.SUSPENDED, members.find(old).orElseThrow().status());
            assertEquals(
                    MemberStatus.ACTIVE, members.find(returning).orElseThrow().status());
            assertEquals(MemberStatus.ACTIVE, members.find(recent).orElseThrow().status());

            // 90 days later: withdrawn, with a second notice sent before the address went
            InactivityService.Round end = b.run(now.plus(Duration.ofDays(31 + 91)));
            assertEquals(1, end.withdrawn(), end.toString());
            assertEquals(
                    MemberStatus.WITHDRAWN,
                    new MemberService(d).find(old).orElseThrow().status());
            List<OutboxMail> after = outbox(d, oldAddress);
            assertEquals(2, after.size());
            assertEquals("inactivity/withdrawn", after.get(1).getTemplate());
            assertEquals(1, count(d, "select count(*) from audit_log where action = 'inactivity.withdraw'"));
            assertEquals(1, count(d, "select count(*) from audit_log where action = 'inactivity.suspend'"));
            assertEquals(0, count(d, "select count(*) from audit_log where operator_id is not null"));
        }
    }

    static void signedIn(Database d, long member, Instant at) {
        d.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member set last_signed_in_at = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, member);
                return ps.executeUpdate();
            }
        });
    }

    static int count(Database d, String sql) {
        return d.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    static List<OutboxMail> outbox(Database d, String address) {
        return d.read(em -> em.createQuery(
                        "select o from OutboxMail o where o.recipient = :r order by o.id", OutboxMail.class)
                .setParameter("r", address)
                .getResultList());
    }
}

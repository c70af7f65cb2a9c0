package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.keitai.sns.mail.inbound.SpoolPurge;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.MemberPurge;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.SessionStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HousekeepingTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void onlyOneNodeActsPerPeriod(TestDb db) {
        AtomicInteger rounds = new AtomicInteger();
        Purge counting = new Purge() {
            @Override
            public String name() {
                return "count";
            }

            @Override
            public int purge(Instant now) {
                rounds.incrementAndGet();
                return 0;
            }
        };
        Housekeeping a = new Housekeeping(new ScheduledTaskStore(db.database()), List.of(counting));
        Housekeeping b = new Housekeeping(new ScheduledTaskStore(db.database()), List.of(counting));
        Instant now = Instant.now();
        assertTrue(a.run(now));
        assertFalse(b.run(now.plusSeconds(1)), "the other node skips the period");
        assertFalse(a.run(now.plusSeconds(60)), "and so does the same node");
        assertEquals(1, rounds.get());
        assertTrue(b.run(now.plus(Housekeeping.PERIOD)), "the next period is anyone's");
        assertEquals(2, rounds.get());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void purgesWhatEachFeatureNoLongerNeeds(TestDb db) {
        Instant now = Instant.now();
        long member = db.database().tx(em -> {
            Member m = new Member("たろう", "x", Role.MEMBER, now);
            em.persist(m);
            em.flush();
            return m.getId();
        });
        SessionStore sessions = new SessionStore(db.database(), Duration.ofDays(30));
        String fresh = sessions.start(member, false);
        String oldCookie = sessions.start(member, false);
        String idleUrl = sessions.start(member, true);
        String tooOld = sessions.start(member, false);
        sql(
                db,
                "update member_session set last_seen_at = ? where token_hash = ?",
                now.minus(Duration.ofDays(15)),
                jp.keitai.sns.web.Tokens.sha256(oldCookie));
        sql(
                db,
                "update member_session set last_seen_at = ? where token_hash = ?",
                now.minus(Duration.ofHours(4)),
                jp.keitai.sns.web.Tokens.sha256(idleUrl));
        sql(
                db,
                "update member_session set created_at = ? where token_hash = ?",
                now.minus(Duration.ofDays(31)),
                jp.keitai.sns.web.Tokens.sha256(tooOld));
        for (Instant at : List.of(now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(5)))) {
            Instant handled = at.isBefore(now.minus(Duration.ofDays(1))) ? at.minus(Duration.ofDays(40)) : at;
            sql(db, "insert into login_failure (account, client_ip, failed_at) values ('a@au.com', '10.0.0.1', ?)", at);
            sql(
                    db,
                    "insert into registration (token_hash, step, created_at, expires_at) values (" + "'"
                            + at.toEpochMilli() + "', 'FORM', ?, ?)",
                    at,
                    at.plus(Duration.ofHours(1)));
            sql(
                    db,
                    "insert into mail_spool (received_at, envelope_from, recipient, local_part, dedup_key, size_bytes,"
                            + " raw, state, attempts, handled_at) values (?, 'a@au.com', 'v@x', 'v', 'k', 1, ?, 'done', 1,"
                            + " ?)",
                    handled,
                    new byte[] {'A'},
                    handled);
        }
        sql(
                db,
                "insert into mail_spool (received_at, envelope_from, recipient, local_part, dedup_key, size_bytes,"
                        + " raw, state, attempts) values (?, 'a@au.com', 'v@x', 'v', 'q', 1, ?, 'quarantined', 5)",
                now.minus(Duration.ofDays(90)),
                new byte[] {'A'});
        Housekeeping housekeeping = new Housekeeping(
                new ScheduledTaskStore(db.database()),
                List.of(sessions, new MemberPurge(db.database()), new SpoolPurge(db.database(), Duration.ofDays(30))));
        assertTrue(housekeeping.run(now));
        assertEquals(1, count(db, "member_session"), "only the fresh session stays");
        assertTrue(sessions.find(fresh).isPresent());
        assertEquals(1, count(db, "login_failure"));
        assertEquals(1, count(db, "registration"), "the registration that expired over a day ago goes");
        assertEquals(2, count(db, "mail_spool"), "handled mail past retention goes; quarantined mail stays");
    }

    private static void sql(TestDb db, String sql, Object... params) {
        db.database().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof Instant t) {
                        ps.setTimestamp(i + 1, Timestamp.from(t));
                    } else {
                        ps.setObject(i + 1, params[i]);
                    }
                }
                return ps.executeUpdate();
            }
        });
    }

    private static long count(TestDb db, String table) {
        return db.database().jdbc(c -> {
            try (var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

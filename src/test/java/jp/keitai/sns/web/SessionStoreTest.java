package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionStoreTest {

    static long member(TestDb db) {
        return db.database().tx(em -> {
            Member m = new Member("たろう", "x", Role.MEMBER, Clock.now());
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aSessionIsFoundByItsTokenOnlyAndEnds(TestDb db) {
        SessionStore store = new SessionStore(db.database());
        long id = member(db);
        String token = store.start(id, false);
        assertEquals(43, token.length());
        SessionStore.Session s = store.find(token).orElseThrow();
        assertEquals(id, s.memberId());
        assertFalse(s.viaUrl());
        assertEquals(43, s.csrfToken().length());
        assertTrue(store.find(token.substring(1) + "x").isEmpty());
        store.end(token);
        assertTrue(store.find(token).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void onlyTheHashIsStoredAndIdleUrlSessionsExpire(TestDb db) {
        SessionStore store = new SessionStore(db.database());
        long id = member(db);
        String token = store.start(id, true);
        long plain = db.database().jdbc(c -> {
            try (var rs = c.createStatement()
                    .executeQuery("select count(*) from member_session where token_hash = '" + token + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(0, plain, "the raw token is never stored");
        age(db, SessionStore.URL_IDLE.plusMinutes(1));
        assertTrue(store.find(token).isEmpty(), "an idle URL session expires");

        String cookie = store.start(id, false);
        age(db, SessionStore.URL_IDLE.plusMinutes(1));
        assertTrue(store.find(cookie).isPresent(), "cookie sessions last longer");
        store.endAll(id);
        assertTrue(store.find(cookie).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenUsed(TestDb db) {
        SessionStore store = new SessionStore(db.database(), Duration.ofDays(30));
        long id = member(db);
        String token = store.start(id, false);
        assertTrue(store.find(token).isPresent());
        db.database().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member_session set created_at = ?")) {
                ps.setTimestamp(
                        1,
                        Timestamp.from(Instant.now().minus(Duration.ofDays(30).plusMinutes(1))));
                return ps.executeUpdate();
            }
        });
        SessionStore otherNode = new SessionStore(db.database(), Duration.ofDays(30));
        assertTrue(otherNode.find(token).isEmpty(), "seen a moment ago, but started over 30 days ago");
    }

    private static void age(TestDb db, Duration by) {
        db.database().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member_session set last_seen_at = ?")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().minus(by)));
                return ps.executeUpdate();
            }
        });
    }
}

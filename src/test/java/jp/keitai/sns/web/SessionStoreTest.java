package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
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

    @Test
    void twoTokenHashesWithOneCacheKeyEachFindOnlyTheirOwnSession() {
        try (TestDb db = TestDb.h2()) {
            SessionStore store = new SessionStore(db.database());
            long a = member(db);
            long b = member(db);
            byte[] ha = Tokens.sha256Bytes("a token");
            byte[] hb = ha.clone();
            hb[31] ^= 1; // the same first 8 bytes (the cache key), another hash
            byte[] hc = ha.clone();
            hc[8] ^= 1; // the same key again, and no session at all
            assertEquals(SessionStore.key(ha), SessionStore.key(hb));
            assertEquals(SessionStore.key(ha), SessionStore.key(hc));
            String csrfA = Tokens.random();
            insert(db, ha, a, csrfA, true, "docomo:gw");
            insert(db, hb, b, "not-base64!", false, null);

            SessionStore.Session sa = store.find(ha).orElseThrow();
            assertEquals(a, sa.memberId());
            assertEquals(csrfA, sa.csrfToken(), "the CSRF token kept as bytes reads back as stored");
            assertTrue(sa.viaUrl());
            assertEquals("docomo:gw", sa.boundTo());
            SessionStore.Session sb = store.find(hb).orElseThrow(); // replaces a's entry in the cache
            assertEquals(b, sb.memberId(), "not the session cached under the same key");
            assertEquals("not-base64!", sb.csrfToken());
            assertFalse(sb.viaUrl());
            assertNull(sb.boundTo());
            assertEquals(a, store.find(ha).orElseThrow().memberId());
            assertTrue(store.find(hc).isEmpty(), "a hash with a cached key but no session finds nothing");
            assertEquals(a, store.find(ha).orElseThrow().memberId());

            // priming sees both rows under one key: it keeps one and reports both members
            SessionStore primed = new SessionStore(db.database());
            List<Long> members = primed.prime(Duration.ofDays(1), 10_000);
            assertEquals(2, members.size());
            assertTrue(members.containsAll(List.of(a, b)));
            assertEquals(b, primed.find(hb).orElseThrow().memberId());
            assertEquals(a, primed.find(ha).orElseThrow().memberId());
            assertTrue(primed.find(hc).isEmpty());
            // a limit below the fetch size (H2 refused one before)
            assertEquals(
                    1,
                    new SessionStore(db.database()).prime(Duration.ofDays(1), 1).size());

            // ending a's sessions drops a's entry only; b's is read again and still there
            primed.endAll(a);
            assertTrue(primed.find(ha).isEmpty());
            assertEquals(b, primed.find(hb).orElseThrow().memberId());
        }
    }

    @Test
    void sessionsBoundToOneGatewayShareTheBindingText() {
        try (TestDb db = TestDb.h2()) {
            SessionStore store = new SessionStore(db.database());
            long a = member(db);
            String one = store.start(a, true, new String("au:gw"));
            String two = store.start(a, true, new String("au:gw"));
            String sub = store.start(a, true, "au:sub:" + Tokens.sha256("x"));
            SessionStore.Session s1 = store.find(one).orElseThrow();
            SessionStore.Session s2 = store.find(two).orElseThrow();
            assertEquals("au:gw", s1.boundTo());
            assertSame(s1.boundTo(), s2.boundTo());
            assertEquals(
                    "au:sub:" + Tokens.sha256("x"),
                    store.find(sub).orElseThrow().boundTo());
            assertNotEquals(s1.csrfToken(), s2.csrfToken());
        }
    }

    private static void insert(TestDb db, byte[] hash, long member, String csrf, boolean viaUrl, String boundTo) {
        db.database().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into member_session"
                    + " (token_hash, member_id, csrf_token, via_url, created_at, last_seen_at, bound_to)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Tokens.hex(hash));
                ps.setLong(2, member);
                ps.setString(3, csrf);
                ps.setBoolean(4, viaUrl);
                ps.setTimestamp(5, Timestamp.from(Clock.now()));
                ps.setTimestamp(6, Timestamp.from(Clock.now()));
                ps.setString(7, boundTo);
                return ps.executeUpdate();
            }
        });
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

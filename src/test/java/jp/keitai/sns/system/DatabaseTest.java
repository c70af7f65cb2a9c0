package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void migratesAndStoresAnyUnicode(TestDb db) {
        Database d = db.database();
        assertTrue(d.isUp());
        String nickname = "𠮷野家の～たろう😀";
        Long id = d.tx(em -> {
            Member m = new Member(nickname, "x", Role.MEMBER, Clock.now());
            em.persist(m);
            em.flush();
            return m.getId();
        });
        assertEquals(nickname, d.read(em -> em.find(Member.class, id).getNickname()));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aFailedTransactionLeavesNothing(TestDb db) {
        Database d = db.database();
        assertThrows(
                IllegalStateException.class,
                () -> d.run(em -> {
                    em.persist(new Member("half", "x", Role.MEMBER, Clock.now()));
                    em.flush();
                    throw new IllegalStateException("boom");
                }));
        long n = d.read(em -> em.createQuery("select count(m) from Member m where m.nickname = 'half'", Long.class)
                .getSingleResult());
        assertEquals(0, n);
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void nestedWorkJoinsTheOuterTransactionJdbcIncluded(TestDb db) {
        Database d = db.database();
        assertThrows(
                IllegalStateException.class,
                () -> d.run(em -> {
                    d.run(inner -> inner.persist(new Member("inner", "x", Role.MEMBER, Clock.now())));
                    d.jdbc(c -> c.createStatement()
                            .executeUpdate("insert into member (nickname, password_hash, role, status, created_at)"
                                    + " values ('jdbc', 'x', 'MEMBER', 'ACTIVE', current_timestamp)"));
                    long seen = d.jdbc(c -> {
                        try (var rs = c.createStatement().executeQuery("select count(*) from member")) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    });
                    assertEquals(2, seen, "JDBC sees the JPA insert of the same transaction");
                    throw new IllegalStateException("roll everything back");
                }));
        assertEquals(0L, (long) d.read(em ->
                em.createQuery("select count(m) from Member m", Long.class).getSingleResult()));
    }

    @Test
    void embeddedDataSurvivesARestart() {
        try (TestDb db = TestDb.h2()) {
            db.database().run(em -> em.persist(new Member("残る", "x", Role.MEMBER, Clock.now())));
            db.database().close();
            try (Database again = db.reopen()) {
                long n = again.read(
                        em -> em.createQuery("select count(m) from Member m where m.nickname = '残る'", Long.class)
                                .getSingleResult());
                assertEquals(1, n);
            }
        }
    }
}

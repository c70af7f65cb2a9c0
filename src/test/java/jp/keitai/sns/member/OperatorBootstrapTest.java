package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OperatorBootstrapTest {
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void createsTheFirstOperatorOnce(TestDb db) {
        assertTrue(OperatorBootstrap.createIfNone(db.database(), "Op@Example.JP", "operator-pass"));
        assertFalse(OperatorBootstrap.createIfNone(db.database(), "other@example.jp", "operator-pass"));
        Member op = db.database().read(em -> em.createQuery("select m from Member m", Member.class)
                .getSingleResult());
        assertEquals(Role.OPERATOR, op.getRole());
        assertEquals("Op@example.jp", op.getPcEmail());
        assertTrue(Passwords.matches("operator-pass", op.getPasswordHash()));
    }
}

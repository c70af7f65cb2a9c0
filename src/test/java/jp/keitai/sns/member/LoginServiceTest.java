package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoginServiceTest {

    static long member(TestDb db, String mobile, String password) {
        return db.database().tx(em -> {
            Member m = new Member("はなこ", Passwords.hash(password), Role.MEMBER, Clock.now());
            m.setMobileEmail(mobile);
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    static LoginService service(TestDb db) {
        return new LoginService(new MemberService(db.database()), new LoginThrottle(db.database()));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void signsInWithTheCarrierAddressWhateverTheDomainCase(TestDb db) {
        long id = member(db, "hanako..@docomo.ne.jp", "correct-horse");
        LoginService logins = service(db);
        assertEquals(id, logins.check("hanako..@DoCoMo.ne.jp", "correct-horse", "10.0.0.1"));
        assertThrows(
                Refused.class,
                () -> logins.check("HANAKO..@docomo.ne.jp", "correct-horse", "10.0.0.1"),
                "the local part is compared as issued");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void wrongPasswordAndUnknownAddressLookTheSame(TestDb db) {
        member(db, "a@ezweb.ne.jp", "correct-horse");
        LoginService logins = service(db);
        assertEquals(
                LoginService.WRONG,
                assertThrows(Refused.class, () -> logins.check("a@ezweb.ne.jp", "wrong", "10.0.0.1"))
                        .getMessage());
        assertEquals(
                LoginService.WRONG,
                assertThrows(Refused.class, () -> logins.check("nobody@ezweb.ne.jp", "wrong", "10.0.0.1"))
                        .getMessage());
    }

    static String refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(Refused.class, e).getMessage();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void failuresFromElsewhereNeverHoldBackTheRightPassword(TestDb db) {
        long id = member(db, "b@softbank.ne.jp", "correct-horse");
        LoginService logins = service(db);
        for (int i = 0; i < 12; i++) {
            int n = i;
            assertEquals(
                    LoginService.WRONG, refusal(() -> logins.check("b@softbank.ne.jp", "guess" + n, "10.0.0." + n)));
            assertThrows(Refused.class, () -> logins.check("b@softbank.ne.jp", "again" + n, "10.0.1.1"));
        }
        assertTrue(
                refusal(() -> logins.check("b@softbank.ne.jp", "correct-horse", "10.0.1.1"))
                        .startsWith(LoginService.THROTTLED),
                "the guessing address waits");
        assertEquals(id, logins.check("b@softbank.ne.jp", "correct-horse", "10.9.9.9"), "the member does not");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void backOffDoublesWithEachFailureAndEnds(TestDb db) {
        LoginFailureStore failures = new LoginFailureStore(db.database());
        LoginThrottle throttle = new LoginThrottle(db.database());
        Instant t = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < LoginThrottle.FREE_PER_PAIR - 1; i++) {
            failures.add("d@au.com", "10.0.0.9", t);
        }
        assertTrue(throttle.blockedUntil("d@au.com", "10.0.0.9", t).isEmpty(), "a few mistakes are free");
        failures.add("d@au.com", "10.0.0.9", t);
        assertEquals(Optional.of(t.plus(LoginThrottle.BASE_DELAY)), throttle.blockedUntil("d@au.com", "10.0.0.9", t));
        assertTrue(throttle.blockedUntil("d@au.com", "10.0.0.9", t.plus(LoginThrottle.BASE_DELAY))
                .isEmpty());
        failures.add("d@au.com", "10.0.0.9", t);
        assertEquals(
                Optional.of(t.plus(LoginThrottle.BASE_DELAY.multipliedBy(2))),
                throttle.blockedUntil("d@au.com", "10.0.0.9", t));
        for (int i = 0; i < 20; i++) {
            failures.add("d@au.com", "10.0.0.9", t);
        }
        assertEquals(Optional.of(t.plus(LoginThrottle.MAX_DELAY)), throttle.blockedUntil("d@au.com", "10.0.0.9", t));
        assertTrue(
                throttle.blockedUntil("d@au.com", "10.0.0.9", t.plus(LoginThrottle.MAX_DELAY))
                        .isEmpty(),
                "a delay, never a lock-out");
        assertTrue(throttle.blockedUntil("d@au.com", "10.0.0.10", t).isEmpty(), "another address is not held back");
    }

    @Test
    void theRefusalSaysWhenToTryAgain() {
        Instant now = Instant.parse("2026-12-06T03:00:00Z");
        assertEquals(
                LoginService.THROTTLED + "12時04分（約4分後）以降にもう一度お試しください。",
                LoginService.throttled(now.plusSeconds(230), now));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void oneAddressGuessingManyAccountsIsThrottled(TestDb db) {
        member(db, "c@au.com", "correct-horse");
        LoginService logins = service(db);
        for (int i = 0; i < LoginThrottle.FREE_PER_IP; i++) {
            String someone = "someone" + i + "@au.com";
            assertThrows(Refused.class, () -> logins.check(someone, "x", "192.0.2.7"));
        }
        assertTrue(refusal(() -> logins.check("c@au.com", "correct-horse", "192.0.2.7"))
                .startsWith(LoginService.THROTTLED));
        assertDoesNotThrow(() -> logins.check("c@au.com", "correct-horse", "192.0.2.8"));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aCarrierGatewayIsNeverThrottledForEveryone(TestDb db) {
        long id = member(db, "c@au.com", "correct-horse");
        LoginService logins = new LoginService(
                new MemberService(db.database()), new LoginThrottle(db.database(), ip -> ip.startsWith("210.230.")));
        for (int i = 0; i < LoginThrottle.FREE_PER_IP * 3; i++) {
            String someone = "someone" + i + "@au.com";
            assertEquals(LoginService.WRONG, refusal(() -> logins.check(someone, "x", "210.230.128.1")));
        }
        assertEquals(id, logins.check("c@au.com", "correct-horse", "210.230.128.1"), "thousands of handsets share it");
        for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
            assertThrows(Refused.class, () -> logins.check("c@au.com", "guess", "210.230.128.1"));
        }
        assertTrue(
                refusal(() -> logins.check("c@au.com", "correct-horse", "210.230.128.1"))
                        .startsWith(LoginService.THROTTLED),
                "but one account guessed on it is still slowed");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void bothFieldsAreAskedFor(TestDb db) {
        LoginService logins = service(db);
        assertEquals(
                "メールアドレスとパスワードを入力してください。",
                assertThrows(Refused.class, () -> logins.check(" ", "x", "10.0.0.1"))
                        .getMessage());
        assertEquals(
                "メールアドレスとパスワードを入力してください。",
                assertThrows(Refused.class, () -> logins.check("a@au.com", "", "10.0.0.1"))
                        .getMessage());
    }
}

package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
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

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void repeatedFailuresLockTheAccountEvenForTheRightPassword(TestDb db) {
        member(db, "b@softbank.ne.jp", "correct-horse");
        LoginService logins = service(db);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            int n = i;
            assertEquals(
                    LoginService.WRONG,
                    assertThrows(Refused.class, () -> logins.check("b@softbank.ne.jp", "guess" + n, "10.0.0." + n))
                            .getMessage());
        }
        assertEquals(
                LoginService.THROTTLED,
                assertThrows(Refused.class, () -> logins.check("b@softbank.ne.jp", "correct-horse", "10.9.9.9"))
                        .getMessage());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void oneAddressGuessingManyAccountsIsThrottled(TestDb db) {
        member(db, "c@au.com", "correct-horse");
        LoginService logins = service(db);
        for (int i = 0; i < LoginThrottle.PER_IP; i++) {
            String someone = "someone" + i + "@au.com";
            assertThrows(Refused.class, () -> logins.check(someone, "x", "192.0.2.7"));
        }
        assertEquals(
                LoginService.THROTTLED,
                assertThrows(Refused.class, () -> logins.check("c@au.com", "correct-horse", "192.0.2.7"))
                        .getMessage());
        assertDoesNotThrow(() -> logins.check("c@au.com", "correct-horse", "192.0.2.8"));
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

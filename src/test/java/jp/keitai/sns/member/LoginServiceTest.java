package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
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
        assertEquals(
                id,
                logins.check("hanako..@DoCoMo.ne.jp", "correct-horse", "10.0.0.1")
                        .memberId());
        assertNull(
                logins.check("HANAKO..@docomo.ne.jp", "correct-horse", "10.0.0.1")
                        .memberId(),
                "the local part is compared as issued");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void wrongPasswordAndUnknownAddressLookTheSame(TestDb db) {
        member(db, "a@ezweb.ne.jp", "correct-horse");
        LoginService logins = service(db);
        assertEquals(
                LoginService.WRONG,
                logins.check("a@ezweb.ne.jp", "wrong", "10.0.0.1").message());
        assertEquals(
                LoginService.WRONG,
                logins.check("nobody@ezweb.ne.jp", "wrong", "10.0.0.1").message());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void repeatedFailuresLockTheAccountEvenForTheRightPassword(TestDb db) {
        member(db, "b@softbank.ne.jp", "correct-horse");
        LoginService logins = service(db);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            assertEquals(
                    LoginService.WRONG,
                    logins.check("b@softbank.ne.jp", "guess" + i, "10.0.0." + i).message());
        }
        assertEquals(
                LoginService.THROTTLED,
                logins.check("b@softbank.ne.jp", "correct-horse", "10.9.9.9").message());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void oneAddressGuessingManyAccountsIsThrottled(TestDb db) {
        member(db, "c@au.com", "correct-horse");
        LoginService logins = service(db);
        for (int i = 0; i < LoginThrottle.PER_IP; i++) {
            logins.check("someone" + i + "@au.com", "x", "192.0.2.7");
        }
        assertEquals(
                LoginService.THROTTLED,
                logins.check("c@au.com", "correct-horse", "192.0.2.7").message());
        assertEquals(
                null, logins.check("c@au.com", "correct-horse", "192.0.2.8").message());
    }
}

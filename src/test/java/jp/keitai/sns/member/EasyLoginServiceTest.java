package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EasyLoginServiceTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aVerifiedSubscriberIdSignsInItsMemberOnly(TestDb db) {
        long a = LoginServiceTest.member(db, "a@docomo.ne.jp", "password1");
        long b = LoginServiceTest.member(db, "b@docomo.ne.jp", "password1");
        EasyLoginService easy = new EasyLoginService(db.database());
        easy.bindSubscriber(a, "docomo", "GUID0001");
        easy.bindSubscriber(a, "docomo", "GUID0001");
        assertEquals(1, easy.bindings(a).size(), "binding again changes nothing");
        assertEquals(
                "この端末はほかのアカウントのかんたんログインに登録されています。",
                assertThrows(Refused.class, () -> easy.bindSubscriber(b, "docomo", "GUID0001"))
                        .getMessage());
        assertEquals(a, easy.login(null, "docomo", Optional.of("GUID0001")));
        assertEquals(
                EasyLoginService.NOT_BOUND,
                assertThrows(Refused.class, () -> easy.login(null, "docomo", Optional.of("GUID0002")))
                        .getMessage());
        assertEquals(
                EasyLoginService.NO_ID,
                assertThrows(Refused.class, () -> easy.login(null, "docomo", Optional.empty()))
                        .getMessage());
        // the same ID string from another carrier is another handset
        assertEquals(
                EasyLoginService.NOT_BOUND,
                assertThrows(Refused.class, () -> easy.login(null, "au", Optional.of("GUID0001")))
                        .getMessage());
        long stored = db.database().jdbc(c -> {
            try (var rs =
                    c.createStatement().executeQuery("select count(*) from easy_login where id_hash like '%GUID%'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(0, stored, "IDs are stored only hashed");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aMemberWithACookieTokenCannotBeSignedInByIdAlone(TestDb db) {
        long a = LoginServiceTest.member(db, "c@softbank.ne.jp", "password1");
        EasyLoginService easy = new EasyLoginService(db.database());
        easy.bindSubscriber(a, "softbank", "SN0001");
        String cookie = easy.bindCookie(a, "softbank");
        assertEquals(a, easy.login(cookie, "softbank", Optional.empty()));
        assertEquals(
                EasyLoginService.NEEDS_COOKIE,
                assertThrows(Refused.class, () -> easy.login(null, "softbank", Optional.of("SN0001")))
                        .getMessage());
        assertEquals(a, easy.login(cookie, "softbank", Optional.of("SN0001")));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void blacklistedHandsetsNeverSignInOrBindAgain(TestDb db) {
        long a = LoginServiceTest.member(db, "d@ezweb.ne.jp", "password1");
        long op = RegistrationServiceTest.operator(db);
        EasyLoginService easy = new EasyLoginService(db.database());
        easy.bindSubscriber(a, "au", "05001234567_ab.ezweb.ne.jp");
        long binding = easy.bindings(a).get(0).getId();
        assertTrue(easy.blacklist(binding, op, "なりすまし報告"));
        assertTrue(easy.bindings(a).isEmpty());
        assertEquals(
                EasyLoginService.REFUSED,
                assertThrows(Refused.class, () -> easy.login(null, "au", Optional.of("05001234567_ab.ezweb.ne.jp")))
                        .getMessage());
        assertEquals(
                EasyLoginService.REFUSED,
                assertThrows(Refused.class, () -> easy.bindSubscriber(a, "au", "05001234567_ab.ezweb.ne.jp"))
                        .getMessage());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void membersRemoveTheirOwnBindingsOnly(TestDb db) {
        long a = LoginServiceTest.member(db, "e@docomo.ne.jp", "password1");
        long b = LoginServiceTest.member(db, "f@docomo.ne.jp", "password1");
        EasyLoginService easy = new EasyLoginService(db.database());
        easy.bindSubscriber(a, "docomo", "X1");
        long binding = easy.bindings(a).get(0).getId();
        assertEquals(false, easy.unbind(b, binding));
        assertEquals(true, easy.unbind(a, binding));
        assertEquals(
                EasyLoginService.NOT_BOUND,
                assertThrows(Refused.class, () -> easy.login(null, "docomo", Optional.of("X1")))
                        .getMessage());
    }
}

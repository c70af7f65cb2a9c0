package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SessionStore;
import jp.keitai.sns.web.SignIn;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccountServiceTest {

    static String refusal(Executable change) {
        return assertThrows(Refused.class, change).getMessage();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void profileTextIsValidatedAndSaved(TestDb db) {
        long id = LoginServiceTest.member(db, "p@docomo.ne.jp", "password1");
        AccountService accounts = new AccountService(db.database(), new SignIn(new SessionStore(db.database())));
        assertEquals("公開範囲を選んでください。", refusal(() -> accounts.updateProfile(id, "なまえ", "よろしく", "world")));
        assertEquals("公開範囲を選んでください。", refusal(() -> accounts.updateProfile(id, "なまえ", "よろしく", null)));
        assertEquals("自己紹介は1000文字までです。", refusal(() -> accounts.updateProfile(id, "なまえ", "あ".repeat(1001), "friends")));
        assertEquals(
                "自己紹介は1000文字までです。",
                refusal(() -> accounts.updateProfile(id, "なまえ", "あ".repeat(1001), "world")),
                "the introduction before its level, as the form reads");
        assertEquals("ニックネームを入力してください。", refusal(() -> accounts.updateProfile(id, " ", "よろしく", "friends")));
        accounts.updateProfile(id, "なまえ", "😺".repeat(1000), "friends");
        accounts.updateProfile(id, " ねこ好き😺 ", "猫と暮らしています～", "friends");
        Member m = new MemberService(db.database()).entity(id).orElseThrow();
        assertEquals("ねこ好き😺", m.getNickname());
        assertEquals("猫と暮らしています～", m.getSelfIntro());
        assertEquals("friends", m.getSelfIntroVisibility());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void passwordChangeNeedsTheCurrentPasswordAndEndsSessions(TestDb db) {
        long id = LoginServiceTest.member(db, "q@docomo.ne.jp", "password1");
        SessionStore sessions = new SessionStore(db.database());
        String session = sessions.start(id, true);
        AccountService accounts = new AccountService(db.database(), new SignIn(sessions));
        assertEquals(AccountService.WRONG_PASSWORD, refusal(() -> accounts.changePassword(id, "guess", "password2")));
        assertEquals("パスワードは8文字以上にしてください。", refusal(() -> accounts.changePassword(id, "password1", "short")));
        assertTrue(sessions.find(session).isPresent());
        accounts.changePassword(id, "password1", "password2");
        assertTrue(sessions.find(session).isEmpty());
        LoginService logins = LoginServiceTest.service(db);
        assertEquals(id, logins.check("q@docomo.ne.jp", "password2", "10.0.0.1"));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theOperatorsNicknameIsReserved(TestDb db) {
        OperatorBootstrap.createIfNone(db.database(), "op@example.jp", "operator-pass");
        long op = new MemberService(db.database())
                .findByEmail("op@example.jp")
                .orElseThrow()
                .id();
        long id = LoginServiceTest.member(db, "n@docomo.ne.jp", "password1");
        AccountService accounts = new AccountService(db.database(), new SignIn(new SessionStore(db.database())));
        for (String name : new String[] {"運営", " 運 営 ", "運\u3000営"}) {
            assertEquals(AccountForm.RESERVED_NICKNAME, refusal(() -> accounts.updateProfile(id, name, "", "friends")));
        }
        accounts.updateProfile(op, "ケータイSNS事務局", "", "everyone");
        assertEquals(
                AccountForm.RESERVED_NICKNAME,
                refusal(() -> accounts.updateProfile(id, "ｹｰﾀｲSNS事務局", "", "friends")),
                "the operator's current nickname, whatever the width");
        assertEquals(
                AccountForm.RESERVED_NICKNAME,
                refusal(() -> accounts.updateProfile(id, "運営", "", "friends")),
                "and the original one");
        accounts.updateProfile(op, "運営", "", "everyone"); // the operator may take it back
        accounts.updateProfile(id, "運営ファン", "", "friends");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void passwordChangeEndsEasyLoginBindings(TestDb db) {
        long id = LoginServiceTest.member(db, "e@docomo.ne.jp", "password1");
        EasyLoginStore bindings = new EasyLoginStore(db.database());
        bindings.insert(id, "subscriber", "docomo", "f".repeat(64), jp.keitai.sns.system.Clock.now());
        assertEquals(1, bindings.bindings(id).size());
        AccountService accounts = new AccountService(db.database(), new SignIn(new SessionStore(db.database())));
        accounts.changePassword(id, "password1", "password2");
        assertTrue(bindings.bindings(id).isEmpty(), "the handset must be bound again after a password change");
        assertTrue(bindings.ownerOf("f".repeat(64)).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void withdrawalAnonymisesAndFreesTheAddress(TestDb db) {
        long id = LoginServiceTest.member(db, "r@ezweb.ne.jp", "password1");
        AccountService accounts = new AccountService(db.database(), new SignIn(new SessionStore(db.database())));
        assertEquals(AccountService.WRONG_PASSWORD, refusal(() -> accounts.withdraw(id, "nope")));
        accounts.withdraw(id, "password1");
        Member m = new MemberService(db.database()).entity(id).orElseThrow();
        assertEquals("退会したメンバー", m.getNickname());
        assertNull(m.getMobileEmail());
        assertEquals(MemberStatus.WITHDRAWN, m.getStatus());
        assertEquals(
                LoginService.WRONG,
                assertThrows(Refused.class, () -> LoginServiceTest.service(db).check("r@ezweb.ne.jp", "password1", "1"))
                        .getMessage());
        // the address may join again as a new member
        LoginServiceTest.member(db, "r@ezweb.ne.jp", "password3");
    }
}

package jp.keitai.sns.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import jp.keitai.sns.member.EasyLoginService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.OperatorBootstrap;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SessionStore;
import jp.keitai.sns.web.SignIn;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModerationServiceTest {

    static String refusal(Executable change) {
        return assertThrows(Refused.class, change).getMessage();
    }

    record Rig(ModerationService moderation, MemberService members, EasyLoginService easyLogin, SessionStore sessions) {
        static Rig of(Database d) {
            MemberService members = new MemberService(d);
            EasyLoginService easyLogin = new EasyLoginService(d);
            SessionStore sessions = new SessionStore(d);
            return new Rig(
                    new ModerationService(d, members, easyLogin, new AuditLog(d), new SignIn(sessions)),
                    members,
                    easyLogin,
                    sessions);
        }
    }

    static long operator(Database d) {
        OperatorBootstrap.createIfNone(d, "op@example.jp", "operator-pass");
        return new MemberService(d).findByEmail("op@example.jp").orElseThrow().id();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void suspensionIsAuditedAndEndsTheMembersSessions(TestDb db) {
        Database d = db.database();
        long op = operator(d);
        long m = TestMembers.create(d, "だれか");
        Rig rig = Rig.of(d);
        String session = rig.sessions().start(m, true);

        assertEquals("自分自身は停止できません。", refusal(() -> rig.moderation()
                .setStatus(op, op, MemberStatus.SUSPENDED, "member.suspend", "")));
        rig.moderation().setStatus(op, m, MemberStatus.SUSPENDED, "member.suspend", " 迷惑行為 ");
        assertFalse(rig.members().isActive(m));
        assertTrue(rig.sessions().find(session).isEmpty());
        assertEquals("変更できませんでした。", refusal(() -> rig.moderation()
                .setStatus(op, m, MemberStatus.SUSPENDED, "member.suspend", "")));
        rig.moderation().setStatus(op, m, MemberStatus.ACTIVE, "member.unsuspend", null);
        assertTrue(rig.members().isActive(m));

        var audit = new AuditLog(d).latest(10, 0);
        assertEquals(2, audit.size(), "refusals leave no audit row");
        assertEquals("member.unsuspend", audit.get(0).getAction());
        assertEquals("member:" + m, audit.get(1).getTarget());
        assertEquals("迷惑行為", audit.get(1).getNote());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void blacklistingNeedsAReasonAndIsAudited(TestDb db) {
        Database d = db.database();
        long op = operator(d);
        long m = TestMembers.create(d, "だれか");
        Rig rig = Rig.of(d);
        rig.easyLogin().bindSubscriber(m, "docomo", "GUID-X");
        long binding = rig.easyLogin().bindings(m).get(0).getId();

        assertEquals("理由を書いてください。", refusal(() -> rig.moderation().blacklist(op, m, binding, " ")));
        assertEquals("理由を書いてください。", refusal(() -> rig.moderation().blacklist(op, m, binding, "\u3000")));
        assertEquals("理由を書いてください。", refusal(() -> rig.moderation().blacklist(op, m, binding, null)));
        assertEquals(1, rig.easyLogin().bindings(m).size());
        rig.moderation().blacklist(op, m, binding, "なりすまし");
        assertTrue(rig.easyLogin().bindings(m).isEmpty());
        assertThrows(Refused.class, () -> rig.easyLogin().login(null, "docomo", Optional.of("GUID-X")));
        assertEquals("登録できませんでした。", refusal(() -> rig.moderation().blacklist(op, m, binding, "もう一度")));
        assertEquals(
                "easy-login.blacklist", new AuditLog(d).latest(10, 0).get(0).getAction());
    }
}

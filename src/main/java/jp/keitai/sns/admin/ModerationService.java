package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.member.EasyLoginService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.SignIn;

/**
 * What operators do to members: suspend and restore them, blacklist an easy-login handset. Each change commits with
 * its audit row or not at all.
 */
@ApplicationScoped
public class ModerationService {

    @Inject
    Database database;

    @Inject
    MemberService members;

    @Inject
    EasyLoginService easyLogin;

    @Inject
    AuditLog audit;

    @Inject
    SignIn signIn;

    protected ModerationService() {}

    public ModerationService(
            Database database, MemberService members, EasyLoginService easyLogin, AuditLog audit, SignIn signIn) {
        this.database = database;
        this.members = members;
        this.easyLogin = easyLogin;
        this.audit = audit;
        this.signIn = signIn;
    }

    /**
     * Suspends or restores a member ({@code action} names it in the audit log); a suspended member is signed out on
     * every node.
     *
     * @return null when changed, else why not
     */
    public String setStatus(long operatorId, long memberId, MemberStatus status, String action, String note) {
        if (operatorId == memberId) {
            return "自分自身は停止できません。";
        }
        boolean changed = database.tx(em -> {
            if (!members.setStatus(memberId, status)) {
                return false;
            }
            audit.record(operatorId, action, "member:" + memberId, note);
            return true;
        });
        if (!changed) {
            return "変更できませんでした。";
        }
        if (status == MemberStatus.SUSPENDED) {
            signIn.endAll(memberId);
        }
        return null;
    }

    /**
     * Blacklists the handset of one of a member's easy-login bindings; the reason is required.
     *
     * @return null when done, else why not
     */
    public String blacklist(long operatorId, long memberId, long bindingId, String note) {
        if (note == null || note.isBlank()) {
            return "理由を書いてください。";
        }
        boolean done = database.tx(em -> {
            if (!easyLogin.blacklist(bindingId, operatorId, note)) {
                return false;
            }
            audit.record(operatorId, "easy-login.blacklist", "member:" + memberId + " binding:" + bindingId, note);
            return true;
        });
        return done ? null : "登録できませんでした。";
    }
}

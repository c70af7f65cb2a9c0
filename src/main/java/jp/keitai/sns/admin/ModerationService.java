package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotEmpty;
import jp.keitai.sns.member.EasyLoginService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SignIn;

/**
 * What operators do to members: suspend and restore them, blacklist an easy-login handset. Each change commits with
 * its audit row or not at all; a change that cannot be made throws {@link Refused} with the reason.
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

    /** Why a handset is blacklisted, as stored (stripped): required. */
    record BlacklistNote(
            @NotEmpty(message = "{admin.blacklist.note}") String note) {}

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
     */
    public void setStatus(long operatorId, long memberId, MemberStatus status, String action, String note) {
        if (operatorId == memberId) {
            throw new Refused("自分自身は停止できません。");
        }
        boolean changed = database.tx(em -> {
            if (!members.setStatus(memberId, status)) {
                return false;
            }
            audit.record(operatorId, action, "member:" + memberId, note);
            return true;
        });
        if (!changed) {
            throw new Refused("変更できませんでした。");
        }
        if (status == MemberStatus.SUSPENDED) {
            signIn.endAll(memberId);
        }
    }

    /** Blacklists the handset of one of a member's easy-login bindings; the reason is required. */
    public void blacklist(long operatorId, long memberId, long bindingId, String note) {
        FormCheck.check(new BlacklistNote(note == null ? null : note.strip()));
        boolean done = database.tx(em -> {
            if (!easyLogin.blacklist(bindingId, operatorId, note)) {
                return false;
            }
            audit.record(operatorId, "easy-login.blacklist", "member:" + memberId + " binding:" + bindingId, note);
            return true;
        });
        if (!done) {
            throw new Refused("登録できませんでした。");
        }
    }
}

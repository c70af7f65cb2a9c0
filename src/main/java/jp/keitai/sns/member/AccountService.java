package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SignIn;
import jp.keitai.sns.web.Tokens;

/**
 * A member's own account: profile text, password, withdrawal. Changing the password or leaving always asks for the
 * current password, whatever signed the member in (easy login is never enough for these). A change that cannot be made
 * throws {@link Refused} with the reason.
 */
@ApplicationScoped
public class AccountService {

    static final String WRONG_PASSWORD = "現在のパスワードが違います。";

    @Inject
    Database database;

    @Inject
    SignIn signIn;

    @Inject
    MemberStore members;

    @Inject
    EasyLoginStore easyLogins;

    protected AccountService() {}

    public AccountService(Database database, SignIn signIn) {
        this.database = database;
        this.signIn = signIn;
        this.members = new MemberStore(database);
        this.easyLogins = new EasyLoginStore(database);
    }

    /** Whether this is the member's current password (asked again before anything sensitive). */
    public boolean passwordMatches(long memberId, String password) {
        return members.find(memberId)
                .map(m -> Passwords.matches(password == null ? "" : password, m.getPasswordHash()))
                .orElse(false);
    }

    /** Saves the nickname, the self-introduction and who may read it; the prefecture stays as it is. */
    public void updateProfile(long memberId, String nickname, String selfIntro, String visibility) {
        updateProfile(memberId, nickname, selfIntro, visibility, null);
    }

    /**
     * Saves the nickname, the self-introduction, who may read it and the 現住所.
     *
     * @param prefecture the JIS code as the form sends it ({@code ""}: not given), or null to keep it as it is
     */
    public void updateProfile(long memberId, String nickname, String selfIntro, String visibility, String prefecture) {
        String name = AccountForm.nickname(nickname);
        String intro = selfIntro == null ? "" : selfIntro.strip();
        FormCheck.check(new AccountForm.SelfIntro(intro));
        FormCheck.check(new AccountForm.IntroVisibility(visibility));
        Integer code = prefecture == null || prefecture.isBlank() ? null : AccountForm.prefecture(prefecture);
        database.run(em -> {
            Member m = members.inTransaction(memberId);
            if (m.getRole() != Role.OPERATOR) {
                AccountForm.notReserved(name, members.operatorNicknames());
            }
            m.setProfile(
                    name, intro.isEmpty() ? null : intro, visibility, prefecture == null ? m.getPrefecture() : code);
            database.changes().publish(MemberDirectory.TOPIC, memberId); // cards and profiles, on every node
        });
    }

    /**
     * Changes the password and ends every session of the member (the page signs the current one in again) and every
     * かんたんログイン binding: a handset or cookie that signed in without the password must be bound again, with the new
     * password.
     */
    public void changePassword(long memberId, String current, String next) {
        AccountForm.password(next);
        database.run(em -> {
            Member m = members.inTransaction(memberId);
            if (!Passwords.matches(current == null ? "" : current, m.getPasswordHash())) {
                throw new Refused(WRONG_PASSWORD);
            }
            replacePassword(m, next);
        });
        signIn.endAll(memberId);
    }

    /**
     * Sets a new password without the current one, for a proven mailed reset link ({@link PasswordResetService}), in
     * the caller's transaction: the easy-login bindings go with the old password; the caller ends the sessions after
     * commit, as {@link #changePassword} does.
     */
    void replacePassword(long memberId, String next) {
        AccountForm.password(next);
        database.run(em -> replacePassword(members.inTransaction(memberId), next));
    }

    private void replacePassword(Member m, String next) {
        m.setPasswordHash(Passwords.hash(next));
        easyLogins.deleteAll(m.getId());
    }

    /**
     * 退会: the account is anonymised at once (nickname, addresses, self-introduction and password gone, sessions and
     * easy-login bindings removed); what the member wrote stays, shown under "退会したメンバー".
     */
    public void withdraw(long memberId, String password) {
        withdraw(memberId, password, true);
    }

    /**
     * 退会 by the inactivity rule (退会のお知らせ): as {@link #withdraw(long, String)}, without the password; inside the
     * caller's transaction when there is one.
     */
    public void withdrawInactive(long memberId) {
        withdraw(memberId, null, false);
    }

    private void withdraw(long memberId, String password, boolean checkPassword) {
        database.run(em -> {
            Member m = members.inTransaction(memberId);
            if (m.getRole() == Role.OPERATOR) {
                throw new Refused("運営アカウントは退会できません。");
            }
            if (checkPassword && !Passwords.matches(password == null ? "" : password, m.getPasswordHash())) {
                throw new Refused(WRONG_PASSWORD);
            }
            m.anonymise(Passwords.hash(Tokens.random()));
            easyLogins.deleteAll(memberId);
            database.changes().publish(MemberDirectory.TOPIC, memberId); // nickname and status gone everywhere
        });
        signIn.endAll(memberId);
    }
}

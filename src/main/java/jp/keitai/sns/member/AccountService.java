package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.SignIn;
import jp.keitai.sns.web.Tokens;

/**
 * A member's own account: profile text, password, withdrawal. Changing the password or leaving always asks for the
 * current password, whatever signed the member in (easy login is never enough for these).
 */
@ApplicationScoped
public class AccountService {

    static final Set<String> VISIBILITIES = Set.of("everyone", "friends", "private");
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

    /** @return null when saved, else the problem */
    public String updateProfile(long memberId, String nickname, String selfIntro, String visibility) {
        String problem = AccountRules.checkNickname(nickname);
        if (problem != null) {
            return problem;
        }
        String intro = selfIntro == null ? "" : selfIntro.strip();
        if (intro.codePointCount(0, intro.length()) > 1000) {
            return "自己紹介は1000文字までです。";
        }
        if (!VISIBILITIES.contains(visibility)) {
            return "公開範囲を選んでください。";
        }
        database.run(em -> {
            members.inTransaction(memberId).setProfile(nickname.strip(), intro.isEmpty() ? null : intro, visibility);
            database.changes().publish(MemberDirectory.TOPIC, memberId); // cards and profiles, on every node
        });
        return null;
    }

    /**
     * Changes the password and ends every session of the member (the page signs the current one in again).
     *
     * @return null when changed, else the problem
     */
    public String changePassword(long memberId, String current, String next) {
        String problem = AccountRules.checkPassword(next);
        if (problem != null) {
            return problem;
        }
        problem = database.tx(em -> {
            Member m = members.inTransaction(memberId);
            if (!Passwords.matches(current == null ? "" : current, m.getPasswordHash())) {
                return WRONG_PASSWORD;
            }
            m.setPasswordHash(Passwords.hash(next));
            return null;
        });
        if (problem == null) {
            signIn.endAll(memberId);
        }
        return problem;
    }

    /**
     * 退会: the account is anonymised at once (nickname, addresses, self-introduction and password gone, sessions and
     * easy-login bindings removed); what the member wrote stays, shown under "退会したメンバー".
     */
    public String withdraw(long memberId, String password) {
        String problem = database.tx(em -> {
            Member m = members.inTransaction(memberId);
            if (m.getRole() == Role.OPERATOR) {
                return "運営アカウントは退会できません。";
            }
            if (!Passwords.matches(password == null ? "" : password, m.getPasswordHash())) {
                return WRONG_PASSWORD;
            }
            m.anonymise(Passwords.hash(Tokens.random()));
            easyLogins.deleteAll(memberId);
            database.changes().publish(MemberDirectory.TOPIC, memberId); // nickname and status gone everywhere
            return null;
        });
        if (problem == null) {
            signIn.endAll(memberId);
        }
        return problem;
    }
}

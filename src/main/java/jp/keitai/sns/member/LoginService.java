package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks a sign-in attempt: throttling, the account, its state and the password. */
@ApplicationScoped
public class LoginService {

    static final String WRONG = "メールアドレスまたはパスワードが違います。";
    static final String THROTTLED = "ログインの失敗が続いたため、しばらくログインできません。15分ほどしてからお試しください。";
    static final String SUSPENDED = "このアカウントは利用停止中です。";

    /** Verified against when the address is unknown, so both cases take the same time. */
    private static final String DUMMY_HASH = Passwords.hash("dummy-password-for-timing");

    @Inject
    MemberService members;

    @Inject
    LoginThrottle throttle;

    protected LoginService() {}

    public LoginService(MemberService members, LoginThrottle throttle) {
        this.members = members;
        this.throttle = throttle;
    }

    /** memberId null means refused, with a message for the member. */
    public record Result(Long memberId, String message) {}

    public Result check(String email, String password, String clientIp) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return new Result(null, "メールアドレスとパスワードを入力してください。");
        }
        String account = MailAddresses.canonical(email);
        if (throttle.isBlocked(account, clientIp)) {
            return new Result(null, THROTTLED);
        }
        Optional<Member> member = members.entityByEmail(account);
        boolean ok =
                Passwords.matches(password, member.map(Member::getPasswordHash).orElse(DUMMY_HASH))
                        && member.isPresent();
        if (!ok) {
            throttle.recordFailure(account, clientIp);
            return new Result(null, WRONG);
        }
        if (member.get().getStatus() != MemberStatus.ACTIVE) {
            return new Result(null, SUSPENDED);
        }
        return new Result(member.get().getId(), null);
    }
}

package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Optional;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;

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

    /** The login form: both fields filled in. */
    record LoginForm(
            @NotBlank(message = "{member.login.required}") String email,
            @NotEmpty(message = "{member.login.required}") String password) {}

    /** The signed-in member's id; throws {@link Refused} with a message for the member. */
    public long check(String email, String password, String clientIp) {
        FormCheck.check(new LoginForm(email, password));
        String account = MailAddresses.canonical(email);
        if (throttle.isBlocked(account, clientIp)) {
            throw new Refused(THROTTLED);
        }
        Optional<Member> member = members.entityByEmail(account);
        boolean ok =
                Passwords.matches(password, member.map(Member::getPasswordHash).orElse(DUMMY_HASH))
                        && member.isPresent();
        if (!ok) {
            throttle.recordFailure(account, clientIp);
            throw new Refused(WRONG);
        }
        if (member.get().getStatus() != MemberStatus.ACTIVE) {
            throw new Refused(SUSPENDED);
        }
        return member.get().getId();
    }
}

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
    /** The start of the refusal while a throttle holds; the time to try again follows. */
    static final String THROTTLED = "ログインの失敗が続いたため、しばらくログインできません。";

    private static final java.time.format.DateTimeFormatter HOUR_MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("H時mm分");
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

    /** The refusal while throttled: when to try again, in Japan time, and in about how many minutes. */
    static String throttled(java.time.Instant until, java.time.Instant now) {
        long minutes = Math.max(1, (java.time.Duration.between(now, until).getSeconds() + 59) / 60);
        java.time.Instant minute = until.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        if (minute.isBefore(until)) {
            minute = minute.plusSeconds(60); // rounded up: trying at the time shown must work
        }
        return THROTTLED + minute.atZone(jp.keitai.sns.system.Clock.JAPAN).format(HOUR_MINUTE) + "（約" + minutes
                + "分後）以降にもう一度お試しください。";
    }

    /** The signed-in member's id; throws {@link Refused} with a message for the member. */
    public long check(String email, String password, String clientIp) {
        FormCheck.check(new LoginForm(email, password));
        String account = MailAddresses.canonical(email);
        throttle.blockedUntil(account, clientIp).ifPresent(until -> {
            throw new Refused(throttled(until, jp.keitai.sns.system.Clock.now()));
        });
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

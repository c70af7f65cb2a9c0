package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SignIn;
import jp.keitai.sns.web.Tokens;

/**
 * パスワードを忘れた方: a link mailed to the member's proven addresses (the carrier address, and the PC address when
 * there is one), usable once, for {@code sns.password-reset.ttl-seconds}. The request is answered the same way whether
 * or not the address is a member's, and takes the same path as far as it can (the mail is only queued in the same
 * transaction). Setting the new password works as changing it does: every session and every かんたんログイン binding
 * ends.
 */
@ApplicationScoped
public class PasswordResetService {

    static final String TTL_KEY = "sns.password-reset.ttl-seconds";
    static final String PER_HOUR_KEY = "sns.password-reset.requests-per-hour";
    static final Duration WINDOW = Duration.ofHours(1);

    static final String NO_ADDRESS = "メールアドレスを入力してください。";
    static final String INVALID = "このURLは無効です。メールに書かれたURLをもう一度お確かめください。";
    static final String USED = "このURLはすでに使われています。必要なら、もう一度パスワードの再設定をお申し込みください。";
    static final String EXPIRED = "このURLは有効期限が切れています。もう一度パスワードの再設定をお申し込みください。";

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    PasswordResetStore store;

    @Inject
    MemberStore members;

    @Inject
    AccountService accounts;

    @Inject
    MembershipMails mails;

    @Inject
    SignIn signIn;

    protected PasswordResetService() {}

    /** How long a mailed link works. */
    public Duration ttl() {
        return Duration.ofSeconds(settings.intValue(TTL_KEY, 3600, 1, 7 * 24 * 3600));
    }

    /** The link's lifetime as the mail and the page say it (1時間, 30分, 45秒). */
    public String ttlText() {
        long s = ttl().getSeconds();
        if (s % 3600 == 0) {
            return (s / 3600) + "時間";
        }
        return s % 60 == 0 ? (s / 60) + "分" : s + "秒";
    }

    private int perHour() {
        return settings.intValue(PER_HOUR_KEY, 3, 1, 1000);
    }

    /**
     * A request from the top page's form. Refused only for an empty field; otherwise returns normally whatever the
     * address is. An address asked for more than {@code sns.password-reset.requests-per-hour} times in the last hour
     * gets no more mail (a stranger must not be able to flood a handset), with the same answer.
     */
    public void request(String typed) {
        String address = typed == null ? "" : MailAddresses.canonical(typed);
        if (address.isEmpty()) {
            throw new Refused(NO_ADDRESS);
        }
        if (address.length() > 254 || address.indexOf('@') < 1) {
            return; // no member has it: the same answer as for any unknown address
        }
        Instant now = Clock.now();
        int limit = perHour();
        Duration ttl = ttl();
        database.run(em -> {
            if (store.requestsSince(address, now.minus(WINDOW)) >= limit) {
                return;
            }
            store.addRequest(address, now, now.minus(WINDOW));
            Optional<Member> found = members.findByEmail(address);
            if (found.isEmpty() || found.get().getStatus() != MemberStatus.ACTIVE) {
                return;
            }
            Member m = found.get();
            String token = Tokens.random();
            store.add(m.getId(), Tokens.sha256(token), now, now.plus(ttl));
            Map<String, String> values = Map.of(
                    "url",
                    settings.baseUrl() + "/password-reset/new?token=" + token,
                    "ttl",
                    ttlText(),
                    "nickname",
                    m.getNickname());
            List<OutgoingMail> out = new ArrayList<>();
            if (m.getMobileEmail() != null) {
                out.add(new OutgoingMail(m.getMobileEmail(), "password_reset", values));
            }
            if (m.getPcEmail() != null && !m.getPcEmail().equalsIgnoreCase(m.getMobileEmail())) {
                out.add(new OutgoingMail(m.getPcEmail(), "password_reset", values));
            }
            mails.queue(em, out);
        });
    }

    /** Checks a mailed link before the new-password form is shown; throws {@link Refused} when it cannot be used. */
    public void open(String token) {
        link(token, Clock.now());
    }

    /**
     * Sets the new password through a mailed link, once: the link and every other open link of the member are used up,
     * every session and every かんたんログイン binding ends. A password the rules refuse leaves the link usable.
     */
    public void reset(String token, String password) {
        AccountForm.password(password);
        Instant now = Clock.now();
        long memberId = database.tx(em -> {
            PasswordResetStore.Link link = link(token, now);
            if (!store.use(link.id(), link.memberId(), now)) {
                throw new Refused(USED); // another request used it a moment ago
            }
            accounts.replacePassword(link.memberId(), password);
            return link.memberId();
        });
        signIn.endAll(memberId);
    }

    private PasswordResetStore.Link link(String token, Instant now) {
        if (token == null || token.length() != 43) {
            throw new Refused(INVALID);
        }
        PasswordResetStore.Link link = store.byToken(Tokens.sha256(token)).orElseThrow(() -> new Refused(INVALID));
        if (link.usedAt() != null) {
            throw new Refused(USED);
        }
        if (!now.isBefore(link.expiresAt())) {
            throw new Refused(EXPIRED);
        }
        return link;
    }
}

package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Purge;

/**
 * The member feature's share of the hourly housekeeping: login failures older than any throttle looks back, and
 * registrations and address changes whose link expired a day ago (until then an old link still says it expired).
 */
@ApplicationScoped
public class MemberPurge implements Purge {

    static final Duration FAILURES_KEPT = Duration.ofDays(1);
    static final Duration EXPIRED_KEPT = Duration.ofDays(1);

    @Inject
    LoginFailureStore failures;

    @Inject
    RegistrationStore registrations;

    protected MemberPurge() {}

    public MemberPurge(Database database) {
        this.failures = new LoginFailureStore(database);
        this.registrations = new RegistrationStore(database);
    }

    @Override
    public String name() {
        return "login failures and stale registrations";
    }

    @Override
    public int purge(Instant now) {
        return failures.purge(now.minus(FAILURES_KEPT)) + registrations.purgeExpired(now.minus(EXPIRED_KEPT));
    }
}

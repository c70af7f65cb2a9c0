package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Slows password guessing: after {@value #PER_ACCOUNT} failures on one account, or {@value #PER_IP} from one client
 * address, within {@link #WINDOW}, sign-in is refused until the window passes. Kept in the database so every node
 * counts the same failures.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_IP = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    LoginFailureStore failures;

    protected LoginThrottle() {}

    public LoginThrottle(Database database) {
        this.failures = new LoginFailureStore(database);
    }

    public boolean isBlocked(String account, String clientIp) {
        return failures.atLeast(
                account, PER_ACCOUNT, clientIp, PER_IP, Clock.now().minus(WINDOW));
    }

    public void recordFailure(String account, String clientIp) {
        failures.add(account, clientIp, Clock.now());
    }
}

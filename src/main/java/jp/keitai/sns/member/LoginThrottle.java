package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Slows password guessing with back-off, never with a lock-out. Failures are counted per (account, client address)
 * and per client address over {@link #WINDOW}: past {@value #FREE_PER_PAIR} failures of one account from one address,
 * or {@value #FREE_PER_IP} from one address on any accounts, the next try waits {@link #BASE_DELAY} after the last
 * failure, doubled with each further failure, at most {@link #MAX_DELAY}.
 *
 * <p>Failures on an account from other addresses never hold back the right password from this one, so nobody can
 * keep a member out by guessing. A carrier gateway address (CarrierRegistry's gateway ranges), which thousands of
 * handsets share, is never throttled as an address; only each account on it is. Kept in the database so every node
 * counts the same failures.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_PER_PAIR = 3;
    static final int FREE_PER_IP = 20;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration BASE_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    @Inject
    LoginFailureStore failures;

    @Inject
    CarrierRegistry registry;

    /** Whether an address is a carrier gateway shared by many handsets. */
    private Predicate<String> sharedGateway;

    protected LoginThrottle() {}

    public LoginThrottle(Database database) {
        this(database, ip -> false);
    }

    public LoginThrottle(Database database, Predicate<String> sharedGateway) {
        this.failures = new LoginFailureStore(database);
        this.sharedGateway = sharedGateway;
    }

    /** Until when sign-in of this account from this address must wait; empty when it may be tried now. */
    public Optional<Instant> blockedUntil(String account, String clientIp) {
        return blockedUntil(account, clientIp, Clock.now());
    }

    Optional<Instant> blockedUntil(String account, String clientIp, Instant now) {
        Instant since = now.minus(WINDOW);
        Instant until = until(failures.recent(account, clientIp, since), FREE_PER_PAIR);
        if (!isSharedGateway(clientIp)) {
            Instant byIp = until(failures.recent(null, clientIp, since), FREE_PER_IP);
            if (byIp != null && (until == null || byIp.isAfter(until))) {
                until = byIp;
            }
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** The end of the back-off after these failures, or null when they are still free. */
    private static Instant until(LoginFailureStore.Recent recent, int free) {
        if (recent.count() < free) {
            return null;
        }
        int doublings = Math.min(recent.count() - free, 30);
        Duration delay = BASE_DELAY.multipliedBy(1L << doublings);
        return recent.latest().plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    private boolean isSharedGateway(String clientIp) {
        if (sharedGateway == null) {
            sharedGateway = ip -> {
                if (ip == null || !ip.matches("[0-9a-fA-F:.]+")) {
                    return false; // a literal address only: never a name lookup
                }
                try {
                    return registry.gatewayCarrierOf(InetAddress.getByName(ip)).isPresent();
                } catch (UnknownHostException e) {
                    return false;
                }
            };
        }
        return sharedGateway.test(clientIp);
    }

    public void recordFailure(String account, String clientIp) {
        failures.add(account, clientIp, Clock.now());
    }
}

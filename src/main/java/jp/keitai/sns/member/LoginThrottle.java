package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
    Database database;

    protected LoginThrottle() {}

    public LoginThrottle(Database database) {
        this.database = database;
    }

    public boolean isBlocked(String account, String clientIp) {
        Timestamp since = Timestamp.from(Clock.now().minus(WINDOW));
        return database.jdbc(c ->
                count(c, "account", account, since) >= PER_ACCOUNT || count(c, "client_ip", clientIp, since) >= PER_IP);
    }

    public void recordFailure(String account, String clientIp) {
        Instant now = Clock.now();
        database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into login_failure (account, client_ip, failed_at) values (?, ?, ?)")) {
                ps.setString(1, account);
                ps.setString(2, clientIp);
                ps.setTimestamp(3, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
    }

    private static int count(java.sql.Connection c, String column, String value, Timestamp since)
            throws java.sql.SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select count(*) from login_failure where " + column + " = ? and failed_at > ?")) {
            ps.setString(1, value);
            ps.setTimestamp(2, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

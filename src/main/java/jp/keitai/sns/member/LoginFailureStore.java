package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import jp.keitai.sns.system.Database;

/** Failed sign-ins (table {@code login_failure}), through JDBC. */
@ApplicationScoped
public class LoginFailureStore {

    @Inject
    Database database;

    protected LoginFailureStore() {}

    public LoginFailureStore(Database database) {
        this.database = database;
    }

    void add(String account, String clientIp, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into login_failure (account, client_ip, failed_at) values (?, ?, ?)")) {
                ps.setString(1, account);
                ps.setString(2, clientIp);
                ps.setTimestamp(3, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes failures from before {@code before} (housekeeping); returns how many. */
    int purge(Instant before) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from login_failure where failed_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(before));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Whether, after {@code since}, the account failed at least {@code perAccount} times or the client address at
     * least {@code perIp} times; the address is counted only when the account is not over already.
     */
    boolean atLeast(String account, int perAccount, String clientIp, int perIp, Instant since) {
        Timestamp t = Timestamp.from(since);
        return database.jdbc(
                c -> count(c, "account", account, t) >= perAccount || count(c, "client_ip", clientIp, t) >= perIp);
    }

    private static int count(Connection c, String column, String value, Timestamp since) throws SQLException {
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

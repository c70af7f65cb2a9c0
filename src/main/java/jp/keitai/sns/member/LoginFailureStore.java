package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /** How many failures since a time, and the latest of them (null when none). */
    record Recent(int count, Instant latest) {}

    /** Failures after {@code since} from the client address, of {@code account} only unless it is null. */
    Recent recent(String account, String clientIp, Instant since) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*), max(failed_at) from login_failure"
                    + " where client_ip = ? and failed_at > ?" + (account == null ? "" : " and account = ?"))) {
                ps.setString(1, clientIp);
                ps.setTimestamp(2, Timestamp.from(since));
                if (account != null) {
                    ps.setString(3, account);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp latest = rs.getTimestamp(2);
                    return new Recent(rs.getInt(1), latest == null ? null : latest.toInstant());
                }
            }
        });
    }
}

package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * The mailed password-reset links (table {@code password_reset}, token hashes only) and the requests per address
 * (table {@code password_reset_request}), through JDBC. Inside a transaction it writes through its connection.
 */
@ApplicationScoped
public class PasswordResetStore {

    @Inject
    Database database;

    protected PasswordResetStore() {}

    public PasswordResetStore(Database database) {
        this.database = database;
    }

    /** A reset link as stored. */
    record Link(long id, long memberId, Instant expiresAt, Instant usedAt) {}

    /** How many requests named this address after {@code since}. */
    int requestsSince(String address, Instant since) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from password_reset_request where address = ? and requested_at > ?")) {
                ps.setString(1, address);
                ps.setTimestamp(2, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Records a request for this address, and forgets the requests older than {@code forgetBefore}. */
    void addRequest(String address, Instant at, Instant forgetBefore) {
        database.jdbc(c -> {
            try (PreparedStatement del =
                    c.prepareStatement("delete from password_reset_request where requested_at < ?")) {
                del.setTimestamp(1, Timestamp.from(forgetBefore));
                del.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("insert into password_reset_request (address, requested_at) values (?, ?)")) {
                ps.setString(1, address);
                ps.setTimestamp(2, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /** Saves a new link; the member's links that expired before {@code now} are forgotten on the way. */
    void add(long memberId, String tokenHash, Instant now, Instant expiresAt) {
        database.jdbc(c -> {
            try (PreparedStatement del =
                    c.prepareStatement("delete from password_reset where member_id = ? and expires_at < ?")) {
                del.setLong(1, memberId);
                del.setTimestamp(2, Timestamp.from(now));
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into password_reset"
                    + " (member_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")) {
                ps.setLong(1, memberId);
                ps.setString(2, tokenHash);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setTimestamp(4, Timestamp.from(expiresAt));
                return ps.executeUpdate();
            }
        });
    }

    /** The link with this token hash, used or not. */
    Optional<Link> byToken(String tokenHash) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, member_id, expires_at, used_at from password_reset where token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Timestamp used = rs.getTimestamp(4);
                    return Optional.of(new Link(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getTimestamp(3).toInstant(),
                            used == null ? null : used.toInstant()));
                }
            }
        });
    }

    /**
     * Marks the link used if it still can be (unused, unexpired): true for exactly one caller, however many race.
     * Every other open link of the member is closed with it.
     */
    boolean use(long id, long memberId, Instant now) {
        return database.jdbc(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement(
                    "update password_reset set used_at = ?" + " where id = ? and used_at is null and expires_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, id);
                ps.setTimestamp(3, Timestamp.from(now));
                n = ps.executeUpdate();
            }
            if (n == 1) {
                try (PreparedStatement ps = c.prepareStatement(
                        "update password_reset set used_at = ? where member_id = ? and used_at is null")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, memberId);
                    ps.executeUpdate();
                }
            }
            return n == 1;
        });
    }
}

package jp.keitai.sns.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * The table of V20__api_tokens.sql ({@code api_token}), the only class that reads or writes it. Plain JDBC. No method
 * decides who may do what ({@link ApiTokens} does).
 */
final class ApiTokenStore {

    /** One token row as stored (the hash only: the token itself is never kept). */
    record Row(
            long id,
            long memberId,
            String name,
            String scope,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    private static final String COLUMNS = "id, member_id, name, scope, created_at, last_used_at, revoked_at";

    private final Database database;

    ApiTokenStore(Database database) {
        this.database = database;
    }

    long insert(long member, String name, String scope, String hash, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into api_token (member_id, name, scope, token_hash, created_at) values (?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setLong(1, member);
                ps.setString(2, name);
                ps.setString(3, scope);
                ps.setString(4, hash);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The token with this hash, revoked or not. */
    Optional<Row> byHash(String hash) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select " + COLUMNS + " from api_token where token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** A member's tokens, newest first, revoked ones included. */
    List<Row> byMember(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + COLUMNS + " from api_token where member_id = ? order by created_at desc, id desc")) {
                ps.setLong(1, member);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    int countActive(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select count(*) from api_token where member_id = ? and revoked_at is null")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Revokes the member's own token; false when it is not theirs or already revoked. */
    boolean revoke(long member, long id, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update api_token set revoked_at = ?" + " where id = ? and member_id = ? and revoked_at is null")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, id);
                ps.setLong(3, member);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void touch(long id, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update api_token set last_used_at = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

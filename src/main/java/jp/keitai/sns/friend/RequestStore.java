package jp.keitai.sns.friend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.system.Database;

/**
 * マイミク requests, in JDBC: the {@code friend_request} table. Requests come back without the other member's nickname
 * (the service adds it). Writes run in the caller's transaction.
 */
final class RequestStore {

    private static final String COLUMNS = "select id, from_id, to_id, message, created_at from friend_request";

    private final Database database;

    RequestStore(Database database) {
        this.database = database;
    }

    void add(long from, long to, String message, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into friend_request (from_id, to_id, message, created_at) values (?, ?, ?, ?)")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.setString(3, message);
                ps.setTimestamp(4, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /** The id of {@code from}'s request to {@code to}, or null. */
    Long id(long from, long to) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select id from friend_request where from_id = ? and to_id = ?")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
    }

    /** The request, or null. */
    FriendService.Request find(long requestId) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " where id = ?")) {
                ps.setLong(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? request(rs) : null;
                }
            }
        });
    }

    /** Requests to the member, newest first. */
    List<FriendService.Request> to(long member) {
        return list("to_id", member);
    }

    /** Requests from the member, newest first. */
    List<FriendService.Request> from(long member) {
        return list("from_id", member);
    }

    /** Who asked the member (the senders of the requests to them), ascending. */
    long[] sendersTo(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select from_id from friend_request where to_id = ? order by from_id")) {
                ps.setLong(1, member);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out.stream().mapToLong(Long::longValue).toArray();
            }
        });
    }

    /** Deletes the requests between a and b, either way. */
    void deleteBetween(long a, long b) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from friend_request where (from_id = ? and to_id = ?) or (from_id = ? and to_id = ?)")) {
                ps.setLong(1, a);
                ps.setLong(2, b);
                ps.setLong(3, b);
                ps.setLong(4, a);
                return ps.executeUpdate();
            }
        });
    }

    private List<FriendService.Request> list(String column, long member) {
        return database.jdbc(c -> {
            List<FriendService.Request> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(COLUMNS + " where " + column + " = ? order by created_at desc, id desc")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(request(rs));
                    }
                }
            }
            return out;
        });
    }

    /** A request row (id, from_id, to_id, message, created_at), without the nickname. */
    private static FriendService.Request request(ResultSet rs) throws SQLException {
        return new FriendService.Request(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                null,
                rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}

package jp.keitai.sns.live;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.keitai.sns.system.Database;

/** The {@code live_event} rows: the only SQL of live updates. */
final class LiveStore {

    private static final String COLUMNS = "select id, kind, actor_id, object_id, detail, created_at from live_event";

    private final Database database;

    LiveStore(Database database) {
        this.database = database;
    }

    /** Stores an event (inside the caller's transaction, if any) and answers its id. */
    long insert(String kind, long actor, long object, Integer detail, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into live_event (kind, actor_id, object_id, detail, created_at) values (?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, kind);
                ps.setLong(2, actor);
                ps.setLong(3, object);
                ps.setObject(4, detail, java.sql.Types.INTEGER);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** These events, oldest first (those purged meanwhile are missing). */
    List<LiveEvent> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    COLUMNS + " where id in (" + Database.placeholders(ids.size()) + ") order by id")) {
                int i = 1;
                for (Long id : ids) {
                    ps.setLong(i++, id);
                }
                return list(ps);
            }
        });
    }

    /** Events after {@code afterId} and not older than {@code notBefore}, oldest first, at most {@code limit}. */
    List<LiveEvent> since(long afterId, Instant notBefore, int limit) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement(COLUMNS + " where id > ? and created_at >= ? order by id limit ?")) {
                ps.setLong(1, afterId);
                ps.setTimestamp(2, Timestamp.from(notBefore));
                ps.setInt(3, limit);
                return list(ps);
            }
        });
    }

    /** The newest event's id, or 0. */
    long latestId() {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select max(id) from live_event");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Deletes the events created before {@code before}. */
    int deleteBefore(Instant before) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from live_event where created_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(before));
                return ps.executeUpdate();
            }
        });
    }

    private static List<LiveEvent> list(PreparedStatement ps) throws SQLException {
        List<LiveEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int detail = rs.getInt(5);
                out.add(new LiveEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.wasNull() ? null : detail,
                        rs.getTimestamp(6).toInstant()));
            }
        }
        return out;
    }
}

package jp.keitai.sns.friend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * 紹介文, in JDBC: the {@code introduction} table, one row per member and writer. Introductions come back without the
 * writer's nickname (the service adds it). Writes run in the caller's transaction.
 */
final class IntroductionStore {

    private final Database database;

    IntroductionStore(Database database) {
        this.database = database;
    }

    /** Writes the writer's introduction of the member, replacing theirs if there is one. */
    void save(long member, long writer, String body, Instant at) {
        String sql = database.isPostgresql()
                ? "insert into introduction (member_id, writer_id, body, written_at) values (?, ?, ?, ?)"
                        + " on conflict (member_id, writer_id)"
                        + " do update set body = excluded.body, written_at = excluded.written_at"
                : "merge into introduction (member_id, writer_id, body, written_at) key (member_id, writer_id)"
                        + " values (?, ?, ?, ?)";
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, member);
                ps.setLong(2, writer);
                ps.setString(3, body);
                ps.setTimestamp(4, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes the writer's introduction of the member; returns the rows deleted (0 or 1). */
    int delete(long member, long writer) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("delete from introduction where member_id = ? and writer_id = ?")) {
                ps.setLong(1, member);
                ps.setLong(2, writer);
                return ps.executeUpdate();
            }
        });
    }

    /** The member's introductions, newest first. */
    List<Introductions.Introduction> of(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select writer_id, body, written_at from introduction"
                    + " where member_id = ? order by written_at desc, writer_id")) {
                ps.setLong(1, member);
                List<Introductions.Introduction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Introductions.Introduction(
                                member,
                                rs.getLong(1),
                                null,
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    /** The writer's introduction of the member, if any. */
    Optional<Introductions.Introduction> find(long member, long writer) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select body, written_at from introduction where member_id = ? and writer_id = ?")) {
                ps.setLong(1, member);
                ps.setLong(2, writer);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Introductions.Introduction(
                                    member,
                                    writer,
                                    null,
                                    rs.getString(1),
                                    rs.getTimestamp(2).toInstant()))
                            : Optional.empty();
                }
            }
        });
    }
}

package jp.keitai.sns.voice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.system.Database;

/**
 * The {@code voice} and {@code voice_like} tables (V10__voice.sql), the only class that reads or writes them. Plain
 * JDBC: the lists are {@code in} lists over many ids, the home feed needs a window function, and the primary key's SQL
 * state decides a race between two イイネ! clicks. Inside a transaction every call runs on its connection ({@link
 * Database#jdbc}); no method checks who may see what ({@link VoiceService} does).
 */
final class VoiceStore {

    /** The feed loads this many authors per statement, well under either database's limit on parameters. */
    private static final int CHUNK = 500;

    private static final long[] NONE = new long[0];
    private static final String COLUMNS = "id, author_id, body, reply_to, created_at";

    /** One post as the feed keeps it; {@code likers} ascending, {@code replyAuthors} one per reply. */
    record Head(long id, long authorId, String body, Instant createdAt, long[] likers, long[] replyAuthors) {}

    /** イイネ! counts of some voices, and which of them the viewer liked. */
    record Likes(Map<Long, Integer> counts, Set<Long> mine) {}

    /** What an イイネ! came to. */
    enum Liked {
        ADDED,
        ALREADY,
        GONE
    }

    private final Database database;

    VoiceStore(Database database) {
        this.database = database;
    }

    Optional<Voice> find(long id) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from voice where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(voice(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Stores a voice and answers its id; a second voice with the same author and source key fails (unique). */
    long insert(long author, String body, Long replyTo, String sourceKey, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into voice (author_id, body, reply_to, source_key, created_at) values (?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setLong(1, author);
                ps.setString(2, body);
                ps.setObject(3, replyTo, java.sql.Types.BIGINT);
                ps.setString(4, sourceKey);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Deletes a voice; its replies and イイネ! go with it (on delete cascade). */
    void delete(long id) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from voice where id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /** The voice that this author's post with this source key made, if any. */
    Optional<Long> bySourceKey(long author, String sourceKey) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select id from voice where author_id = ? and source_key = ?")) {
                ps.setLong(1, author);
                ps.setString(2, sourceKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Adds the member's イイネ!. Outside a transaction only: the losing insert of a race between two clicks fails on
     * the primary key, which would end a surrounding transaction on PostgreSQL.
     */
    Liked like(long voiceId, long member, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into voice_like (voice_id, member_id, created_at) values (?, ?, ?)")) {
                ps.setLong(1, voiceId);
                ps.setLong(2, member);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.executeUpdate();
                return Liked.ADDED;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return Liked.ALREADY; // perhaps a moment ago, by a second click
                }
                if ("23503".equals(e.getSQLState())) {
                    return Liked.GONE; // the voice was deleted meanwhile
                }
                throw e;
            }
        });
    }

    /** Takes the member's イイネ! back; false when there was none. */
    boolean unlike(long voiceId, long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("delete from voice_like where voice_id = ? and member_id = ?")) {
                ps.setLong(1, voiceId);
                ps.setLong(2, member);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Posts (not replies) of these authors, newest first, {@code limit} from {@code offset}. */
    List<Voice> posts(List<Long> authors, int offset, int limit) {
        if (authors.isEmpty()) {
            return List.of();
        }
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from voice where reply_to is null and author_id in (" + Database.placeholders(authors.size())
                    + ") order by created_at desc, id desc offset ? rows fetch next ? rows only")) {
                int i = setIds(ps, 1, authors);
                ps.setInt(i, offset);
                ps.setInt(i + 1, limit);
                return voices(ps);
            }
        });
    }

    /** Replies under these posts, oldest first. */
    List<Voice> repliesTo(List<Long> postIds) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from voice where reply_to in ("
                    + Database.placeholders(postIds.size()) + ") order by created_at, id")) {
                setIds(ps, 1, postIds);
                return voices(ps);
            }
        });
    }

    /** イイネ! counts of these voices (none for a voice without one) and which the viewer gave. */
    Likes likes(long viewer, List<Long> voiceIds) {
        Map<Long, Integer> counts = new HashMap<>();
        Set<Long> mine = new HashSet<>();
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select voice_id, count(*), sum(case when member_id = ?"
                    + " then 1 else 0 end) from voice_like where voice_id in ("
                    + Database.placeholders(voiceIds.size()) + ") group by voice_id")) {
                ps.setLong(1, viewer);
                setIds(ps, 2, voiceIds);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getInt(2));
                        if (rs.getInt(3) > 0) {
                            mine.add(rs.getLong(1));
                        }
                    }
                }
            }
            return null;
        });
        return new Likes(counts, mine);
    }

    /** The number of voices (posts and replies) a member has posted. */
    int countBy(long author) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from voice where author_id = ?")) {
                ps.setLong(1, author);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Each author's newest {@code depth} posts, newest first, with who liked and who replied to them: three statements
     * per {@value #CHUNK} authors, however many posts. Every author asked for has a list, empty when they posted none.
     */
    Map<Long, List<Head>> newestPosts(List<Long> authors, int depth) {
        Map<Long, List<Head>> out = new HashMap<>();
        for (int from = 0; from < authors.size(); from += CHUNK) {
            List<Long> chunk = authors.subList(from, Math.min(authors.size(), from + CHUNK));
            out.putAll(database.jdbc(c -> newestPosts(c, chunk, depth)));
        }
        return out;
    }

    private static Map<Long, List<Head>> newestPosts(Connection c, List<Long> authors, int depth) throws SQLException {
        record Row(long id, long authorId, String body, Instant createdAt) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, author_id, body, created_at from (select v.id,"
                + " v.author_id, v.body, v.created_at, row_number() over (partition by v.author_id"
                + " order by v.created_at desc, v.id desc) as rn from voice v where v.reply_to is null and v.author_id in ("
                + Database.placeholders(authors.size()) + ")) t where rn <= ? order by created_at desc, id desc")) {
            int i = setIds(ps, 1, authors);
            ps.setInt(i, depth);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        Map<Long, List<Long>> likers = new HashMap<>();
        Map<Long, List<Long>> repliers = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Long> postIds = rows.stream().map(Row::id).toList();
            pairs(
                    c,
                    "select voice_id, member_id from voice_like where voice_id in (%s) order by 1, 2",
                    postIds,
                    likers);
            pairs(c, "select reply_to, author_id from voice where reply_to in (%s) order by 1", postIds, repliers);
        }
        Map<Long, List<Head>> out = new HashMap<>();
        authors.forEach(a -> out.put(a, new ArrayList<>()));
        for (Row r : rows) {
            out.get(r.authorId())
                    .add(new Head(
                            r.id(),
                            r.authorId(),
                            r.body(),
                            r.createdAt(),
                            array(likers.get(r.id())),
                            array(repliers.get(r.id()))));
        }
        out.replaceAll((a, list) -> List.copyOf(list));
        return out;
    }

    private static void pairs(Connection c, String sql, List<Long> ids, Map<Long, List<Long>> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(sql, Database.placeholders(ids.size())))) {
            setIds(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
    }

    /** Binds the ids from parameter {@code first} on; answers the next parameter's index. */
    private static int setIds(PreparedStatement ps, int first, List<Long> ids) throws SQLException {
        int i = first;
        for (Long id : ids) {
            ps.setLong(i++, id);
        }
        return i;
    }

    private static List<Voice> voices(PreparedStatement ps) throws SQLException {
        List<Voice> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(voice(rs));
            }
        }
        return out;
    }

    private static Voice voice(ResultSet rs) throws SQLException {
        return new Voice(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getObject(4, Long.class),
                rs.getTimestamp(5).toInstant());
    }

    private static long[] array(List<Long> ids) {
        return ids == null ? NONE : ids.stream().mapToLong(Long::longValue).toArray();
    }
}

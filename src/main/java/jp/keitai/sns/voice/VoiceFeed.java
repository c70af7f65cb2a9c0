package jp.keitai.sns.voice;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.NewestFirst;
import jp.keitai.sns.system.ReadCache;

/**
 * Each member's newest voices (posts, not replies), newest first, at most {@link #DEPTH}, with who liked them and who
 * replied, kept in memory for the home page's voice section (issue 9): the section merges its friends' lists instead
 * of querying, and counts likes and replies for the viewer from the ids (replies by members the viewer cannot deal
 * with are not counted, as on every other voice page). Dropped on every node when the author posts or deletes, and when
 * a post is liked, unliked, replied to or loses a reply ({@link #changed}).
 */
final class VoiceFeed {

    /** Posts kept per author: the home page's {@link VoiceHomeSection#SHOWN} and one more, to know of a next page. */
    static final int DEPTH = 6;

    private static final String TOPIC = "voice-feed";
    private static final long[] NONE = new long[0];

    /** One post as the feed keeps it; {@code likers} ascending, {@code replyAuthors} one per reply. */
    record Head(long id, long authorId, String body, Instant createdAt, long[] likers, long[] replyAuthors) {}

    /** One author's posts, newest first, as parallel arrays; {@code bodies} joined by NUL (bodies never hold one). */
    private record Packed(long[] ids, long[] millis, String bodies, long[][] likers, long[][] replyAuthors)
            implements NewestFirst {
        Head head(long author, int i) {
            int from = 0;
            for (int k = 0; k < i; k++) {
                from = bodies.indexOf('\0', from) + 1;
            }
            int to = bodies.indexOf('\0', from);
            return new Head(
                    ids[i],
                    author,
                    bodies.substring(from, to < 0 ? bodies.length() : to),
                    Instant.ofEpochMilli(millis[i]),
                    likers[i],
                    replyAuthors[i]);
        }

        static Packed of(List<Head> heads) {
            int n = heads.size();
            long[] ids = new long[n];
            long[] millis = new long[n];
            long[][] likers = new long[n][];
            long[][] repliers = new long[n][];
            StringBuilder bodies = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Head h = heads.get(i);
                ids[i] = h.id();
                millis[i] = h.createdAt().toEpochMilli();
                likers[i] = h.likers();
                repliers[i] = h.replyAuthors();
                if (i > 0) {
                    bodies.append('\0');
                }
                bodies.append(h.body().replace('\0', ' '));
            }
            return new Packed(ids, millis, bodies.toString(), likers, repliers);
        }
    }

    private final Database database;
    private final ReadCache<Long, Packed> byAuthor;

    VoiceFeed(Database database) {
        this.database = database;
        this.byAuthor = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.MEMBERS.get());
        database.changes().subscribe(TOPIC, byAuthor::invalidate);
        database.changes().onReset(byAuthor::clear);
    }

    /** Call in the transaction that changes one of the author's posts, its likes or its replies. */
    void changed(long author) {
        database.changes().publish(TOPIC, author);
    }

    /** The newest posts of these authors, merged, newest first, at most {@code limit}. */
    List<Head> latest(long[] authors, int limit) {
        Packed[] lists = byAuthor.getAll(authors, Packed[]::new, this::load);
        return NewestFirst.merge(Arrays.asList(lists), limit).stream()
                .map(p -> lists[p[0]].head(authors[p[0]], p[1]))
                .toList();
    }

    private Map<Long, Packed> load(Set<Long> authors) {
        Map<Long, Packed> out = new HashMap<>();
        List<Long> ids = List.copyOf(authors);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            database.jdbc(c -> loadChunk(c, chunk)).forEach((a, heads) -> out.put(a, Packed.of(heads)));
        }
        return out;
    }

    private static Map<Long, List<Head>> loadChunk(java.sql.Connection c, List<Long> authors) throws SQLException {
        record Row(long id, long authorId, String body, Instant createdAt) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, author_id, body, created_at from (select v.id,"
                + " v.author_id, v.body, v.created_at, row_number() over (partition by v.author_id"
                + " order by v.created_at desc, v.id desc) as rn from voice v where v.reply_to is null and v.author_id in ("
                + Database.placeholders(authors.size()) + ")) t where rn <= ? order by created_at desc, id desc")) {
            int i = 1;
            for (Long a : authors) {
                ps.setLong(i++, a);
            }
            ps.setInt(i, DEPTH);
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

    private static void pairs(java.sql.Connection c, String sql, List<Long> ids, Map<Long, List<Long>> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(sql, Database.placeholders(ids.size())))) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
    }

    private static long[] array(List<Long> ids) {
        return ids == null ? NONE : ids.stream().mapToLong(Long::longValue).toArray();
    }
}

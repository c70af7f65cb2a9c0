package jp.keitai.sns.diary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.NewestFirst;
import jp.keitai.sns.system.ReadCache;

/**
 * Each member's newest diaries that friends may see (every level but private), newest first, at most {@link #DEPTH},
 * kept in memory for the home page's マイミク最新日記 (issue 9): the section merges its friends' lists instead of
 * querying. Titles and counts only, never bodies, packed in a few arrays per author (100,000 authors fit in tens of
 * megabytes; see docs/performance.md). Dropped on every node when the author writes, edits or deletes a diary or its
 * comments change ({@link #changed}).
 */
final class DiaryFeed {

    /** How many diaries per author are kept: enough for the home page's {@link DiaryHomeSection#SHOWN}. */
    static final int DEPTH = 10;

    private static final String TOPIC = "diary-feed";
    private static final Visibility[] LEVELS = Visibility.values();

    /** One author's diaries, newest first, as parallel arrays; {@code titles} joined by NUL. */
    private record Packed(long[] ids, long[] millis, byte[] levels, int[] comments, String titles)
            implements NewestFirst {
        DiaryViews.Line line(long author, int i) {
            int from = 0;
            for (int k = 0; k < i; k++) {
                from = titles.indexOf('\0', from) + 1;
            }
            int to = titles.indexOf('\0', from);
            return new DiaryViews.Line(
                    ids[i],
                    author,
                    titles.substring(from, to < 0 ? titles.length() : to),
                    LEVELS[levels[i]],
                    Instant.ofEpochMilli(millis[i]),
                    comments[i]);
        }
    }

    private static final Packed EMPTY = new Packed(new long[0], new long[0], new byte[0], new int[0], "");

    private final Database database;
    private final ReadCache<Long, Packed> byAuthor;

    DiaryFeed(Database database) {
        this.database = database;
        this.byAuthor = ReadCache.ofIds(Long.getLong("sns.cache.members", 200_000));
        database.changes().subscribe(TOPIC, byAuthor::invalidate);
        database.changes().onReset(byAuthor::clear);
    }

    /** Call in the transaction that changes one of the author's diaries. */
    void changed(long author) {
        database.changes().publish(TOPIC, author);
    }

    /** The newest friends-visible diaries of these authors, merged, newest first, at most {@code limit}. */
    List<DiaryViews.Line> latest(long[] authors, int limit) {
        Packed[] lists = byAuthor.getAll(authors, Packed[]::new, this::load);
        return NewestFirst.merge(Arrays.asList(lists), limit).stream()
                .map(p -> lists[p[0]].line(authors[p[0]], p[1]))
                .toList();
    }

    private Map<Long, Packed> load(Set<Long> authors) {
        Map<Long, List<Object[]>> rows = new HashMap<>();
        List<Long> ids = List.copyOf(authors);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            database.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("select id, author_id, created_at, visibility, title,"
                        + " comment_count from (select d.*, row_number() over (partition by author_id"
                        + " order by created_at desc, id desc) as rn from diary d where author_id in ("
                        + Database.placeholders(chunk.size())
                        + ") and visibility <> ?) t where rn <= ? order by author_id, created_at desc, id desc")) {
                    int i = 1;
                    for (Long a : chunk) {
                        ps.setLong(i++, a);
                    }
                    ps.setString(i++, Visibility.PRIVATE.value());
                    ps.setInt(i, DEPTH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                                    .add(new Object[] {
                                        rs.getLong(1),
                                        rs.getTimestamp(3).toInstant().toEpochMilli(),
                                        (byte) Visibility.parse(rs.getString(4))
                                                .orElseThrow()
                                                .ordinal(),
                                        rs.getInt(6),
                                        rs.getString(5).replace('\0', ' ')
                                    });
                        }
                    }
                }
                return null;
            });
        }
        Map<Long, Packed> out = new HashMap<>();
        for (Long author : authors) {
            List<Object[]> list = rows.get(author);
            if (list == null) {
                out.put(author, EMPTY);
                continue;
            }
            int n = list.size();
            long[] idArr = new long[n];
            long[] millis = new long[n];
            byte[] levels = new byte[n];
            int[] comments = new int[n];
            StringBuilder titles = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Object[] r = list.get(i);
                idArr[i] = (Long) r[0];
                millis[i] = (Long) r[1];
                levels[i] = (Byte) r[2];
                comments[i] = (Integer) r[3];
                if (i > 0) {
                    titles.append('\0');
                }
                titles.append((String) r[4]);
            }
            out.put(author, new Packed(idArr, millis, levels, comments, titles.toString()));
        }
        return out;
    }
}

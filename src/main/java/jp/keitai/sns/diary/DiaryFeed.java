package jp.keitai.sns.diary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.NewestFirst;
import jp.keitai.sns.system.ReadCache;

/**
 * Each member's newest diaries, at most {@link #DEPTH} of each 公開範囲, kept in memory for the two pages that list
 * them: the home page's マイミク最新日記 merges its friends' lists ({@link #latest}) and the profile takes the owner's
 * newest at the levels its viewer may see ({@link #ofAuthor}). One copy serves both (the profile had a cache of its
 * own, about 115 MB for 100,000 authors; docs/performance.md). Titles and counts only, never bodies, packed in a few
 * arrays per author. Dropped on every node when the author writes, edits or deletes a diary or its comments change
 * ({@link #changed}).
 */
final class DiaryFeed {

    /**
     * How many diaries of each level are kept per author: the newest {@code n <= DEPTH} of any set of levels are among
     * the newest {@code n} of each, so this serves the home page's {@link DiaryHomeSection#SHOWN} and the profile.
     */
    static final int DEPTH = 10;

    private static final String TOPIC = "diary-feed";
    private static final Visibility[] LEVELS = Visibility.values();
    private static final byte PRIVATE = (byte) Visibility.PRIVATE.ordinal();

    /**
     * One author's diaries as parallel arrays: first the {@code shared} ones (every level but private) newest first,
     * then the private ones newest first; {@code titles} joined by NUL. The home page's merge sees only the shared
     * part ({@link #size}).
     */
    private record Packed(long[] ids, long[] millis, byte[] levels, int[] comments, String titles, int shared)
            implements NewestFirst {
        @Override
        public int size() {
            return shared;
        }

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

    private static final Packed EMPTY = new Packed(new long[0], new long[0], new byte[0], new int[0], "", 0);

    private final Database database;
    private final ReadCache<Long, Packed> byAuthor;

    DiaryFeed(Database database) {
        this.database = database;
        this.byAuthor = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.MEMBERS.get());
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

    /**
     * The author's newest diaries at these levels, newest first, at most {@code limit} (no more than {@link #DEPTH}).
     */
    List<DiaryViews.Line> ofAuthor(long author, Set<Visibility> levels, int limit) {
        if (limit > DEPTH) {
            throw new IllegalArgumentException("at most " + DEPTH + " diaries are kept per level, asked " + limit);
        }
        Packed p = byAuthor.get(author, a -> load(Set.of(a)).get(a));
        List<DiaryViews.Line> out = new ArrayList<>();
        for (int i = 0; i < p.ids().length; i++) {
            if (levels.contains(LEVELS[p.levels()[i]])) {
                out.add(p.line(author, i));
            }
        }
        // the shared part and the private part are each newest first; put them in one order
        out.sort(Comparator.comparing(DiaryViews.Line::createdAt)
                .thenComparingLong(DiaryViews.Line::id)
                .reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private Map<Long, Packed> load(Set<Long> authors) {
        Map<Long, List<Object[]>> rows = new HashMap<>();
        List<Long> ids = List.copyOf(authors);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            database.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("select id, author_id, created_at, visibility, title,"
                        + " comment_count from (select d.*, row_number() over (partition by author_id, visibility"
                        + " order by created_at desc, id desc) as rn from diary d where author_id in ("
                        + Database.placeholders(chunk.size())
                        + ")) t where rn <= ? order by author_id, created_at desc, id desc")) {
                    int i = 1;
                    for (Long a : chunk) {
                        ps.setLong(i++, a);
                    }
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
            // the shared ones first, then the private ones, each newest first as the query gave them
            List<Object[]> ordered = new ArrayList<>(list.size());
            list.stream().filter(r -> (Byte) r[2] != PRIVATE).forEach(ordered::add);
            int shared = ordered.size();
            list.stream().filter(r -> (Byte) r[2] == PRIVATE).forEach(ordered::add);
            int n = ordered.size();
            long[] idArr = new long[n];
            long[] millis = new long[n];
            byte[] levels = new byte[n];
            int[] comments = new int[n];
            StringBuilder titles = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Object[] r = ordered.get(i);
                idArr[i] = (Long) r[0];
                millis[i] = (Long) r[1];
                levels[i] = (Byte) r[2];
                comments[i] = (Integer) r[3];
                if (i > 0) {
                    titles.append('\0');
                }
                titles.append((String) r[4]);
            }
            out.put(author, new Packed(idArr, millis, levels, comments, titles.toString(), shared));
        }
        return out;
    }
}

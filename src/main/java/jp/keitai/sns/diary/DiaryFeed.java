package jp.keitai.sns.diary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * Each member's newest diaries that friends may see (every level but private), newest first, at most {@link #DEPTH},
 * kept in memory for the home page's マイミク最新日記 (issue 9): the section merges its friends' lists instead of
 * querying. Titles and counts only, never bodies. Dropped on every node when the author writes, edits or deletes a diary
 * or its comments change ({@link #changed}).
 */
final class DiaryFeed {

    /** How many diaries per author are kept: enough for the home page's {@link DiaryHomeSection#SHOWN}. */
    static final int DEPTH = 10;

    private static final String TOPIC = "diary-feed";

    private final Database database;
    private final ReadCache<Long, List<DiaryViews.Line>> byAuthor;

    DiaryFeed(Database database) {
        this.database = database;
        this.byAuthor = new ReadCache<>(Long.getLong("sns.cache.members", 200_000));
        database.changes().subscribe(TOPIC, byAuthor::invalidate);
        database.changes().onReset(byAuthor::clear);
    }

    /** Call in the transaction that changes one of the author's diaries. */
    void changed(long author) {
        database.changes().publish(TOPIC, author);
    }

    /** The newest friends-visible diaries of these authors, merged, newest first, at most {@code limit}. */
    List<DiaryViews.Line> latest(Collection<Long> authors, int limit) {
        List<DiaryViews.Line> all = new ArrayList<>();
        byAuthor.getAll(authors, this::load).values().forEach(all::addAll);
        all.sort((a, b) -> {
            int c = b.createdAt().compareTo(a.createdAt());
            return c != 0 ? c : Long.compare(b.id(), a.id());
        });
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    private Map<Long, List<DiaryViews.Line>> load(Set<Long> authors) {
        Map<Long, List<DiaryViews.Line>> out = new HashMap<>();
        authors.forEach(a -> out.put(a, new ArrayList<>()));
        List<Long> ids = List.copyOf(authors);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            database.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("select id, author_id, created_at, visibility, title,"
                        + " comment_count from (select d.*, row_number() over (partition by author_id"
                        + " order by created_at desc, id desc) as rn from diary d where author_id in ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?"))
                        + ") and visibility <> ?) t where rn <= ? order by author_id, created_at desc, id desc")) {
                    int i = 1;
                    for (Long a : chunk) {
                        ps.setLong(i++, a);
                    }
                    ps.setString(i++, Visibility.PRIVATE.value());
                    ps.setInt(i, DEPTH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.get(rs.getLong(2))
                                    .add(new DiaryViews.Line(
                                            rs.getLong(1),
                                            rs.getLong(2),
                                            rs.getString(5),
                                            Visibility.parse(rs.getString(4)).orElseThrow(),
                                            rs.getTimestamp(3).toInstant(),
                                            rs.getInt(6)));
                        }
                    }
                }
                return null;
            });
        }
        out.replaceAll((a, list) -> List.copyOf(list));
        return out;
    }
}

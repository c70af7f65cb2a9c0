package jp.keitai.sns.diary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.NewestFirst;
import jp.keitai.sns.system.ReadCache;

/**
 * What the hot pages read of diaries, kept in memory; the only class in {@code diary} that caches. Two copies:
 *
 * <ul>
 *   <li>each diary's page rows (the diary, its comments and photos, all detached and never changed), by diary id;
 *   <li>each author's newest diaries, at most {@link #DEPTH} of each 公開範囲, by author id: the home page's
 *       マイミク最新日記 merges its friends' lists ({@link #latest}) and the profile takes the owner's newest at the
 *       levels its viewer may see ({@link #ofAuthor}). One copy serves both pages, as titles and counts only, never
 *       bodies, packed in a few arrays per author, so that every active author fits.
 * </ul>
 *
 * Every write to a diary, its photos or comments calls {@link #changed} in its transaction, and every node drops its
 * copies once it commits. Only rows are kept: who may see them is the caller's question, asked on every read. Inside
 * a transaction every answer comes from the database, so a test (or a writer) can compare the two.
 */
@ApplicationScoped
public class DiaryFeed {

    /**
     * How many diaries of each level are kept per author: the newest {@code n <= DEPTH} of any set of levels are among
     * the newest {@code n} of each, so this serves the home page's {@link DiaryHomeSection#SHOWN} and the profile.
     */
    static final int DEPTH = 10;

    private static final String DIARY_TOPIC = "diary";
    private static final String AUTHOR_TOPIC = "diary-feed";
    private static final Visibility[] LEVELS = Visibility.values();
    private static final byte PRIVATE = (byte) Visibility.PRIVATE.ordinal();

    /** What a diary's page shows of its rows. */
    public record PageRows(Diary diary, List<DiaryComment> comments, List<DiaryPhoto> photos) {}

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

    @Inject
    Database database;

    @Inject
    DiaryStore diaries;

    @Inject
    CommentStore comments;

    @Inject
    DiaryRowStore rows;

    private ReadCache<Long, PageRows> byDiary;
    /** The writers of each diary's comments (one entry per comment), for the counts lists show. */
    private ReadCache<Long, long[]> commenters;

    private ReadCache<Long, Packed> byAuthor;

    protected DiaryFeed() {}

    DiaryFeed(Database database, DiaryStore diaries, CommentStore comments, DiaryRowStore rows) {
        this.database = database;
        this.diaries = diaries;
        this.comments = comments;
        this.rows = rows;
        init();
    }

    @PostConstruct
    void init() {
        byDiary = ReadCache.ofIds(
                CacheSize.DIARIES.get(), CacheSize.DIARIES_MB.get() * 1024L * 1024L, DiaryFeed::bytesOf);
        byAuthor = ReadCache.ofIds(CacheSize.MEMBERS.get());
        commenters = ReadCache.ofIds(CacheSize.DIARIES.get());
        database.changes().subscribe(DIARY_TOPIC, byDiary::invalidate);
        database.changes().subscribe(DIARY_TOPIC, commenters::invalidate);
        database.changes().onReset(byDiary::clear);
        database.changes().onReset(commenters::clear);
        database.changes().subscribe(AUTHOR_TOPIC, byAuthor::invalidate);
        database.changes().onReset(byAuthor::clear);
    }

    /**
     * Call in the transaction that changes a diary (its text, level, photos or comments), creates or deletes one: every
     * node drops its copies of the diary and of the author's newest list once the transaction commits.
     */
    public void changed(long diaryId, long authorId) {
        database.changes().publish(DIARY_TOPIC, diaryId);
        database.changes().publish(AUTHOR_TOPIC, authorId);
    }

    /** The diary, or null. */
    public Diary diary(long id) {
        if (database.inTransaction()) {
            return diaries.find(id);
        }
        PageRows p = cached(id);
        return p == null ? null : p.diary();
    }

    /**
     * The comments and photos to show with {@code d}, as {@link #diary} returned it: the kept ones while that copy is
     * still the one kept, else read now (the diary changed in between, or this is a transaction).
     */
    public PageRows page(Diary d) {
        PageRows kept = database.inTransaction() ? null : cached(d.getId());
        if (kept != null && kept.diary() == d) {
            return kept;
        }
        return new PageRows(d, comments.of(d.getId()), diaries.photosOf(d.getId()));
    }

    /** About the heap a kept diary page takes: its texts in UTF-16 and the objects around them. */
    static int bytesOf(PageRows p) {
        long n = 300
                + 2L * (length(p.diary().getTitle()) + length(p.diary().getBody()))
                + 64L * p.photos().size();
        for (DiaryComment c : p.comments()) {
            n += 120 + 2L * length(c.getBody());
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private PageRows cached(long id) {
        return byDiary.get(id, key -> {
            Diary d = diaries.find(key);
            return d == null
                    ? null
                    : new PageRows(d, List.copyOf(comments.of(key)), List.copyOf(diaries.photosOf(key)));
        });
    }

    /**
     * The writers of these diaries' comments, one entry per comment, by diary id: from memory outside a transaction
     * (loaded in one query for those not kept).
     */
    public Map<Long, long[]> commenters(java.util.Collection<Long> diaryIds) {
        if (database.inTransaction()) {
            return comments.authorsOf(new java.util.HashSet<>(diaryIds));
        }
        return commenters.getAll(diaryIds, comments::authorsOf);
    }

    /** Whether {@link #latest} may answer for this many: outside transactions, and no more than are kept. */
    public boolean keeps(int limit) {
        return !database.inTransaction() && limit <= DEPTH;
    }

    /** The newest friends-visible diaries of these authors, merged, newest first, at most {@code limit}. */
    public List<DiaryViews.Line> latest(long[] authors, int limit) {
        if (!keeps(limit)) {
            throw new IllegalArgumentException("at most " + DEPTH + " diaries are kept per level, asked " + limit);
        }
        Packed[] lists = byAuthor.getAll(authors, Packed[]::new, this::load);
        return NewestFirst.merge(Arrays.asList(lists), limit).stream()
                .map(p -> lists[p[0]].line(authors[p[0]], p[1]))
                .toList();
    }

    /** The author's newest diaries at these levels (not empty), newest first, at most {@code limit}. */
    public List<DiaryViews.Line> ofAuthor(long author, Set<Visibility> levels, int limit) {
        if (!keeps(limit)) {
            return diaries.latest(author, levels, limit).stream()
                    .map(DiaryViews.Line::of)
                    .toList();
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
        Map<Long, List<DiaryViews.Line>> found = rows.newestPerLevel(authors, DEPTH);
        Map<Long, Packed> out = new HashMap<>();
        for (Long author : authors) {
            List<DiaryViews.Line> list = found.get(author);
            out.put(author, list == null ? EMPTY : pack(list));
        }
        return out;
    }

    /** Packs one author's lines (newest first): the shared ones first, then the private ones, each newest first. */
    private static Packed pack(List<DiaryViews.Line> list) {
        List<DiaryViews.Line> ordered = new ArrayList<>(list.size());
        list.stream().filter(l -> l.level().ordinal() != PRIVATE).forEach(ordered::add);
        int shared = ordered.size();
        list.stream().filter(l -> l.level().ordinal() == PRIVATE).forEach(ordered::add);
        int n = ordered.size();
        long[] ids = new long[n];
        long[] millis = new long[n];
        byte[] levels = new byte[n];
        int[] counts = new int[n];
        StringBuilder titles = new StringBuilder();
        for (int i = 0; i < n; i++) {
            DiaryViews.Line l = ordered.get(i);
            ids[i] = l.id();
            millis[i] = l.createdAt().toEpochMilli();
            levels[i] = (byte) l.level().ordinal();
            counts[i] = l.commentCount();
            if (i > 0) {
                titles.append('\0');
            }
            titles.append(l.title().replace('\0', ' '));
        }
        return new Packed(ids, millis, levels, counts, titles.toString(), shared);
    }
}

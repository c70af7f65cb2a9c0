package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.Database;

/**
 * The {@code diary} and {@code diary_photo} tables through JPA: one diary and its photos, locked for a change, and
 * the lists of a member's diaries. New diary rows are written by {@link DiaryRowStore}; comments are {@link
 * CommentStore}'s. Lists take the levels the viewer may see, never none (callers answer "nothing" without asking); a
 * level is stored as its {@link Visibility#value()}.
 *
 * <p>Reads use an entity manager of their own, so a read inside a transaction sees what is committed. Methods named
 * "in the caller's transaction" join it, so their entities are managed there and their changes commit with it.
 */
@ApplicationScoped
public class DiaryStore {

    /** The order of every list: newest first, the id breaking ties. */
    private static final String NEWEST_FIRST = " order by d.createdAt desc, d.id desc";

    @Inject
    Database database;

    protected DiaryStore() {}

    DiaryStore(Database database) {
        this.database = database;
    }

    /** The diary, or null. */
    public Diary find(long id) {
        return database.read(em -> em.find(Diary.class, id));
    }

    /** In the caller's transaction: the diary locked for writing (its comment numbers, text and photos), or null. */
    public Diary lock(long id) {
        return joined(em -> em.find(Diary.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Photos of a diary, in position order. */
    public List<DiaryPhoto> photosOf(long diaryId) {
        return database.read(em -> em.createQuery(
                        "select p from DiaryPhoto p where p.diaryId = :d order by p.position", DiaryPhoto.class)
                .setParameter("d", diaryId)
                .getResultList());
    }

    /** In the caller's transaction: a new diary's photos, at positions 1, 2, … in this order. */
    public void addPhotos(long diaryId, List<PhotoStore.Stored> stored, Instant at) {
        joined(em -> {
            int position = 1;
            for (PhotoStore.Stored s : stored) {
                em.persist(new DiaryPhoto(diaryId, position++, s, at));
            }
            if (!stored.isEmpty()) {
                em.flush();
            }
            return null;
        });
    }

    /**
     * In the caller's transaction: removes the photos at these positions, then adds the new ones at the lowest free
     * positions (the removal is flushed first: a position is unique per diary). Returns the removed photos, whose files
     * the caller deletes once the change has committed.
     */
    public List<DiaryPhoto> replacePhotos(
            long diaryId, Set<Integer> remove, List<PhotoStore.Stored> added, Instant at) {
        return joined(em -> {
            List<DiaryPhoto> removed = new ArrayList<>();
            Set<Integer> taken = new TreeSet<>();
            for (DiaryPhoto p : em.createQuery("select p from DiaryPhoto p where p.diaryId = :d", DiaryPhoto.class)
                    .setParameter("d", diaryId)
                    .getResultList()) {
                if (remove.contains(p.getPosition())) {
                    removed.add(p);
                    em.remove(p);
                } else {
                    taken.add(p.getPosition());
                }
            }
            em.flush();
            int position = 1;
            for (PhotoStore.Stored s : added) {
                while (taken.contains(position)) {
                    position++;
                }
                em.persist(new DiaryPhoto(diaryId, position, s, at));
                taken.add(position);
            }
            return removed;
        });
    }

    /** In the caller's transaction: deletes a diary (locked by {@link #lock}) and its photo rows; comments go first. */
    public void delete(Diary locked) {
        joined(em -> {
            em.createQuery("delete from DiaryPhoto p where p.diaryId = :d")
                    .setParameter("d", locked.getId())
                    .executeUpdate();
            em.remove(locked);
            return null;
        });
    }

    /** How many of the author's diaries are at these levels (in one month, yyyymm, unless null). */
    public long count(long author, Collection<Visibility> levels, Integer month) {
        return database.read(em -> {
            var q = em.createQuery(
                            "select count(d) from Diary d where d.authorId = :a and d.visibility in :l"
                                    + monthFilter(month),
                            Long.class)
                    .setParameter("a", author)
                    .setParameter("l", values(levels));
            if (month != null) {
                q.setParameter("m", month);
            }
            return q.getSingleResult();
        });
    }

    /** A page of the author's diaries at these levels (in one month unless null), newest first. */
    public List<Diary> page(long author, Collection<Visibility> levels, Integer month, int first, int size) {
        return database.read(em -> {
            var q = em.createQuery(
                            "select d from Diary d where d.authorId = :a and d.visibility in :l" + monthFilter(month)
                                    + NEWEST_FIRST,
                            Diary.class)
                    .setParameter("a", author)
                    .setParameter("l", values(levels));
            if (month != null) {
                q.setParameter("m", month);
            }
            return q.setFirstResult(first).setMaxResults(size).getResultList();
        });
    }

    private static String monthFilter(Integer month) {
        return month == null ? "" : " and d.monthJst = :m";
    }

    /** The months the author wrote diaries at these levels in, newest first, with how many. */
    public List<DiaryViews.Month> months(long author, Collection<Visibility> levels) {
        return database.read(em -> em
                .createQuery(
                        "select d.monthJst, count(d) from Diary d where d.authorId = :a and d.visibility in :l"
                                + " group by d.monthJst order by d.monthJst desc",
                        Object[].class)
                .setParameter("a", author)
                .setParameter("l", values(levels))
                .getResultList()
                .stream()
                .map(r -> new DiaryViews.Month(((Number) r[0]).intValue(), ((Number) r[1]).longValue()))
                .toList());
    }

    /** The author's newest diaries at these levels, at most {@code limit}. */
    public List<Diary> latest(long author, Collection<Visibility> levels, int limit) {
        return database.read(em -> em.createQuery(
                        "select d from Diary d where d.authorId = :a and d.visibility in :l" + NEWEST_FIRST,
                        Diary.class)
                .setParameter("a", author)
                .setParameter("l", values(levels))
                .setMaxResults(limit)
                .getResultList());
    }

    /** The newest diaries of any of these authors at these levels, at most {@code limit}, in one query. */
    public List<Diary> latestOf(List<Long> authors, Collection<Visibility> levels, int limit) {
        return database.read(em -> em.createQuery(
                        "select d from Diary d where d.authorId in :f and d.visibility in :l" + NEWEST_FIRST,
                        Diary.class)
                .setParameter("f", authors)
                .setParameter("l", values(levels))
                .setMaxResults(limit)
                .getResultList());
    }

    /** The newest diaries about a news article, whoever wrote them, at most {@code limit}. */
    public List<Diary> aboutNews(long articleId, int limit) {
        return database.read(
                em -> em.createQuery("select d from Diary d where d.newsArticleId = :n" + NEWEST_FIRST, Diary.class)
                        .setParameter("n", articleId)
                        .setMaxResults(limit)
                        .getResultList());
    }

    private static List<String> values(Collection<Visibility> levels) {
        return levels.stream().map(Visibility::value).toList();
    }

    private <T> T joined(Function<EntityManager, T> work) {
        if (!database.inTransaction()) {
            throw new IllegalStateException("runs in the caller's transaction");
        }
        return database.tx(work);
    }
}

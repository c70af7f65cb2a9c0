package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.keitai.sns.system.Database;

/**
 * The {@code diary_comment} table through JPA. A comment's number comes from its diary's row ({@link
 * Diary#takeCommentNumber}), locked by {@link DiaryStore#lock} in the same transaction, so writes here run in the
 * caller's transaction.
 */
@ApplicationScoped
public class CommentStore {

    @Inject
    Database database;

    protected CommentStore() {}

    CommentStore(Database database) {
        this.database = database;
    }

    /** A diary's comments in number order. */
    public List<DiaryComment> of(long diaryId) {
        return database.read(em -> em.createQuery(
                        "select c from DiaryComment c where c.diaryId = :d order by c.number", DiaryComment.class)
                .setParameter("d", diaryId)
                .getResultList());
    }

    /**
     * The writers of each diary's comments, in number order, one entry per comment; every diary asked gets an array,
     * maybe empty. One query.
     */
    public java.util.Map<Long, long[]> authorsOf(java.util.Set<Long> diaryIds) {
        java.util.Map<Long, List<Long>> found = new java.util.HashMap<>();
        if (!diaryIds.isEmpty()) {
            database.read(em -> em.createQuery(
                                    "select c.diaryId, c.authorId from DiaryComment c where c.diaryId in :ids"
                                            + " order by c.diaryId, c.number",
                                    Object[].class)
                            .setParameter("ids", List.copyOf(diaryIds))
                            .getResultList())
                    .forEach(row -> found.computeIfAbsent(
                                    ((Number) row[0]).longValue(), k -> new java.util.ArrayList<>())
                            .add(((Number) row[1]).longValue()));
        }
        java.util.Map<Long, long[]> out = new java.util.HashMap<>();
        for (Long id : diaryIds) {
            out.put(
                    id,
                    found.getOrDefault(id, List.of()).stream()
                            .mapToLong(Long::longValue)
                            .toArray());
        }
        return out;
    }

    /** In the caller's transaction: comment {@code number} of a diary, if there is one. */
    public Optional<DiaryComment> find(long diaryId, int number) {
        return joined(em -> em
                .createQuery("select c from DiaryComment c where c.diaryId = :d and c.number = :n", DiaryComment.class)
                .setParameter("d", diaryId)
                .setParameter("n", number)
                .getResultList()
                .stream()
                .findFirst());
    }

    /** In the caller's transaction: writes the comment at once (its number is unique per diary). */
    public void add(DiaryComment comment) {
        joined(em -> {
            em.persist(comment);
            em.flush();
            return null;
        });
    }

    /** In the caller's transaction: removes a comment {@link #find} returned. */
    public void remove(DiaryComment comment) {
        joined(em -> {
            em.remove(comment);
            return null;
        });
    }

    /** In the caller's transaction: deletes every comment of a diary (before the diary itself). */
    public void deleteAll(long diaryId) {
        joined(em -> em.createQuery("delete from DiaryComment c where c.diaryId = :d")
                .setParameter("d", diaryId)
                .executeUpdate());
    }

    private <T> T joined(Function<EntityManager, T> work) {
        if (!database.inTransaction()) {
            throw new IllegalStateException("runs in the caller's transaction");
        }
        return database.tx(work);
    }
}

package jp.keitai.sns.diary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * Diaries, their comments and photos. Every read takes the viewer and asks {@link AccessPolicy}: single diaries with
 * {@code canSee}, lists and counts with {@code visibleLevels} turned into {@code visibility in (…)}. A diary the viewer
 * may not see is answered exactly like one that does not exist.
 *
 * <p>Hot pages read from memory (issue 9): a diary's page (the diary, its comments and its photo list) is kept by diary
 * id, and each author's newest diaries per level (for the home page and the profile, {@link DiaryFeed}) by author id.
 * Every write here publishes the diary and its author ({@link #changed}) in its transaction, so every node drops its
 * copies once it commits. Only the rows are kept: who may see them is asked of {@link AccessPolicy} on every read, and
 * nicknames come from the member service's own copy. Reads inside a transaction go to the database.
 */
@ApplicationScoped
public class DiaryService {

    private static final Logger LOG = Logger.getLogger(DiaryService.class.getName());

    public static final int MAX_BODY = 10_000;
    public static final int MAX_TITLE = 100;
    public static final int MAX_COMMENT = 1_000;
    public static final int MAX_PHOTOS = 3;
    public static final int PAGE_SIZE = 10;
    public static final String UNTITLED = "(無題)";

    /** The result of a change: the diary id (or comment number), or a problem to show the member. */
    public record Outcome(long id, String problem) {
        static Outcome ok(long id) {
            return new Outcome(id, null);
        }

        static Outcome refused(String problem) {
            return new Outcome(0, problem);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    SocialGraph graph;

    @Inject
    MemberService members;

    @Inject
    PhotoStore photos;

    @Inject
    Mailer mailer;

    /** Authors' newest diaries in memory, for the home page (issue 9). */
    private DiaryFeed feed;

    /** What a diary's page shows of its rows: the diary, its comments and photos (all detached, never changed). */
    record Cached(Diary diary, List<DiaryComment> comments, List<DiaryPhoto> photos) {}

    static final String DIARY_TOPIC = "diary";

    private ReadCache<Long, Cached> pages;

    protected DiaryService() {}

    public DiaryService(
            Database database,
            AccessPolicy policy,
            SocialGraph graph,
            MemberService members,
            PhotoStore photos,
            Mailer mailer) {
        this.database = database;
        this.policy = policy;
        this.graph = graph;
        this.members = members;
        this.photos = photos;
        this.mailer = mailer;
        init();
    }

    @PostConstruct
    void init() {
        pages = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.DIARIES.get());
        feed = new DiaryFeed(database);
        database.changes().subscribe(DIARY_TOPIC, pages::invalidate);
        database.changes().onReset(pages::clear);
    }

    /**
     * Call in the transaction that changes a diary (its text, level, photos or comments), creates or deletes one: every
     * node drops its copies of the diary and of the author's latest list once the transaction commits.
     */
    void changed(long diaryId, long authorId) {
        database.changes().publish(DIARY_TOPIC, diaryId);
        feed.changed(authorId);
    }

    // ---- writing

    /**
     * Writes a diary. Photos are checked and stored first; any problem leaves nothing behind. Inside a caller's
     * transaction (the mail worker's) the diary commits with it.
     */
    public Outcome create(
            long author, String title, String body, String visibility, List<byte[]> photoBytes, boolean viaMail) {
        String problem = check(title, body, visibility, photoBytes.size());
        if (problem != null) {
            return Outcome.refused(problem);
        }
        Optional<MemberSummary> m = members.find(author);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            return Outcome.refused("アカウントが停止されているため投稿できません。");
        }
        return insert(author, title, body, visibility, photoBytes, viaMail);
    }

    /**
     * Writes a diary posted by mail, in the mail worker's transaction. The route has just read the author (active, in
     * this same transaction), so the author is not read again here: that second read, through an entity manager of
     * its own, cost as much as the insert.
     */
    public Outcome createByMail(
            long activeAuthor, String title, String body, String visibility, List<byte[]> photoBytes) {
        String problem = check(title, body, visibility, photoBytes.size());
        if (problem != null) {
            return Outcome.refused(problem);
        }
        return insert(activeAuthor, title, body, visibility, photoBytes, true);
    }

    private Outcome insert(
            long author, String title, String body, String visibility, List<byte[]> photoBytes, boolean viaMail) {
        List<PhotoStore.Stored> stored = new ArrayList<>();
        try {
            for (byte[] b : photoBytes) {
                stored.add(photos.store(b));
            }
        } catch (PhotoStore.Refused e) {
            stored.forEach(s -> photos.delete(s.key(), s.format()));
            return Outcome.refused(e.getMessage());
        }
        try {
            long id = database.tx(em -> {
                Instant now = Clock.now();
                Diary d = new Diary(
                        author,
                        title.strip(),
                        normalise(body),
                        Visibility.parse(visibility).orElseThrow(),
                        viaMail,
                        now);
                // a plain INSERT: em.persist registers, copies and compares the entity at every flush, which was most
                // of the cost of a diary posted by mail. With an id reserved for this transaction's mail batch, it
                // waits for the batch's one INSERT just before the commit.
                MailBatch batch = viaMail && stored.isEmpty() ? reservedMailBatch() : null;
                long diaryId;
                if (batch != null && !batch.ids().isEmpty()) {
                    diaryId = batch.ids().remove(0);
                    batch.rows().add(new MailRow(diaryId, d));
                } else {
                    diaryId = database.jdbc(c -> insertRow(c, d));
                }
                int position = 1;
                for (PhotoStore.Stored s : stored) {
                    em.persist(new DiaryPhoto(diaryId, position++, s, now));
                }
                if (!stored.isEmpty()) {
                    em.flush();
                }
                changed(diaryId, author);
                return diaryId;
            });
            return Outcome.ok(id);
        } catch (RuntimeException e) {
            stored.forEach(s -> photos.delete(s.key(), s.format()));
            throw e;
        }
    }

    /**
     * Reserves ids for the diaries that the rest of this transaction posts by mail (the mail worker, before a batch of
     * diary mails): on PostgreSQL, {@code n} ids from the diary table's own sequence in one statement. Each of those
     * diaries then gets its id at once (for the confirmation mail) and is written with the others in one JDBC batch just
     * before the commit, instead of one INSERT round trip each. Elsewhere (H2), or outside a transaction, nothing
     * changes: each diary is inserted at once.
     */
    public void reserveMailIds(int n) {
        MailBatch batch = database.isPostgresql() && n > 1 ? mailBatch() : null;
        if (batch == null) {
            return;
        }
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select nextval(pg_get_serial_sequence('diary', 'id')) from generate_series(1, ?)")) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.ids().add(rs.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    /** This transaction's reserved ids and the diaries waiting for its commit; null outside a transaction. */
    private MailBatch mailBatch() {
        return database.transactionLocal(MAIL_BATCH, () -> {
            MailBatch b = new MailBatch(new ArrayList<>(), new ArrayList<>());
            database.beforeCommit(() -> database.jdbc(c -> insertRows(c, b.rows())));
            return b;
        });
    }

    /**
     * The batch {@link #reserveMailIds} made for this transaction, or null: a mailed diary without one is inserted at
     * once, and no empty batch is left to run its hook at the commit.
     */
    private MailBatch reservedMailBatch() {
        return database.transactionLocal(MAIL_BATCH, () -> null);
    }

    private static final String MAIL_BATCH = DiaryService.class.getName() + ".mailBatch";

    private record MailBatch(List<Long> ids, List<MailRow> rows) {}

    private record MailRow(long id, Diary diary) {}

    private static int insertRows(Connection c, List<MailRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into diary (id, " + MAILED_COLUMNS + ") values (?, " + MAILED_VALUES + ")")) {
            for (MailRow r : rows) {
                ps.setLong(1, r.id());
                bindMailed(ps, 2, r.diary());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    /** A mailed diary's columns, whichever way its id is chosen; {@link #bindMailed} fills their parameters. */
    private static final String MAILED_COLUMNS = "author_id, title, body, visibility, month_jst, comment_count,"
            + " next_comment_no, via_mail, created_at, updated_at";

    private static final String MAILED_VALUES = "?, ?, ?, ?, ?, 0, 1, ?, ?, ?";

    private static void bindMailed(PreparedStatement ps, int first, Diary d) throws SQLException {
        ps.setLong(first, d.getAuthorId());
        ps.setString(first + 1, d.getTitle());
        ps.setString(first + 2, d.getBody());
        ps.setString(first + 3, d.getVisibility());
        ps.setInt(first + 4, d.getMonthJst());
        ps.setBoolean(first + 5, d.isViaMail());
        Timestamp at = Timestamp.from(d.getCreatedAt());
        ps.setTimestamp(first + 6, at);
        ps.setTimestamp(first + 7, at);
    }

    private static long insertRow(Connection c, Diary d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into diary (" + MAILED_COLUMNS + ") values (" + MAILED_VALUES + ")", new String[] {"id"})) {
            bindMailed(ps, 1, d);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id for the new diary");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Changes a diary of one's own: text, level, photos removed (by position) and added. */
    public Outcome edit(
            long me,
            long id,
            String title,
            String body,
            String visibility,
            Set<Integer> removePhotos,
            List<byte[]> newPhotos) {
        Optional<Diary> existing = own(me, id);
        if (existing.isEmpty()) {
            return Outcome.refused("日記が見つかりません。");
        }
        List<DiaryPhoto> current = photosOf(id);
        long kept = current.stream()
                .filter(p -> !removePhotos.contains(p.getPosition()))
                .count();
        String problem = check(title, body, visibility, (int) kept + newPhotos.size());
        if (problem != null) {
            return Outcome.refused(problem);
        }
        List<PhotoStore.Stored> stored = new ArrayList<>();
        try {
            for (byte[] b : newPhotos) {
                stored.add(photos.store(b));
            }
        } catch (PhotoStore.Refused e) {
            stored.forEach(s -> photos.delete(s.key(), s.format()));
            return Outcome.refused(e.getMessage());
        }
        List<DiaryPhoto> removed = new ArrayList<>();
        database.run(em -> {
            Diary d = em.find(Diary.class, id, LockModeType.PESSIMISTIC_WRITE);
            Instant now = Clock.now();
            d.edit(title.strip(), normalise(body), Visibility.parse(visibility).orElseThrow(), now);
            Set<Integer> taken = new TreeSet<>();
            for (DiaryPhoto p : em.createQuery("select p from DiaryPhoto p where p.diaryId = :d", DiaryPhoto.class)
                    .setParameter("d", id)
                    .getResultList()) {
                if (removePhotos.contains(p.getPosition())) {
                    removed.add(p);
                    em.remove(p);
                } else {
                    taken.add(p.getPosition());
                }
            }
            em.flush();
            int position = 1;
            for (PhotoStore.Stored s : stored) {
                while (taken.contains(position)) {
                    position++;
                }
                em.persist(new DiaryPhoto(id, position, s, now));
                taken.add(position);
            }
            changed(id, d.getAuthorId());
        });
        removed.forEach(p -> photos.delete(p.getStorageKey(), p.getFormat()));
        return Outcome.ok(id);
    }

    /** Deletes a diary of one's own with its comments and photos. */
    public boolean delete(long me, long id) {
        if (own(me, id).isEmpty()) {
            return false;
        }
        List<DiaryPhoto> gone = photosOf(id);
        boolean deleted = database.tx(em -> {
            Diary d = em.find(Diary.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (d == null || d.getAuthorId() != me) {
                return false;
            }
            em.createQuery("delete from DiaryComment c where c.diaryId = :d")
                    .setParameter("d", id)
                    .executeUpdate();
            em.createQuery("delete from DiaryPhoto p where p.diaryId = :d")
                    .setParameter("d", id)
                    .executeUpdate();
            em.remove(d);
            changed(id, me);
            return true;
        });
        if (deleted) {
            gone.forEach(p -> photos.delete(p.getStorageKey(), p.getFormat()));
        }
        return deleted;
    }

    private static String check(String title, String body, String visibility, int photoCount) {
        if (title == null || title.isBlank()) {
            return "タイトルを入力してください。";
        }
        if (DiaryText.length(title.strip()) > MAX_TITLE) {
            return "タイトルは" + MAX_TITLE + "文字までです。";
        }
        if (body == null || body.isBlank()) {
            return "本文を入力してください。";
        }
        if (DiaryText.length(normalise(body)) > MAX_BODY) {
            return "本文は10,000文字までです。";
        }
        if (visibility == null || Visibility.parse(visibility).isEmpty()) {
            return "公開範囲を選んでください。";
        }
        if (photoCount > MAX_PHOTOS) {
            return "写真は" + MAX_PHOTOS + "枚までです。";
        }
        return null;
    }

    private static String normalise(String body) {
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    // ---- comments

    /**
     * Adds a comment; the commenter must be allowed to see the diary (and not be across a block). Mails the author
     * when they asked for comment notices.
     */
    public Outcome comment(long me, long diaryId, String body) {
        if (body == null || body.isBlank()) {
            return Outcome.refused("コメントを入力してください。");
        }
        String text = normalise(body);
        if (DiaryText.length(text) > MAX_COMMENT) {
            return Outcome.refused("コメントは" + MAX_COMMENT + "文字までです。");
        }
        Optional<Diary> seen = visible(me, diaryId);
        if (seen.isEmpty() || !policy.canInteract(me, seen.get().getAuthorId())) {
            return Outcome.refused("この日記にはコメントできません。");
        }
        long author = seen.get().getAuthorId();
        boolean notify = author != me && settings(author).isCommentMail();
        Optional<MemberSummary> authorMember = notify ? members.find(author) : Optional.empty();
        String commenter = members.find(me).map(MemberSummary::nickname).orElse("");
        return database.tx(em -> {
            Diary d = em.find(Diary.class, diaryId, LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                return Outcome.refused("この日記にはコメントできません。");
            }
            int number = d.takeCommentNumber();
            em.persist(new DiaryComment(diaryId, number, me, text, Clock.now()));
            em.flush();
            changed(diaryId, d.getAuthorId());
            authorMember
                    .filter(a -> policy.canSee(author, author, d.visibility()))
                    .map(a -> a.mobileEmail() != null ? a.mobileEmail() : a.pcEmail())
                    .ifPresent(to -> notice(em, to, d, number, commenter));
            return Outcome.ok(number);
        });
    }

    private void notice(EntityManager em, String to, Diary d, int number, String commenter) {
        try {
            mailer.queue(
                    em,
                    to,
                    "diary/comment",
                    Map.of(
                            "title",
                            d.getTitle(),
                            "nickname",
                            commenter,
                            "number",
                            String.valueOf(number),
                            "path",
                            "/diary/" + d.getId() + "#c" + number));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "comment notice for diary " + d.getId() + " not queued", e);
        }
    }

    /** Deletes comment {@code number}: its writer may, and the diary's author may delete any. */
    public boolean deleteComment(long me, long diaryId, int number) {
        Optional<Diary> seen = visible(me, diaryId);
        if (seen.isEmpty()) {
            return false;
        }
        boolean author = seen.get().getAuthorId() == me;
        return database.tx(em -> {
            Diary d = em.find(Diary.class, diaryId, LockModeType.PESSIMISTIC_WRITE);
            List<DiaryComment> found = em.createQuery(
                            "select c from DiaryComment c where c.diaryId = :d and c.number = :n", DiaryComment.class)
                    .setParameter("d", diaryId)
                    .setParameter("n", number)
                    .getResultList();
            if (d == null || found.isEmpty() || !(author || found.get(0).getAuthorId() == me)) {
                return false;
            }
            em.remove(found.get(0));
            d.commentRemoved();
            changed(diaryId, d.getAuthorId());
            return true;
        });
    }

    // ---- reading

    /** The diary if the viewer (null = guest) may see it. */
    public Optional<Diary> visible(Long viewer, long id) {
        Diary d = database.inTransaction()
                ? database.read(em -> em.find(Diary.class, id))
                : Optional.ofNullable(cached(id)).map(Cached::diary).orElse(null);
        if (d == null || !policy.canSee(viewer, d.getAuthorId(), d.visibility())) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private Optional<Diary> own(long me, long id) {
        return visible(me, id).filter(d -> d.getAuthorId() == me);
    }

    /** A diary's page: text, photos, comments, for a viewer who may see it. */
    public Optional<DiaryViews.Page> page(Long viewer, long id) {
        Optional<Diary> seen = visible(viewer, id);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Diary d = seen.get();
        Cached rows = database.inTransaction() ? null : cached(id);
        List<DiaryComment> comments = rows != null && rows.diary() == d ? rows.comments() : commentsOf(id);
        List<DiaryPhoto> photoList = rows != null && rows.diary() == d ? rows.photos() : photosOf(id);
        Set<Long> names = new HashSet<>();
        names.add(d.getAuthorId());
        comments.forEach(c -> names.add(c.getAuthorId()));
        Map<Long, String> nick = members.nicknames(names);
        boolean mine = viewer != null && viewer == d.getAuthorId();
        List<DiaryViews.Comment> shown = comments.stream()
                .map(c -> new DiaryViews.Comment(
                        c,
                        nick.getOrDefault(c.getAuthorId(), ""),
                        mine || (viewer != null && c.getAuthorId() == viewer)))
                .toList();
        boolean canComment = viewer != null && policy.canInteract(viewer, d.getAuthorId());
        return Optional.of(
                new DiaryViews.Page(d, nick.getOrDefault(d.getAuthorId(), ""), photoList, shown, mine, canComment));
    }

    /** The diary's rows from memory, loaded on first use (null: no such diary). */
    private Cached cached(long id) {
        return pages.get(id, key -> {
            Diary d = database.read(em -> em.find(Diary.class, key));
            return d == null ? null : new Cached(d, List.copyOf(commentsOf(key)), List.copyOf(photosOf(key)));
        });
    }

    private List<DiaryComment> commentsOf(long id) {
        return database.read(em -> em.createQuery(
                        "select c from DiaryComment c where c.diaryId = :d order by c.number", DiaryComment.class)
                .setParameter("d", id)
                .getResultList());
    }

    /** The diary as JSON data, for a viewer who may see it (the same check as the page). */
    public Optional<Map<String, Object>> json(Long viewer, long id) {
        return page(viewer, id).map(p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", p.getId());
            out.put("author", Map.of("id", p.getAuthorId(), "nickname", p.getAuthorNickname()));
            out.put("title", p.getDiary().getTitle());
            out.put("body", p.getDiary().getBody());
            out.put("visibility", p.getDiary().getVisibility());
            out.put("createdAt", p.getDiary().getCreatedAt().toString());
            out.put("updatedAt", p.getDiary().getUpdatedAt().toString());
            out.put(
                    "photos",
                    p.getPhotos().stream()
                            .map(ph -> "/diary/" + id + "/photos/" + ph.getPosition())
                            .toList());
            out.put(
                    "comments",
                    p.getComments().stream()
                            .map(c -> {
                                Map<String, Object> m = new LinkedHashMap<>();
                                m.put("number", c.getNumber());
                                m.put("author", Map.of("id", c.getAuthorId(), "nickname", c.getAuthorNickname()));
                                m.put("body", c.getBody());
                                return m;
                            })
                            .toList());
            return out;
        });
    }

    /** Photos of a diary, in position order (callers have checked the diary is visible). */
    List<DiaryPhoto> photosOf(long diaryId) {
        return database.read(em -> em.createQuery(
                        "select p from DiaryPhoto p where p.diaryId = :d order by p.position", DiaryPhoto.class)
                .setParameter("d", diaryId)
                .getResultList());
    }

    /** A served copy of photo {@code position} of a diary, only if the viewer may see the diary. */
    public Optional<PhotoStore.Served> photo(
            Long viewer, long diaryId, int position, PhotoStore.Size size, List<String> formats) {
        if (visible(viewer, diaryId).isEmpty()) {
            return Optional.empty();
        }
        return photosOf(diaryId).stream()
                .filter(p -> p.getPosition() == position)
                .findFirst()
                .flatMap(p -> photos.serve(p, size, formats));
    }

    /**
     * A page of the owner's diaries the viewer may see, newest first, optionally one month (yyyymm); empty when the
     * viewer may not deal with the owner at all (a block, a suspended owner).
     */
    public Optional<DiaryViews.ListPage> list(Long viewer, long owner, Integer month, int page) {
        if (!policy.canInteract(viewer, owner)) {
            return Optional.empty();
        }
        List<String> levels = values(policy.visibleLevels(viewer, owner));
        String nickname = members.find(owner).map(MemberSummary::nickname).orElse("");
        if (levels.isEmpty()) {
            return Optional.of(new DiaryViews.ListPage(owner, nickname, List.of(), 0, 1, 1, month, List.of()));
        }
        String monthFilter = month == null ? "" : " and d.monthJst = :m";
        long total = database.read(em -> {
            var q = em.createQuery(
                            "select count(d) from Diary d where d.authorId = :a and d.visibility in :l" + monthFilter,
                            Long.class)
                    .setParameter("a", owner)
                    .setParameter("l", levels);
            if (month != null) {
                q.setParameter("m", month);
            }
            return q.getSingleResult();
        });
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<Diary> rows = database.read(em -> {
            var q = em.createQuery(
                            "select d from Diary d where d.authorId = :a and d.visibility in :l" + monthFilter
                                    + " order by d.createdAt desc, d.id desc",
                            Diary.class)
                    .setParameter("a", owner)
                    .setParameter("l", levels);
            if (month != null) {
                q.setParameter("m", month);
            }
            return q.setFirstResult((p - 1) * PAGE_SIZE)
                    .setMaxResults(PAGE_SIZE)
                    .getResultList();
        });
        List<DiaryViews.Month> months = database.read(em -> em
                .createQuery(
                        "select d.monthJst, count(d) from Diary d where d.authorId = :a and d.visibility in :l"
                                + " group by d.monthJst order by d.monthJst desc",
                        Object[].class)
                .setParameter("a", owner)
                .setParameter("l", levels)
                .getResultList()
                .stream()
                .map(r -> new DiaryViews.Month(((Number) r[0]).intValue(), ((Number) r[1]).longValue()))
                .toList());
        List<DiaryViews.Entry> entries =
                rows.stream().map(d -> new DiaryViews.Entry(d, nickname)).toList();
        return Optional.of(new DiaryViews.ListPage(owner, nickname, entries, total, p, pages, month, months));
    }

    /** The owner's latest diaries the viewer may see, newest first (for the profile page). */
    public List<DiaryViews.Entry> latest(Long viewer, long owner, int limit) {
        if (!policy.canInteract(viewer, owner)) {
            return List.of();
        }
        Set<Visibility> allowed = policy.visibleLevels(viewer, owner);
        if (allowed.isEmpty()) {
            return List.of();
        }
        if (!database.inTransaction() && limit <= DiaryFeed.DEPTH) {
            return feed.ofAuthor(owner, allowed, limit).stream()
                    .map(l -> new DiaryViews.Entry(l, ""))
                    .toList();
        }
        List<String> levels = values(allowed);
        return database
                .read(em -> em.createQuery(
                                "select d from Diary d where d.authorId = :a and d.visibility in :l"
                                        + " order by d.createdAt desc, d.id desc",
                                Diary.class)
                        .setParameter("a", owner)
                        .setParameter("l", levels)
                        .setMaxResults(limit)
                        .getResultList())
                .stream()
                .map(d -> new DiaryViews.Entry(d, ""))
                .toList();
    }

    /** How many of the owner's diaries the viewer may see. */
    public long count(Long viewer, long owner) {
        if (!policy.canInteract(viewer, owner)) {
            return 0;
        }
        List<String> levels = values(policy.visibleLevels(viewer, owner));
        if (levels.isEmpty()) {
            return 0;
        }
        return database.read(em -> em.createQuery(
                        "select count(d) from Diary d where d.authorId = :a and d.visibility in :l", Long.class)
                .setParameter("a", owner)
                .setParameter("l", levels)
                .getSingleResult());
    }

    /**
     * Friends' latest diaries the viewer may see, newest first. A fixed number of queries whatever the number of
     * friends: the friend ids, one query over their diaries at the levels a friend may see, then the policy's check
     * for each distinct author shown (at most {@code limit}) and their nicknames.
     */
    public List<DiaryViews.Entry> friendsLatest(long viewer, int limit) {
        if (database.inTransaction() || limit > DiaryFeed.DEPTH) {
            return friendsLatestFromDatabase(viewer, limit);
        }
        // from memory: friends see every level but private, so the policy's answer for FRIENDS covers them all
        List<DiaryViews.Line> shown = feed.latest(policy.visibleFriends(viewer), limit);
        Map<Long, String> nick =
                members.nicknames(shown.stream().map(DiaryViews.Line::authorId).toList());
        return shown.stream()
                .map(h -> new DiaryViews.Entry(h, nick.getOrDefault(h.authorId(), "")))
                .toList();
    }

    /** {@link #friendsLatest} read from the database: for any depth, and inside transactions. */
    List<DiaryViews.Entry> friendsLatestFromDatabase(long viewer, int limit) {
        List<Long> friends = graph.friendIds(viewer);
        if (friends.isEmpty()) {
            return List.of();
        }
        List<String> levels = values(AccessPolicy.levelsFor(Relation.FRIEND));
        List<Diary> rows = database.read(em -> em.createQuery(
                        "select d from Diary d where d.authorId in :f and d.visibility in :l"
                                + " order by d.createdAt desc, d.id desc",
                        Diary.class)
                .setParameter("f", friends)
                .setParameter("l", levels)
                .setMaxResults(limit * 2)
                .getResultList());
        // the policy answers for all authors at once, per level (at most three): no query per friend on /home
        Set<Long> authors = new java.util.LinkedHashSet<>();
        rows.forEach(d -> authors.add(d.getAuthorId()));
        Map<Visibility, Set<Long>> allowed = new java.util.EnumMap<>(Visibility.class);
        List<Diary> shown = new ArrayList<>();
        for (Diary d : rows) {
            if (shown.size() == limit) {
                break;
            }
            if (allowed.computeIfAbsent(d.visibility(), level -> policy.canSeeAmong(viewer, authors, level))
                    .contains(d.getAuthorId())) {
                shown.add(d);
            }
        }
        Map<Long, String> nick =
                members.nicknames(shown.stream().map(Diary::getAuthorId).toList());
        return shown.stream()
                .map(d -> new DiaryViews.Entry(d, nick.getOrDefault(d.getAuthorId(), "")))
                .toList();
    }

    private static List<String> values(Collection<Visibility> levels) {
        return levels.stream().map(Visibility::value).toList();
    }

    // ---- settings

    public DiaryViews.Settings settings(long member) {
        Map<Long, DiaryViews.Settings> known = database.transactionLocal(SETTINGS_PREFETCH, HashMap::new);
        if (known != null && known.containsKey(member)) {
            return known.get(member);
        }
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select default_visibility, comment_mail from diary_setting where member_id = ?")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new DiaryViews.Settings(rs.getString(1), rs.getBoolean(2));
                    }
                }
            }
            return new DiaryViews.Settings(Visibility.FRIENDS.value(), false);
        });
    }

    private static final String SETTINGS_PREFETCH = DiaryService.class.getName() + ".settings";

    /**
     * Reads these members' diary settings in one statement and keeps them for the rest of the current transaction,
     * where {@link #settings} answers from them (the mail worker, for a batch of diary mails).
     */
    public void prefetchSettings(java.util.Collection<Long> memberIds) {
        Map<Long, DiaryViews.Settings> known = database.transactionLocal(SETTINGS_PREFETCH, HashMap::new);
        List<Long> ids = memberIds.stream().distinct().toList();
        if (known == null || ids.isEmpty()) {
            return;
        }
        Map<Long, DiaryViews.Settings> found = new HashMap<>();
        ids.forEach(id -> found.put(id, new DiaryViews.Settings(Visibility.FRIENDS.value(), false)));
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select member_id, default_visibility, comment_mail from diary_setting where member_id in ("
                            + Database.placeholders(ids.size()) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), new DiaryViews.Settings(rs.getString(2), rs.getBoolean(3)));
                    }
                }
            }
            return null;
        });
        known.putAll(found);
    }

    /** Saves the default level and the comment-notice choice; returns a problem or null. */
    public String saveSettings(long member, String defaultVisibility, boolean commentMail) {
        if (defaultVisibility == null || Visibility.parse(defaultVisibility).isEmpty()) {
            return "公開範囲を選んでください。";
        }
        database.tx(em -> database.jdbc(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "update diary_setting set default_visibility = ?, comment_mail = ? where member_id = ?")) {
                ps.setString(1, defaultVisibility);
                ps.setBoolean(2, commentMail);
                ps.setLong(3, member);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into diary_setting (member_id, default_visibility, comment_mail) values (?, ?, ?)")) {
                    ps.setLong(1, member);
                    ps.setString(2, defaultVisibility);
                    ps.setBoolean(3, commentMail);
                    ps.executeUpdate();
                }
            }
            return null;
        }));
        return null;
    }
}

package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.live.LiveEvent;
import jp.keitai.sns.live.LiveEvents;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * Writing diaries: create (on the web or by mail), edit and delete one's own, within the limits below, and the
 * member's diary settings. Photos are files ({@link PhotoStore}) checked and stored before the transaction, so a
 * refused photo leaves nothing behind, and removed files are deleted only after the commit. Every write calls {@link
 * DiaryFeed#changed} in its transaction. What a viewer may read is {@link DiaryReader}'s; comments are {@link
 * CommentService}'s.
 */
@ApplicationScoped
public class DiaryService {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_TITLE = 100;
    public static final int MAX_PHOTOS = 3;
    public static final String UNTITLED = "(無題)";

    @Inject
    Database database;

    @Inject
    MemberService members;

    @Inject
    PhotoStore photos;

    @Inject
    DiaryStore store;

    @Inject
    CommentStore commentStore;

    @Inject
    DiaryRowStore rows;

    @Inject
    DiarySettingsStore settingsStore;

    @Inject
    DiaryFeed feed;

    @Inject
    DiaryReader reader;

    @Inject
    LiveEvents live;

    protected DiaryService() {}

    /**
     * The diary feature wired by hand, as CDI wires it (its stores, feed and reader made here), for tests outside this
     * package that build it with {@code new}. Comment notices are {@link CommentService}'s, so {@code mailer} is not
     * used; {@code photos} may be null where no diary has photos.
     */
    public DiaryService(
            Database database,
            AccessPolicy policy,
            SocialGraph graph,
            MemberService members,
            PhotoStore photos,
            Mailer mailer) {
        this.database = database;
        this.members = members;
        this.photos = photos;
        this.store = new DiaryStore(database);
        this.commentStore = new CommentStore(database);
        this.rows = new DiaryRowStore(database);
        this.settingsStore = new DiarySettingsStore(database);
        this.feed = new DiaryFeed(database, store, commentStore, rows);
        this.reader = new DiaryReader(policy, graph, members, photos, store, feed);
        this.live = new LiveEvents(database);
    }

    // ---- writing

    /**
     * Writes a diary. Photos are checked and stored first; any problem leaves nothing behind. Inside a caller's
     * transaction (the mail worker's) the diary commits with it.
     */
    public long create(
            long author, String title, String body, String visibility, List<byte[]> photoBytes, boolean viaMail) {
        DiaryForm.checkDiary(title, body, visibility, photoBytes.size());
        Optional<MemberSummary> m = members.find(author);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            throw new Refused("アカウントが停止されているため投稿できません。");
        }
        return insert(author, title, body, visibility, photoBytes, viaMail);
    }

    /** Writes a diary about a mixiニュース article (the news service has checked that the article exists). */
    public long createAboutNews(long author, String title, String body, String visibility, long newsArticleId) {
        DiaryForm.checkDiary(title, body, visibility, 0);
        Optional<MemberSummary> m = members.find(author);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            throw new Refused("アカウントが停止されているため投稿できません。");
        }
        return database.tx(em -> {
            Instant now = Clock.now();
            Diary d = new Diary(
                    author,
                    title.strip(),
                    DiaryText.normalise(body),
                    Visibility.parse(visibility).orElseThrow(),
                    false,
                    now);
            d.aboutNews(newsArticleId);
            long diaryId = rows.insert(d, false);
            feed.changed(diaryId, author);
            live.record(LiveEvent.DIARY, author, diaryId, null);
            return diaryId;
        });
    }

    /**
     * Writes a diary posted by mail, in the mail worker's transaction. The route has just read the author (active, in
     * this same transaction), so the author is not read again here: that second read, through an entity manager of
     * its own, costs as much as the insert.
     */
    public long createByMail(long activeAuthor, String title, String body, String visibility, List<byte[]> photoBytes) {
        DiaryForm.checkDiary(title, body, visibility, photoBytes.size());
        return insert(activeAuthor, title, body, visibility, photoBytes, true);
    }

    private long insert(
            long author, String title, String body, String visibility, List<byte[]> photoBytes, boolean viaMail) {
        List<PhotoStore.Stored> stored;
        try {
            stored = storePhotos(photoBytes);
        } catch (PhotoStore.Refused e) {
            throw new Refused(e.getMessage());
        }
        try {
            long id = database.tx(em -> {
                Instant now = Clock.now();
                Diary d = new Diary(
                        author,
                        title.strip(),
                        DiaryText.normalise(body),
                        Visibility.parse(visibility).orElseThrow(),
                        viaMail,
                        now);
                // photo rows need the diary row, so only a mailed diary without photos may wait for the mail batch
                long diaryId = rows.insert(d, viaMail && stored.isEmpty());
                store.addPhotos(diaryId, stored, now);
                feed.changed(diaryId, author);
                live.record(LiveEvent.DIARY, author, diaryId, null);
                return diaryId;
            });
            return id;
        } catch (RuntimeException e) {
            deleteFiles(stored);
            throw e;
        }
    }

    /**
     * Reserves ids for the diaries that the rest of this transaction posts by mail (the mail worker, before a batch of
     * diary mails), so that they are written in one batch at the commit; see {@link DiaryRowStore#reserveIds}.
     */
    public void reserveMailIds(int n) {
        rows.reserveIds(n);
    }

    /** Changes a diary of one's own: text, level, photos removed (by position) and added. */
    public long edit(
            long me,
            long id,
            String title,
            String body,
            String visibility,
            Set<Integer> removePhotos,
            List<byte[]> newPhotos) {
        if (own(me, id).isEmpty()) {
            throw new Refused("日記が見つかりません。");
        }
        long kept = store.photosOf(id).stream()
                .filter(p -> !removePhotos.contains(p.getPosition()))
                .count();
        DiaryForm.checkDiary(title, body, visibility, (int) kept + newPhotos.size());
        List<PhotoStore.Stored> stored;
        try {
            stored = storePhotos(newPhotos);
        } catch (PhotoStore.Refused e) {
            throw new Refused(e.getMessage());
        }
        List<DiaryPhoto> removed = database.tx(em -> {
            Diary d = store.lock(id);
            Instant now = Clock.now();
            d.edit(
                    title.strip(),
                    DiaryText.normalise(body),
                    Visibility.parse(visibility).orElseThrow(),
                    now);
            List<DiaryPhoto> gone = store.replacePhotos(id, removePhotos, stored, now);
            feed.changed(id, d.getAuthorId());
            return gone;
        });
        removed.forEach(p -> photos.delete(p.getStorageKey(), p.getFormat()));
        return id;
    }

    /** Deletes a diary of one's own with its comments and photos. */
    public boolean delete(long me, long id) {
        if (own(me, id).isEmpty()) {
            return false;
        }
        List<DiaryPhoto> gone = store.photosOf(id);
        boolean deleted = database.tx(em -> {
            Diary d = store.lock(id);
            if (d == null || d.getAuthorId() != me) {
                return false;
            }
            commentStore.deleteAll(id);
            store.delete(d);
            feed.changed(id, me);
            return true;
        });
        if (deleted) {
            gone.forEach(p -> photos.delete(p.getStorageKey(), p.getFormat()));
        }
        return deleted;
    }

    private Optional<Diary> own(long me, long id) {
        return reader.visible(me, id).filter(d -> d.getAuthorId() == me);
    }

    /** Checks and stores each photo's file; on a refused one, deletes those already stored. */
    private List<PhotoStore.Stored> storePhotos(List<byte[]> photoBytes) throws PhotoStore.Refused {
        List<PhotoStore.Stored> stored = new ArrayList<>();
        try {
            for (byte[] b : photoBytes) {
                stored.add(photos.store(b));
            }
        } catch (PhotoStore.Refused e) {
            deleteFiles(stored);
            throw e;
        }
        return stored;
    }

    private void deleteFiles(List<PhotoStore.Stored> stored) {
        stored.forEach(s -> photos.delete(s.key(), s.format()));
    }

    // ---- reading, for pages outside this package

    /** The owner's latest diaries the viewer may see, newest first (for the profile page). */
    public List<DiaryViews.Entry> latest(Long viewer, long owner, int limit) {
        return reader.latest(viewer, owner, limit);
    }

    /** Diaries about a news article the viewer may see (by the access policy), newest first. */
    public List<DiaryViews.Entry> aboutNews(Long viewer, long newsArticleId, int limit) {
        return reader.aboutNews(viewer, newsArticleId, limit, 200);
    }

    /** Friends' latest diaries the viewer may see, newest first (for the home page). */
    public List<DiaryViews.Entry> friendsLatest(long viewer, int limit) {
        return reader.friendsLatest(viewer, limit);
    }

    // ---- settings

    public DiaryViews.Settings settings(long member) {
        return settingsStore.find(member);
    }

    /**
     * Reads these members' diary settings in one statement and keeps them for the rest of the current transaction,
     * where {@link #settings} answers from them (the mail worker, for a batch of diary mails).
     */
    public void prefetchSettings(Collection<Long> memberIds) {
        settingsStore.prefetch(memberIds);
    }

    /** Saves the default level and the comment-notice choice; throws {@link Refused} unless the level is one. */
    public void saveSettings(long member, String defaultVisibility, boolean commentMail) {
        DiaryForm.checkLevel(defaultVisibility);
        database.tx(em -> {
            settingsStore.save(member, defaultVisibility, commentMail);
            return null;
        });
    }
}

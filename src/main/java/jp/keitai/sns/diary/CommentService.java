package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.live.LiveEvent;
import jp.keitai.sns.live.LiveEvents;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * Numbered comments on diaries. Whoever may see a diary (and is not across a block from its author) may comment;
 * numbers are never reused; a comment's writer may delete it, and the diary's author may delete any. The author is
 * mailed a notice when they asked for one ({@link DiaryViews.Settings#isCommentMail}), queued in the comment's
 * transaction.
 */
@ApplicationScoped
public class CommentService {

    private static final Logger LOG = Logger.getLogger(CommentService.class.getName());

    public static final int MAX_COMMENT = 1_000;

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    MemberService members;

    @Inject
    Mailer mailer;

    @Inject
    DiaryReader reader;

    @Inject
    DiaryStore diaries;

    @Inject
    CommentStore comments;

    @Inject
    DiarySettingsStore settings;

    @Inject
    DiaryFeed feed;

    @Inject
    LiveEvents live;

    protected CommentService() {}

    /** Wired by hand over the parts of a hand-wired {@link DiaryService} (tests). */
    CommentService(DiaryService wired, AccessPolicy policy, Mailer mailer) {
        this.database = wired.database;
        this.policy = policy;
        this.members = wired.members;
        this.mailer = mailer;
        this.reader = wired.reader;
        this.diaries = wired.store;
        this.comments = wired.commentStore;
        this.settings = wired.settingsStore;
        this.feed = wired.feed;
        this.live = wired.live;
    }

    /**
     * Adds a comment and mails the author a notice when they asked for one; returns the comment's number, or throws
     * {@link Refused} with the reason to show.
     */
    public int comment(long me, long diaryId, String body) {
        String text = DiaryForm.checkComment(body);
        Optional<Diary> seen = reader.visible(me, diaryId);
        if (seen.isEmpty() || !policy.canInteract(me, seen.get().getAuthorId())) {
            throw new Refused("この日記にはコメントできません。");
        }
        long author = seen.get().getAuthorId();
        boolean notify = author != me && settings.find(author).isCommentMail();
        Optional<MemberSummary> authorMember = notify ? members.find(author) : Optional.empty();
        String commenter = members.find(me).map(MemberSummary::nickname).orElse("");
        return database.tx(em -> {
            Diary d = diaries.lock(diaryId);
            if (d == null) {
                throw new Refused("この日記にはコメントできません。");
            }
            int number = d.takeCommentNumber();
            comments.add(new DiaryComment(diaryId, number, me, text, Clock.now()));
            feed.changed(diaryId, d.getAuthorId());
            live.record(LiveEvent.COMMENT, me, diaryId, number);
            // the notice names the diary: sent only to someone the policy lets see it (its author)
            authorMember
                    .filter(a -> policy.canSee(author, author, d.visibility()))
                    .map(a -> a.mobileEmail() != null ? a.mobileEmail() : a.pcEmail())
                    .ifPresent(to -> notice(em, to, d, number, commenter));
            return number;
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
        Optional<Diary> seen = reader.visible(me, diaryId);
        if (seen.isEmpty()) {
            return false;
        }
        boolean author = seen.get().getAuthorId() == me;
        return database.tx(em -> {
            Diary d = diaries.lock(diaryId);
            Optional<DiaryComment> found = comments.find(diaryId, number);
            if (d == null || found.isEmpty() || !(author || found.get().getAuthorId() == me)) {
                return false;
            }
            comments.remove(found.get());
            d.commentRemoved();
            feed.changed(diaryId, d.getAuthorId());
            return true;
        });
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.diary.PhotoService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * Topics and events: create (with photos), delete, hide, and who may read one. Reading asks {@link
 * AccessPolicy#canReadCommunity}; writing needs membership (and, for topics in an admin-only community, an
 * administrator). The page is {@link TopicPages}'s, comments {@link TopicComments}', 参加 {@link TopicEvents}' and
 * posting addresses {@link TopicMail}'s. Comments are shown {@link #PAGE} at a time: a topic with 1,000 comments reads
 * one page.
 */
@ApplicationScoped
public class TopicService {

    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 10_000;
    public static final int MAX_COMMENT = 5_000;
    public static final int MAX_PHOTOS = 3;
    public static final int PAGE = 20;
    static final int SECRET_LENGTH = 16;
    static final String NOT_FOUND = "トピックが見つかりません。";

    @Inject
    Database database;

    @Inject
    CommunityStore communities;

    @Inject
    TopicStore store;

    @Inject
    MemberService members;

    @Inject
    AccessPolicy policy;

    @Inject
    PhotoService photos;

    @Inject
    CommunityFeed feed;

    protected TopicService() {}

    TopicService(
            Database database,
            CommunityStore communities,
            TopicStore store,
            MemberService members,
            AccessPolicy policy,
            PhotoService photos,
            CommunityFeed feed) {
        this.database = database;
        this.communities = communities;
        this.store = store;
        this.members = members;
        this.policy = policy;
        this.photos = photos;
        this.feed = feed;
    }

    /** The event fields of a new topic, as typed (all blank for a plain topic). */
    public record EventForm(String date, String place, String capacity, String deadline) {
        static final EventForm NONE = new EventForm(null, null, null, null);

        boolean given() {
            return !blank(date) || !blank(place) || !blank(capacity) || !blank(deadline);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static String text(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    // ---- topics

    /** Creates a topic (an event when its fields are given) with up to three photos; answers its id. */
    public long create(long me, long communityId, String title, String body, EventForm event, List<byte[]> files) {
        return create(me, communityId, title, body, event, files, Clock.now());
    }

    long create(
            long me, long communityId, String title, String body, EventForm event, List<byte[]> files, Instant now) {
        String t = text(title);
        String b = text(body);
        if (t.isEmpty()) {
            throw new Refused("タイトルを入力してください。");
        }
        if (length(t) > MAX_TITLE) {
            throw new Refused("タイトルは" + MAX_TITLE + "文字までです。");
        }
        if (b.isEmpty()) {
            throw new Refused("本文を入力してください。");
        }
        if (length(b) > MAX_BODY) {
            throw new Refused("本文は" + MAX_BODY + "文字までです（" + length(b) + "文字あります）。");
        }
        if (files.size() > MAX_PHOTOS) {
            throw new Refused("写真は" + MAX_PHOTOS + "枚までです。");
        }
        EventForm e = event == null ? EventForm.NONE : event;
        boolean isEvent = e.given();
        Instant at = null;
        Instant deadline = null;
        Integer capacity = null;
        String place = null;
        if (isEvent) {
            at = parseTime(e.date(), false).orElseThrow(() -> new Refused("開催日を 2026-12-24 のように入力してください。"));
            deadline = blank(e.deadline())
                    ? at
                    : parseTime(e.deadline(), true).orElseThrow(() -> new Refused("締め切りを 2026-12-20 のように入力してください。"));
            place = text(e.place());
            if (place.isEmpty() || length(place) > 100) {
                throw new Refused("場所を100文字までで入力してください。");
            }
            try {
                capacity = Integer.parseInt(text(e.capacity()));
            } catch (NumberFormatException x) {
                capacity = -1;
            }
            if (capacity < 1 || capacity > 100_000) {
                throw new Refused("定員を1以上の数で入力してください。");
            }
            if (!deadline.isAfter(now)) {
                throw new Refused("締め切りが過ぎた日時です。");
            }
        }
        requireActive(me);
        Community c = communities.find(communityId).orElseThrow(() -> new NotFound(CommunityService.NOT_FOUND));
        CommunityStanding s = communities.standing(communityId, me);
        if (!s.isMember()) {
            throw new Refused("コミュニティに参加するとトピックを作れます。");
        }
        if (!CommunityService.canPostTopic(c, s)) {
            throw new Refused("このコミュニティでは管理人だけがトピックを作れます。");
        }
        List<PhotoService.Saved> saved = photos.storeAll(files);
        Instant eventAt = at;
        Instant eventDeadline = deadline;
        Integer cap = capacity;
        String eventPlace = place;
        try {
            return database.tx(em -> {
                long id = store.insert(communityId, me, t, b, isEvent, eventAt, eventPlace, cap, eventDeadline, now);
                addPhotos(id, 0, saved);
                communities.topicAdded(communityId, now);
                return id;
            });
        } catch (RuntimeException x) {
            saved.forEach(photos::delete);
            throw x;
        }
    }

    void addPhotos(long topic, int number, List<PhotoService.Saved> saved) {
        for (int i = 0; i < saved.size(); i++) {
            store.addPhoto(
                    topic, number, i + 1, saved.get(i).key(), saved.get(i).format());
        }
    }

    private static final DateTimeFormatter[] WITH_TIME = {
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"),
        DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm"),
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
    };

    private static final DateTimeFormatter[] DATE_ONLY = {
        DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("uuuu/MM/dd")
    };

    /** A date with an optional time, in Tokyo time; a date alone is its start ({@code endOfDay}: its last minute). */
    static Optional<Instant> parseTime(String s, boolean endOfDay) {
        if (blank(s)) {
            return Optional.empty();
        }
        String v = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFKC);
        for (DateTimeFormatter f : WITH_TIME) {
            try {
                return Optional.of(LocalDateTime.parse(v, f).atZone(Clock.JAPAN).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        for (DateTimeFormatter f : DATE_ONLY) {
            try {
                LocalDate d = LocalDate.parse(v, f);
                return Optional.of(d.atTime(endOfDay ? LocalTime.of(23, 59) : LocalTime.MIDNIGHT)
                        .atZone(Clock.JAPAN)
                        .toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    void requireActive(long me) {
        Optional<MemberSummary> m = members.find(me);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            throw new Refused("アカウントが停止されているため投稿できません。");
        }
    }

    /** The topic if the viewer may read it (its community's read rule; hidden topics never): from memory. */
    Optional<Topic> readable(Long viewer, long communityId, long topicId) {
        return feed.topic(topicId)
                .filter(t -> t.communityId() == communityId && !t.hidden())
                .filter(t -> policy.canReadCommunity(viewer, communityId));
    }

    /** Deletes a topic: its writer or an administrator. */
    public void deleteTopic(long me, long communityId, long topicId) {
        List<TopicStore.Photo> gone = database.tx(em -> {
            Topic t = store.lock(topicId)
                    .filter(x -> x.communityId() == communityId)
                    .orElseThrow(() -> new NotFound(NOT_FOUND));
            if (t.authorId() != me && !communities.standing(communityId, me).isAdministrator()) {
                throw new Refused("トピックを作った人と管理人だけが削除できます。");
            }
            List<TopicStore.Photo> photosOf = store.photos(topicId, 0, Integer.MAX_VALUE);
            store.delete(topicId, communityId);
            communities.topicRemoved(communityId);
            return photosOf;
        });
        gone.forEach(p -> photos.delete(new PhotoService.Saved(p.key(), p.format())));
    }

    // ---- moderation

    /** Operators: hides a topic ({@code number} 0) or a comment. */
    void hide(long topicId, int number) {
        if (number == 0) {
            store.setHidden(topicId, true);
        } else {
            store.hideComment(topicId, number);
        }
    }

    Optional<Topic> find(long topicId) {
        return store.find(topicId);
    }

    Optional<TopicStore.CommentRow> commentRow(long topicId, int number) {
        return store.comment(topicId, number);
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.diary.PhotoService;
import jp.keitai.sns.mail.inbound.Secrets;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * Topics, events and their numbered comments. Reading asks {@link AccessPolicy#canReadCommunity}; writing needs
 * membership (and, for topics in an admin-only community, an administrator). Comment numbers are taken under the
 * topic row's lock and never reused; a writer may edit or delete their own comment, administrators may delete any.
 * Events take 参加 answers under the same lock with a conditional UPDATE, so concurrent answers never pass the
 * capacity. Comments are shown {@link #PAGE} at a time: a topic with 1,000 comments reads one page.
 */
@ApplicationScoped
public class TopicService {

    private static final Logger LOG = Logger.getLogger(TopicService.class.getName());

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
    Mailer mailer;

    @Inject
    Settings settings;

    protected TopicService() {}

    TopicService(
            Database database,
            CommunityStore communities,
            TopicStore store,
            MemberService members,
            AccessPolicy policy,
            PhotoService photos,
            Mailer mailer,
            Settings settings) {
        this.database = database;
        this.communities = communities;
        this.store = store;
        this.members = members;
        this.policy = policy;
        this.photos = photos;
        this.mailer = mailer;
        this.settings = settings;
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

    private static int length(String s) {
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

    private void addPhotos(long topic, int number, List<PhotoService.Saved> saved) {
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

    private void requireActive(long me) {
        Optional<MemberSummary> m = members.find(me);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            throw new Refused("アカウントが停止されているため投稿できません。");
        }
    }

    /** The topic if the viewer may read it (its community's read rule; hidden topics never). */
    Optional<Topic> readable(Long viewer, long communityId, long topicId) {
        return store.find(topicId)
                .filter(t -> t.communityId() == communityId && !t.hidden())
                .filter(t -> policy.canReadCommunity(viewer, communityId));
    }

    /** A topic page with comments page {@code pageNumber} (null or out of range: the last page). */
    public Optional<TopicViews.Page> page(long viewer, long communityId, long topicId, Integer pageNumber) {
        Optional<Topic> found = readable(viewer, communityId, topicId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Topic t = found.get();
        Community c = communities.find(communityId).orElseThrow();
        CommunityStanding s = communities.standing(communityId, viewer);
        int pages = Math.max(1, (t.commentCount() + PAGE - 1) / PAGE);
        int p = pageNumber == null || pageNumber < 1 || pageNumber > pages ? pages : pageNumber;
        int from = (p - 1) * PAGE + 1;
        int to = p * PAGE;
        List<TopicStore.CommentRow> rows = store.comments(topicId, from, to);
        Map<Integer, List<Integer>> photoMap = new LinkedHashMap<>();
        for (TopicStore.Photo ph : store.photos(topicId, 0, to)) {
            if (ph.commentNumber() == 0 || ph.commentNumber() >= from) {
                photoMap.computeIfAbsent(ph.commentNumber(), k -> new ArrayList<>())
                        .add(ph.position());
            }
        }
        Set<Long> authors = new HashSet<>();
        authors.add(t.authorId());
        rows.forEach(r -> authors.add(r.authorId()));
        // content of suspended or withdrawn writers, and across a block, is not shown (the policy's member rule)
        Set<Long> visible = policy.canSeeAmong(viewer, authors, Visibility.EVERYONE);
        Map<Long, String> names = members.nicknames(authors);
        boolean admin = s.isAdministrator();
        List<TopicViews.Comment> comments = new ArrayList<>();
        for (TopicStore.CommentRow r : rows) {
            boolean shown = !r.deleted() && !r.hidden() && visible.contains(r.authorId());
            String label = r.deleted() ? "（削除されました）" : r.hidden() ? "（運営により非表示になりました）" : "（表示できないコメントです）";
            comments.add(new TopicViews.Comment(
                    r.number(),
                    r.authorId(),
                    shown ? names.getOrDefault(r.authorId(), "") : "",
                    CommunityViews.when(r.createdAt()),
                    shown ? TopicViews.segments(r.body(), PAGE) : List.of(),
                    shown ? photoMap.getOrDefault(r.number(), List.of()) : List.of(),
                    !shown,
                    shown ? "" : label,
                    shown && r.authorId() == viewer && s.isMember(),
                    !r.deleted() && (r.authorId() == viewer || admin),
                    r.viaMail()));
        }
        TopicViews.Event event = null;
        Instant now = Clock.now();
        if (t.event()) {
            List<Long> going = store.attendees(topicId, 200);
            Map<Long, String> goingNames = members.nicknames(going);
            event = new TopicViews.Event(
                    CommunityViews.when(t.eventAt()),
                    t.place(),
                    t.capacity(),
                    CommunityViews.when(t.deadline()),
                    t.attendeeCount(),
                    t.full(),
                    !t.open(now),
                    going.contains(viewer),
                    going.stream().map(id -> goingNames.getOrDefault(id, "")).toList());
        }
        boolean authorShown = visible.contains(t.authorId());
        String address = s.isMember() ? postingAddress(viewer, topicId) : null;
        return Optional.of(new TopicViews.Page(
                CommunityViews.card(c),
                t.id(),
                t.title(),
                CommunityViews.when(t.createdAt()),
                t.authorId(),
                authorShown ? names.getOrDefault(t.authorId(), "") : "",
                TopicViews.segments(t.body(), PAGE),
                photoMap.getOrDefault(0, List.of()),
                event,
                comments,
                t.commentCount(),
                p,
                pages,
                s.isMember(),
                s.isMember(),
                t.authorId() == viewer,
                t.authorId() == viewer || admin,
                address,
                MAX_COMMENT,
                MAX_PHOTOS));
    }

    /** The topic as JSON for apps: 404 (empty) unless the viewer may read it. */
    public Optional<Map<String, Object>> json(Long viewer, long communityId, long topicId) {
        if (viewer == null) {
            return Optional.empty();
        }
        return page(viewer, communityId, topicId, null).map(p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", p.id());
            out.put("community_id", communityId);
            out.put("title", p.title());
            out.put("author", p.authorNickname());
            out.put("comment_count", p.commentCount());
            List<Map<String, Object>> cs = new ArrayList<>();
            for (TopicViews.Comment c : p.comments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("number", c.number());
                m.put("author", c.authorNickname());
                m.put("deleted", c.gone());
                StringBuilder b = new StringBuilder();
                c.segments().forEach(sg -> b.append(sg.lineBreak() ? "\n" : sg.text()));
                m.put("body", b.toString());
                cs.add(m);
            }
            out.put("comments", cs);
            return out;
        });
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
            store.delete(topicId);
            communities.topicRemoved(communityId);
            return photosOf;
        });
        gone.forEach(p -> photos.delete(new PhotoService.Saved(p.key(), p.format())));
    }

    // ---- comments

    /** Adds a comment from the web; answers its number. */
    public int comment(long me, long communityId, long topicId, String body, List<byte[]> files) {
        Optional<Topic> t = readable(me, communityId, topicId);
        if (t.isEmpty()) {
            throw new NotFound(NOT_FOUND);
        }
        requireActive(me);
        return addComment(me, t.get(), body, files, false);
    }

    /** Checks a comment's text; answers it normalised. */
    static String checkComment(String body) {
        String b = text(body);
        if (b.isEmpty()) {
            throw new Refused("コメントを入力してください。");
        }
        if (length(b) > MAX_COMMENT) {
            throw new Refused("コメントは" + MAX_COMMENT + "文字までです（" + length(b) + "文字あります）。");
        }
        return b;
    }

    private int addComment(long me, Topic topic, String body, List<byte[]> files, boolean viaMail) {
        String b = checkComment(body);
        if (files.size() > MAX_PHOTOS) {
            throw new Refused("写真は" + MAX_PHOTOS + "枚までです。");
        }
        if (!communities.standing(topic.communityId(), me).isMember()) {
            throw new Refused("コミュニティに参加するとコメントできます。");
        }
        List<PhotoService.Saved> saved = photos.storeAll(files);
        try {
            return database.tx(em -> {
                Instant now = Clock.now();
                store.lock(topic.id()).orElseThrow(() -> new NotFound(NOT_FOUND));
                int number = store.takeNumber(topic.id(), now);
                store.addComment(topic.id(), number, me, b, viaMail, now);
                addPhotos(topic.id(), number, saved);
                communities.touched(topic.communityId(), now);
                notices(em, me, topic, number);
                return number;
            });
        } catch (RuntimeException x) {
            saved.forEach(photos::delete);
            throw x;
        }
    }

    /**
     * Mails the topic's writer and its commenters who asked for notices (not the one who wrote, and only those who
     * may still read the community), in the comment's transaction.
     */
    private void notices(EntityManager em, long writer, Topic topic, int number) {
        Set<Long> to = new HashSet<>(store.commenters(topic.id()));
        to.add(topic.authorId());
        to.remove(writer);
        if (to.isEmpty()) {
            return;
        }
        Set<Long> wanting = communities.wantingMail(to);
        if (wanting.isEmpty()) {
            return;
        }
        String nickname = members.find(writer).map(MemberSummary::nickname).orElse("");
        for (Map.Entry<Long, MemberSummary> e : members.findAll(wanting).entrySet()) {
            MemberSummary m = e.getValue();
            if (m.status() != MemberStatus.ACTIVE || !policy.canReadCommunity(m.id(), topic.communityId())) {
                continue;
            }
            String address = m.mobileEmail() != null ? m.mobileEmail() : m.pcEmail();
            if (address == null) {
                continue;
            }
            try {
                mailer.queue(
                        em,
                        address,
                        "community/comment",
                        Map.of(
                                "title",
                                topic.title(),
                                "nickname",
                                nickname,
                                "number",
                                String.valueOf(number),
                                "path",
                                "/communities/" + topic.communityId() + "/topics/" + topic.id() + "?page="
                                        + ((number - 1) / PAGE + 1) + "#c" + number));
            } catch (IllegalArgumentException x) {
                LOG.log(Level.WARNING, "community notice for topic " + topic.id() + " not queued", x);
            }
        }
    }

    /** The writer changes their comment's text. */
    public void editComment(long me, long communityId, long topicId, int number, String body) {
        String b = checkComment(body);
        if (readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(NOT_FOUND);
        }
        database.tx(em -> {
            store.lock(topicId);
            TopicStore.CommentRow c = store.comment(topicId, number)
                    .filter(r -> !r.deleted() && !r.hidden())
                    .orElseThrow(() -> new NotFound("コメントが見つかりません。"));
            if (c.authorId() != me || !communities.standing(communityId, me).isMember()) {
                throw new Refused("自分のコメントだけを編集できます。");
            }
            store.editComment(topicId, number, b, Clock.now());
            return null;
        });
    }

    /** The comment's text for its edit form: the writer's own only. */
    public Optional<String> ownComment(long me, long communityId, long topicId, int number) {
        if (readable(me, communityId, topicId).isEmpty()) {
            return Optional.empty();
        }
        return store.comment(topicId, number)
                .filter(r -> !r.deleted() && !r.hidden() && r.authorId() == me)
                .map(TopicStore.CommentRow::body);
    }

    /** Deletes a comment: its writer, or an administrator of the community. The number stays taken. */
    public void deleteComment(long me, long communityId, long topicId, int number) {
        if (readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(NOT_FOUND);
        }
        List<TopicStore.Photo> gone = database.tx(em -> {
            store.lock(topicId);
            TopicStore.CommentRow c = store.comment(topicId, number)
                    .filter(r -> !r.deleted())
                    .orElseThrow(() -> new NotFound("コメントが見つかりません。"));
            if (c.authorId() != me && !communities.standing(communityId, me).isAdministrator()) {
                throw new Refused("書いた人と管理人だけが削除できます。");
            }
            store.deleteComment(topicId, number, Clock.now());
            return store.removePhotos(topicId, number);
        });
        gone.forEach(p -> photos.delete(new PhotoService.Saved(p.key(), p.format())));
    }

    /** A photo of the topic ({@code number} 0) or a comment, for a viewer who may read the community. */
    public Optional<PhotoService.Copy> photo(
            Long viewer, long communityId, long topicId, int number, int position, Handset handset, boolean thumb) {
        if (readable(viewer, communityId, topicId).isEmpty()) {
            return Optional.empty();
        }
        if (number > 0
                && store.comment(topicId, number)
                        .filter(r -> !r.deleted() && !r.hidden())
                        .isEmpty()) {
            return Optional.empty();
        }
        return store.photos(topicId, number, number).stream()
                .filter(p -> p.position() == position)
                .findFirst()
                .flatMap(p -> photos.serve(p.key(), p.format(), handset, thumb));
    }

    // ---- 参加

    /** Answers 参加 for the member; refused with the reason when full, closed or already answered. */
    public void attend(long me, long communityId, long topicId) {
        attend(me, communityId, topicId, Clock.now());
    }

    void attend(long me, long communityId, long topicId, Instant now) {
        if (readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(NOT_FOUND);
        }
        if (!communities.standing(communityId, me).isMember()) {
            throw new Refused("コミュニティに参加するとイベントに参加できます。");
        }
        database.tx(em -> {
            Topic t = store.lock(topicId).orElseThrow(() -> new NotFound(NOT_FOUND));
            if (!t.event()) {
                throw new Refused("イベントではありません。");
            }
            if (!t.open(now)) {
                throw new Refused("締め切りを過ぎたため参加できません。");
            }
            if (!store.addAttendee(topicId, me, now)) {
                throw new Refused("すでに参加を表明しています。");
            }
            if (!store.countAttendee(topicId, now)) {
                // rolls back the answer just added
                throw new Refused("定員（" + t.capacity() + "人）に達したため参加できません。");
            }
            return null;
        });
    }

    /** Takes the member's 参加 back (キャンセル) before the deadline. */
    public void cancel(long me, long communityId, long topicId) {
        Instant now = Clock.now();
        if (readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(NOT_FOUND);
        }
        database.tx(em -> {
            Topic t = store.lock(topicId).orElseThrow(() -> new NotFound(NOT_FOUND));
            if (!t.open(now)) {
                throw new Refused("締め切りを過ぎたためキャンセルできません。");
            }
            if (!store.removeAttendee(topicId, me)) {
                throw new Refused("参加を表明していません。");
            }
            return null;
        });
    }

    // ---- mail

    /** The member's posting address for the topic ({@code c.{secret}@domain}), issued on first use. */
    public String postingAddress(long member, long topicId) {
        Optional<String> secret = communities.secret(member, topicId);
        if (secret.isEmpty()) {
            try {
                database.tx(em -> {
                    communities.saveSecret(member, topicId, Secrets.newSecret(SECRET_LENGTH));
                    return null;
                });
            } catch (RuntimeException e) {
                // two first views at once: the other one's secret stands
                LOG.log(Level.FINE, "posting secret raced", e);
            }
            secret = communities.secret(member, topicId);
        }
        return "c." + secret.orElseThrow() + "@" + settings.mailDomain();
    }

    /** Replaces the member's secret for the topic; the old address stops working at once. */
    public void rotateAddress(long member, long communityId, long topicId) {
        if (readable(member, communityId, topicId).isEmpty()) {
            throw new NotFound(NOT_FOUND);
        }
        database.tx(em -> {
            communities.saveSecret(member, topicId, Secrets.newSecret(SECRET_LENGTH));
            return null;
        });
    }

    /** Who a {@code c.} local part belongs to, and for which topic. */
    public record MailOwner(long memberId, long topicId, long communityId, String topicTitle) {}

    public Optional<MailOwner> mailOwner(String localPart) {
        if (localPart == null || !localPart.toLowerCase(java.util.Locale.ROOT).startsWith("c.")) {
            return Optional.empty();
        }
        String given = localPart.substring(2).toLowerCase(java.util.Locale.ROOT);
        if (given.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        return communities
                .secretOwner(given)
                .filter(o -> Secrets.matches(given, o.secret()))
                .flatMap(o -> store.find(o.topicId())
                        .map(t -> new MailOwner(o.memberId(), t.id(), t.communityId(), t.title())));
    }

    /** A comment by mail, in the mail worker's transaction; answers its number or throws {@link Refused}. */
    public int commentByMail(long me, MailOwner owner, String body, List<byte[]> files) {
        Topic t = store.find(owner.topicId()).filter(x -> !x.hidden()).orElseThrow(() -> new Refused("トピックが見つかりません。"));
        if (!policy.canReadCommunity(me, t.communityId())) {
            throw new Refused("このコミュニティにはコメントできません。");
        }
        return addComment(me, t, body, files, true);
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

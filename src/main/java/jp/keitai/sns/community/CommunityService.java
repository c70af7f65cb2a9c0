package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.diary.PhotoService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * Communities: create, settings, search, the community and members pages, comment notices. Joining and leaving are
 * {@link CommunityMembership}'s, administrators and succession {@link CommunityAdministration}'s. Every change locks
 * the community row first, so the member count (a counter: the community page reads no member rows) and the
 * administrator stay right under concurrent requests.
 */
@ApplicationScoped
public class CommunityService {

    public static final int MAX_NAME = 50;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_SUB_ADMINS = 3;
    public static final Duration SUCCESSION_WINDOW = Duration.ofDays(7);
    public static final Duration CLAIM_AFTER = Duration.ofDays(30);
    static final int NEWEST = 10;
    static final int SEARCH_PAGE = 20;

    static final String NOT_FOUND = "コミュニティが見つかりません。";

    @Inject
    Database database;

    @Inject
    CommunityStore store;

    @Inject
    TopicStore topics;

    @Inject
    MemberService members;

    @Inject
    AccessPolicy policy;

    @Inject
    PhotoService photos;

    @Inject
    CommunityAdministration admins;

    @Inject
    CommunityMailStore mail;

    protected CommunityService() {}

    CommunityService(
            Database database,
            CommunityStore store,
            TopicStore topics,
            MemberService members,
            AccessPolicy policy,
            PhotoService photos,
            CommunityAdministration admins,
            CommunityMailStore mail) {
        this.admins = admins;
        this.mail = mail;
        this.database = database;
        this.store = store;
        this.topics = topics;
        this.members = members;
        this.policy = policy;
        this.photos = photos;
    }

    // ---- create and settings

    /** Creates a community with {@code me} as its administrator (and first member); answers its id. */
    public long create(
            long me,
            String name,
            String category,
            String description,
            String join,
            String topicPolicy,
            String read,
            byte[] image) {
        String n = checkName(name);
        String d = checkDescription(description);
        checkChoices(category, join, topicPolicy, read);
        requireActive(members, me);
        PhotoService.Saved saved = image == null || image.length == 0
                ? null
                : photos.storeAll(List.of(image)).get(0);
        try {
            return database.tx(em -> {
                Instant now = Clock.now();
                long id = store.insert(
                        n,
                        category,
                        d,
                        join,
                        topicPolicy,
                        read,
                        me,
                        saved == null ? null : saved.key(),
                        saved == null ? null : saved.format(),
                        now);
                store.addMember(id, me, CommunityStanding.ADMIN, now);
                store.addMembers(id, 1);
                return id;
            });
        } catch (RuntimeException e) {
            if (saved != null) {
                photos.delete(saved);
            }
            throw e;
        }
    }

    /** The administrator changes the name, category, description and policies (and the image, when given). */
    public void edit(
            long me,
            long id,
            String name,
            String category,
            String description,
            String join,
            String topicPolicy,
            String read,
            byte[] image) {
        String n = checkName(name);
        String d = checkDescription(description);
        checkChoices(category, join, topicPolicy, read);
        PhotoService.Saved saved = image == null || image.length == 0
                ? null
                : photos.storeAll(List.of(image)).get(0);
        Community before = database.tx(em -> {
            Community c = locked(store, id);
            if (c.adminId() == null || c.adminId() != me) {
                throw new Refused("管理人だけが変更できます。");
            }
            store.updateSettings(id, n, category, d, join, topicPolicy, read);
            if (saved != null) {
                store.setImage(id, saved.key(), saved.format());
            }
            return c;
        });
        if (saved != null && before.imageKey() != null) {
            photos.delete(new PhotoService.Saved(before.imageKey(), before.imageFormat()));
        }
    }

    static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new Refused("コミュニティ名を入力してください。");
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            throw new Refused("コミュニティ名は" + MAX_NAME + "文字までです。");
        }
        return n;
    }

    static String checkDescription(String description) {
        String d = description == null ? "" : description.replace("\r\n", "\n").strip();
        if (d.codePointCount(0, d.length()) > MAX_DESCRIPTION) {
            throw new Refused("説明は" + MAX_DESCRIPTION + "文字までです。");
        }
        return d;
    }

    static void checkChoices(String category, String join, String topicPolicy, String read) {
        if (!Community.CATEGORIES.contains(category)) {
            throw new Refused("カテゴリを選んでください。");
        }
        if (!Community.JOIN_POLICIES.contains(join)
                || !Community.TOPIC_POLICIES.contains(topicPolicy)
                || !Community.READ_POLICIES.contains(read)) {
            throw new Refused("参加・トピック作成・閲覧の設定を選んでください。");
        }
    }

    static void requireActive(MemberService members, long me) {
        Optional<MemberSummary> m = members.find(me);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            throw new Refused("アカウントが停止されているため操作できません。");
        }
    }

    static Community locked(CommunityStore store, long id) {
        return store.lock(id).orElseThrow(() -> new Refused(NOT_FOUND));
    }

    // ---- reading

    public Optional<Community> find(long id) {
        return store.find(id);
    }

    public CommunityStanding standing(long community, long member) {
        return store.standing(community, member);
    }

    /**
     * The community page: the row (with its member count), the viewer's standing and the newest topics when the
     * viewer may read them. A fixed handful of statements, none over the member rows but the viewer's own.
     */
    public Optional<CommunityViews.Page> page(long viewer, long id) {
        Optional<Community> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Community c = found.get();
        Optional<MemberSummary> adminMember = c.adminId() == null ? Optional.empty() : members.find(c.adminId());
        if (c.adminId() != null
                && adminMember.map(a -> a.status() == MemberStatus.WITHDRAWN).orElse(true)) {
            // the administrator withdrew from the site: the community asks its members to take over, as if they left
            admins.vacate(id, c.adminId(), Clock.now());
            c = store.find(id).orElseThrow();
            adminMember = Optional.empty();
        }
        if (c.adminId() == null && c.vacantSince() != null) {
            c = admins.settle(id, Clock.now()).orElse(c);
        }
        CommunityStanding standing = store.standing(id, viewer);
        boolean read = AccessPolicy.canReadCommunity(viewer, standing, c.membersOnly());
        List<Topic> newest = read ? topics.newest(id, NEWEST, 0) : List.of();
        String admin = adminMember.map(MemberSummary::nickname).orElse(null);
        String handoverTo = c.handoverTo() != null && c.handoverTo() == viewer ? admin : null;
        int pending = standing == CommunityStanding.ADMIN || standing == CommunityStanding.SUB_ADMIN
                ? store.countRole(id, CommunityStanding.PENDING)
                : 0;
        Instant now = Clock.now();
        boolean claimable = standing.isMember()
                && c.adminId() == null
                && c.vacantSince() != null
                && !now.isBefore(c.vacantSince().plus(CLAIM_AFTER));
        return Optional.of(new CommunityViews.Page(
                c,
                standing,
                read,
                canPostTopic(c, standing),
                CommunityViews.topicLines(newest),
                admin,
                handoverTo != null,
                pending,
                claimable));
    }

    static boolean canPostTopic(Community c, CommunityStanding standing) {
        return c.adminOnlyTopics() ? standing.isAdministrator() : standing.isMember();
    }

    /** Search by name (blanks and case ignored) and category; the newest topic is shown only where readable. */
    public List<CommunityViews.Found> search(long viewer, String text, String category, int page) {
        String cat =
                category == null || category.isBlank() || !Community.CATEGORIES.contains(category) ? null : category;
        List<CommunityViews.Found> out = new ArrayList<>();
        for (CommunityStore.Found f :
                store.search(text, cat, viewer, SEARCH_PAGE + 1, Math.max(0, page - 1) * SEARCH_PAGE)) {
            boolean read = AccessPolicy.canReadCommunity(
                    viewer, f.standing(), f.community().membersOnly());
            String latest = read
                    ? topics.newest(f.community().id(), 1, 0).stream()
                            .findFirst()
                            .map(Topic::title)
                            .orElse(null)
                    : null;
            out.add(new CommunityViews.Found(f.community(), f.standing(), latest));
        }
        return out;
    }

    /** The member's communities (for their list page). */
    public List<Community> mine(long me) {
        return store.of(me, 100);
    }

    /** Whether {@code viewer} may read the community's topics (for other services of this package). */
    boolean canRead(long viewer, long community) {
        return policy.canReadCommunity(viewer, community);
    }

    /** The community image at the handset's size, for any member (the image is the community's face). */
    public Optional<PhotoService.Copy> image(
            Long viewer, long id, jp.keitai.sns.carrier.Handset handset, boolean thumb) {
        if (viewer == null) {
            return Optional.empty();
        }
        return store.find(id)
                .filter(Community::hasImage)
                .filter(c -> store.standing(id, viewer) != CommunityStanding.BANNED)
                .flatMap(c -> photos.serve(c.imageKey(), c.imageFormat(), handset, thumb));
    }

    /** The members page (administrators see pending requests too), paged; nicknames in one statement. */
    public CommunityViews.Members members(long viewer, long id, int page) {
        Community c = store.find(id).orElseThrow(() -> new Refused(NOT_FOUND));
        CommunityStanding s = store.standing(id, viewer);
        if (!AccessPolicy.canReadCommunity(viewer, s, c.membersOnly())) {
            throw new jp.keitai.sns.web.NotFound(NOT_FOUND);
        }
        int size = 50;
        List<CommunityStore.Membership> rows = store.members(
                id,
                List.of(CommunityStanding.ADMIN, CommunityStanding.SUB_ADMIN, CommunityStanding.MEMBER),
                size + 1,
                Math.max(0, page - 1) * size);
        List<CommunityStore.Membership> pending =
                s.isAdministrator() ? store.members(id, List.of(CommunityStanding.PENDING), 100, 0) : List.of();
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.memberId()));
        pending.forEach(r -> ids.add(r.memberId()));
        Map<Long, String> names = members.nicknames(ids);
        return CommunityViews.members(c, s, rows, pending, names, page, size);
    }

    // ---- notices

    public boolean commentMail(long me) {
        return mail.commentMail(me);
    }

    public void saveCommentMail(long me, boolean on) {
        database.tx(em -> {
            mail.saveCommentMail(me, on);
            return null;
        });
    }
}

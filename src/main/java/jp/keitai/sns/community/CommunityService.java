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
 * Communities and their members: create, search, join (at once, or asked and approved under the approval policy),
 * leave, remove, ban; one administrator and up to {@link #MAX_SUB_ADMINS} sub-administrators; handing over with the
 * new administrator's consent; when the administrator leaves, the oldest member who agreed takes over once {@link
 * #SUCCESSION_WINDOW} has passed, and after {@link #CLAIM_AFTER} without one any member may claim it. Every change
 * locks the community row first, so the member count (a counter: the community page reads no member rows) and the
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

    protected CommunityService() {}

    CommunityService(
            Database database,
            CommunityStore store,
            TopicStore topics,
            MemberService members,
            AccessPolicy policy,
            PhotoService photos) {
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
        requireActive(me);
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
            Community c = locked(id);
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

    private void requireActive(long me) {
        Optional<MemberSummary> m = members.find(me);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            throw new Refused("アカウントが停止されているため操作できません。");
        }
    }

    private Community locked(long id) {
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
            vacate(id, c.adminId(), Clock.now());
            c = store.find(id).orElseThrow();
            adminMember = Optional.empty();
        }
        if (c.adminId() == null && c.vacantSince() != null) {
            c = settle(id, Clock.now()).orElse(c);
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

    // ---- joining and leaving

    /** Joins (open policy) or asks to (approval policy); answers what happened, in Japanese. */
    public String join(long me, long id) {
        requireActive(me);
        return database.tx(em -> {
            Community c = locked(id);
            CommunityStanding s = store.standing(id, me);
            switch (s) {
                case BANNED -> throw new Refused("このコミュニティには参加できません。");
                case PENDING -> throw new Refused("参加を申請中です。管理人の承認をお待ちください。");
                case NONE -> {}
                default -> throw new Refused("すでに参加しています。");
            }
            Instant now = Clock.now();
            if (c.approval()) {
                store.addMember(id, me, CommunityStanding.PENDING, now);
                return "参加を申請しました。管理人が承認すると参加できます。";
            }
            store.addMember(id, me, CommunityStanding.MEMBER, now);
            store.addMembers(id, 1);
            return "コミュニティに参加しました。";
        });
    }

    /** An administrator admits ({@code approve}) or turns down a pending member. */
    public void decide(long me, long id, long member, boolean approve) {
        database.tx(em -> {
            locked(id);
            requireAdministrator(id, me);
            if (store.standing(id, member) != CommunityStanding.PENDING) {
                throw new Refused("申請が見つかりません。");
            }
            if (approve) {
                store.admit(id, member, Clock.now());
                store.addMembers(id, 1);
            } else {
                store.removeMember(id, member);
            }
            return null;
        });
    }

    /**
     * Leaves. The administrator leaving leaves the community without one: its members are asked to take over (see
     * {@link #volunteer}).
     */
    public void leave(long me, long id) {
        leave(me, id, Clock.now());
    }

    void leave(long me, long id, Instant now) {
        database.tx(em -> {
            Community c = locked(id);
            CommunityStanding s = store.standing(id, me);
            if (!s.isMember() && s != CommunityStanding.PENDING) {
                throw new Refused("参加していません。");
            }
            store.removeMember(id, me);
            if (s.isMember()) {
                store.addMembers(id, -1);
            }
            if (c.adminId() != null && c.adminId() == me) {
                store.setAdmin(id, null, now);
            } else if (c.handoverTo() != null && c.handoverTo() == me) {
                store.setHandover(id, null);
            }
            return null;
        });
    }

    /** An administrator removes a member (sub-administrators may remove members only); they may join again. */
    public void remove(long me, long id, long member) {
        expel(me, id, member, false);
    }

    /** An administrator bans a member: removed, and may not join again. */
    public void ban(long me, long id, long member) {
        expel(me, id, member, true);
    }

    private void expel(long me, long id, long member, boolean ban) {
        database.tx(em -> {
            locked(id);
            CommunityStanding mine = requireAdministrator(id, me);
            CommunityStanding theirs = store.standing(id, member);
            if (member == me
                    || theirs == CommunityStanding.ADMIN
                    || (theirs == CommunityStanding.SUB_ADMIN && mine != CommunityStanding.ADMIN)) {
                throw new Refused("このメンバーは外せません。");
            }
            if (theirs == CommunityStanding.NONE && !ban) {
                throw new Refused("参加していません。");
            }
            if (theirs.isMember()) {
                store.addMembers(id, -1);
            }
            if (ban) {
                if (theirs == CommunityStanding.NONE) {
                    store.addMember(id, member, CommunityStanding.BANNED, Clock.now());
                } else {
                    store.setRole(id, member, CommunityStanding.BANNED);
                }
            } else {
                store.removeMember(id, member);
            }
            return null;
        });
    }

    private CommunityStanding requireAdministrator(long id, long me) {
        CommunityStanding s = store.standing(id, me);
        if (!s.isAdministrator()) {
            throw new Refused("管理人・副管理人だけができる操作です。");
        }
        return s;
    }

    // ---- administrators

    /** The administrator makes a member a sub-administrator (at most {@link #MAX_SUB_ADMINS}) or a member again. */
    public void setSubAdmin(long me, long id, long member, boolean on) {
        database.tx(em -> {
            Community c = locked(id);
            if (c.adminId() == null || c.adminId() != me) {
                throw new Refused("管理人だけができる操作です。");
            }
            CommunityStanding theirs = store.standing(id, member);
            if (on) {
                if (theirs != CommunityStanding.MEMBER) {
                    throw new Refused("メンバーだけを副管理人にできます。");
                }
                if (store.countRole(id, CommunityStanding.SUB_ADMIN) >= MAX_SUB_ADMINS) {
                    throw new Refused("副管理人は" + MAX_SUB_ADMINS + "人までです。");
                }
                store.setRole(id, member, CommunityStanding.SUB_ADMIN);
            } else if (theirs == CommunityStanding.SUB_ADMIN) {
                store.setRole(id, member, CommunityStanding.MEMBER);
            }
            return null;
        });
    }

    /** The administrator asks a member to take over; nothing changes until that member accepts. */
    public void offerHandover(long me, long id, long to) {
        database.tx(em -> {
            Community c = locked(id);
            if (c.adminId() == null || c.adminId() != me) {
                throw new Refused("管理人だけができる操作です。");
            }
            if (to == me || !store.standing(id, to).isMember()) {
                throw new Refused("メンバーにだけ管理人を引き継げます。");
            }
            store.setHandover(id, to);
            return null;
        });
    }

    /** The asked member accepts ({@code accept}) or declines the handover. */
    public void answerHandover(long me, long id, boolean accept) {
        database.tx(em -> {
            Community c = locked(id);
            if (c.handoverTo() == null
                    || c.handoverTo() != me
                    || !store.standing(id, me).isMember()) {
                throw new Refused("引き継ぎの依頼はありません。");
            }
            if (!accept) {
                store.setHandover(id, null);
                return null;
            }
            if (c.adminId() != null) {
                store.setRole(id, c.adminId(), CommunityStanding.MEMBER);
            }
            store.setRole(id, me, CommunityStanding.ADMIN);
            store.setVolunteer(id, me, false);
            store.setAdmin(id, me, null);
            return null;
        });
    }

    /** The administrator {@code admin} is gone (withdrew from the site): removed, and the community left without one. */
    void vacate(long id, long admin, Instant now) {
        database.tx(em -> {
            Community c = locked(id);
            if (c.adminId() != null && c.adminId() == admin) {
                if (store.removeMember(id, admin)) {
                    store.addMembers(id, -1);
                }
                store.setAdmin(id, null, now);
            }
            return null;
        });
    }

    /** A member agrees to take over a community without an administrator. */
    public void volunteer(long me, long id) {
        volunteer(me, id, Clock.now());
    }

    void volunteer(long me, long id, Instant now) {
        database.tx(em -> {
            Community c = locked(id);
            if (c.adminId() != null) {
                throw new Refused("このコミュニティには管理人がいます。");
            }
            if (!store.standing(id, me).isMember()) {
                throw new Refused("メンバーだけが引き受けられます。");
            }
            store.setVolunteer(id, me, true);
            return null;
        });
        settle(id, now);
    }

    /**
     * Once {@link #SUCCESSION_WINDOW} has passed since the administrator left, the oldest member who agreed becomes
     * administrator. Answers the community as it is then.
     */
    Optional<Community> settle(long id, Instant now) {
        return database.tx(em -> {
            Optional<Community> c = store.lock(id);
            if (c.isEmpty()
                    || c.get().adminId() != null
                    || c.get().vacantSince() == null
                    || now.isBefore(c.get().vacantSince().plus(SUCCESSION_WINDOW))) {
                return c;
            }
            Optional<Long> heir = store.oldestVolunteer(id);
            if (heir.isEmpty()) {
                return c;
            }
            store.setRole(id, heir.get(), CommunityStanding.ADMIN);
            store.setVolunteer(id, heir.get(), false);
            store.setAdmin(id, heir.get(), null);
            return store.find(id);
        });
    }

    /** After {@link #CLAIM_AFTER} without an administrator, any member may claim the community. */
    public void claim(long me, long id) {
        claim(me, id, Clock.now());
    }

    void claim(long me, long id, Instant now) {
        database.tx(em -> {
            Community c = locked(id);
            if (c.adminId() != null) {
                throw new Refused("このコミュニティには管理人がいます。");
            }
            if (c.vacantSince() == null || now.isBefore(c.vacantSince().plus(CLAIM_AFTER))) {
                throw new Refused("管理人不在から30日たつと引き継げます。");
            }
            if (!store.standing(id, me).isMember()) {
                throw new Refused("メンバーだけが引き継げます。");
            }
            store.setRole(id, me, CommunityStanding.ADMIN);
            store.setAdmin(id, me, null);
            return null;
        });
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
        return store.commentMail(me);
    }

    public void saveCommentMail(long me, boolean on) {
        database.tx(em -> {
            store.saveCommentMail(me, on);
            return null;
        });
    }
}

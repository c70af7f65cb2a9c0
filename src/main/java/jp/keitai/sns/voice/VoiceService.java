package jp.keitai.sns.voice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Posts, replies, deletes and イイネ! of voices, and the lists pages show. Voices are kept at {@link #LEVEL}: the
 * author's friends and the author see them, as {@link AccessPolicy} decides. A reply belongs to its post's thread:
 * whoever may see the post sees the replies, except replies by members the viewer cannot deal with (a block either
 * way, a suspended or withdrawn author). Every list answers with a fixed number of queries, however many friends
 * the viewer has.
 */
@ApplicationScoped
public class VoiceService {

    /** Who sees voices: friends (and the author). */
    public static final Visibility LEVEL = Visibility.FRIENDS;

    static final String NOT_FOUND = "ボイスが見つかりません（削除されたか、見られない範囲です）。";

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    SocialGraph graph;

    @Inject
    MemberService members;

    /** Authors' newest posts in memory, for the home page (issue 9). */
    private VoiceFeed feed;

    protected VoiceService() {}

    public VoiceService(Database database, AccessPolicy policy, SocialGraph graph, MemberService members) {
        this.database = database;
        this.policy = policy;
        this.graph = graph;
        this.members = members;
        init();
    }

    @PostConstruct
    void init() {
        feed = new VoiceFeed(database);
    }

    /**
     * What a post came to: the voice's id, or a problem in Japanese for the member.
     *
     * @param created false when the same form or mail had already made this voice
     */
    public record Posted(Long id, String problem, boolean created) {
        static Posted refused(String problem) {
            return new Posted(null, problem, false);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /** A page of a list (pages from 1), and whether there is a next page. */
    public static final class Page {
        private final List<VoiceItem> items;
        private final int page;
        private final boolean hasNext;

        Page(List<VoiceItem> items, int page, boolean hasNext) {
            this.items = List.copyOf(items);
            this.page = page;
            this.hasNext = hasNext;
        }

        public List<VoiceItem> getItems() {
            return items;
        }

        public int getPage() {
            return page;
        }

        public boolean isHasNext() {
            return hasNext;
        }
    }

    /**
     * Posts a voice, or a reply when {@code replyTo} is given. The body is normalised ({@link VoiceText#normalise})
     * and must have 1 to 150 characters.
     *
     * @param sourceKey what made the post (a form's one-time key, a mail's dedup key) or null: a second post with the
     *     same key finds the first instead of posting twice
     */
    public Posted post(long author, String body, Long replyTo, String sourceKey) {
        String text = VoiceText.normalise(body);
        if (VoiceText.isBlank(text)) {
            return Posted.refused("ボイスを入力してください（空白だけでは投稿できません）。");
        }
        int length = VoiceText.length(text);
        if (length > VoiceText.MAX) {
            return Posted.refused("ボイスは" + VoiceText.MAX + "文字までです（いま" + length + "文字）。");
        }
        try {
            return database.tx(em -> {
                if (sourceKey != null) {
                    Optional<Long> earlier = bySourceKey(author, sourceKey);
                    if (earlier.isPresent()) {
                        return new Posted(earlier.get(), null, false);
                    }
                }
                Long root = null;
                if (replyTo != null) {
                    Voice target = em.find(Voice.class, replyTo);
                    Voice post = target == null || target.getReplyTo() == null
                            ? target
                            : em.find(Voice.class, target.getReplyTo());
                    if (post == null
                            || !policy.canSee(author, post.getAuthorId(), LEVEL)
                            || !policy.canInteract(author, target.getAuthorId())) {
                        return Posted.refused("返信先の" + NOT_FOUND);
                    }
                    root = post.getId();
                    feed.changed(post.getAuthorId()); // its replies
                } else {
                    feed.changed(author);
                }
                Voice voice = new Voice(author, text, root, sourceKey, Clock.now());
                em.persist(voice);
                em.flush();
                return new Posted(voice.getId(), null, true);
            });
        } catch (RuntimeException e) {
            // the same key posted at the same moment from a second request: the unique constraint kept one
            if (sourceKey != null) {
                Optional<Long> earlier = bySourceKey(author, sourceKey);
                if (earlier.isPresent()) {
                    return new Posted(earlier.get(), null, false);
                }
            }
            // the voice being answered was deleted at this very moment
            if (replyTo != null && database.read(em -> em.find(Voice.class, replyTo)) == null) {
                return Posted.refused("返信先の" + NOT_FOUND);
            }
            throw e;
        }
    }

    /** Deletes the member's own voice (its replies and イイネ! go with it); false when it is not theirs or gone. */
    public boolean delete(long member, long voiceId) {
        return database.tx(em -> {
            Voice v = em.find(Voice.class, voiceId);
            if (v == null || v.getAuthorId() != member) {
                return false;
            }
            Voice post = v.getReplyTo() == null ? v : em.find(Voice.class, v.getReplyTo());
            feed.changed(post == null ? member : post.getAuthorId());
            em.remove(v);
            return true;
        });
    }

    /**
     * Says イイネ! for the member; saying it again changes nothing. Returns a problem in Japanese, or null. Not for
     * use inside another transaction: the primary key decides a race between two clicks, and the losing insert is
     * simply the like that already exists.
     */
    public String like(long member, long voiceId) {
        Optional<VoiceItem> seen = visible(member, voiceId);
        if (seen.isEmpty()) {
            return NOT_FOUND;
        }
        String problem = database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into voice_like (voice_id, member_id, created_at) values (?, ?, ?)")) {
                ps.setLong(1, voiceId);
                ps.setLong(2, member);
                ps.setTimestamp(3, Timestamp.from(Clock.now()));
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return null; // liked already (perhaps a moment ago, by a second click)
                }
                if ("23503".equals(e.getSQLState())) {
                    return NOT_FOUND; // deleted meanwhile
                }
                throw e;
            }
        });
        feed.changed(seen.get().getAuthorId());
        return problem;
    }

    /** Takes the member's イイネ! back (nothing happens when there is none). */
    public void unlike(long member, long voiceId) {
        int removed = database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("delete from voice_like where voice_id = ? and member_id = ?")) {
                ps.setLong(1, voiceId);
                ps.setLong(2, member);
                return ps.executeUpdate();
            }
        });
        if (removed > 0) {
            Voice v = database.read(em -> em.find(Voice.class, voiceId));
            if (v != null) {
                feed.changed(v.getAuthorId());
            }
        }
    }

    /** The voice itself (post or reply), if the viewer may see it. */
    public Optional<VoiceItem> visible(Long viewer, long voiceId) {
        if (viewer == null) {
            return Optional.empty();
        }
        Voice v = database.read(em -> em.find(Voice.class, voiceId));
        if (v == null) {
            return Optional.empty();
        }
        if (v.getReplyTo() != null) {
            Voice post = database.read(em -> em.find(Voice.class, v.getReplyTo()));
            if (post == null
                    || !policy.canSee(viewer, post.getAuthorId(), LEVEL)
                    || !policy.canInteract(viewer, v.getAuthorId())) {
                return Optional.empty();
            }
        } else if (!policy.canSee(viewer, v.getAuthorId(), LEVEL)) {
            return Optional.empty();
        }
        return decorate(viewer, List.of(v), false).stream().findFirst();
    }

    /** A post with the replies the viewer may see (given a reply, its post's thread). */
    public Optional<VoiceItem> thread(Long viewer, long voiceId) {
        if (viewer == null) {
            return Optional.empty();
        }
        Voice found = database.read(em -> em.find(Voice.class, voiceId));
        Voice v = found == null || found.getReplyTo() == null
                ? found
                : database.read(em -> em.find(Voice.class, found.getReplyTo()));
        if (v == null || !policy.canSee(viewer, v.getAuthorId(), LEVEL)) {
            return Optional.empty();
        }
        return decorate(viewer, List.of(v), true).stream().findFirst();
    }

    /** Friends' voices and the viewer's own, newest first: {@code size} posts per page, pages from 1. */
    public Page timeline(long viewer, int page, int size) {
        if (page <= 1 && size < VoiceFeed.DEPTH && !database.inTransaction()) {
            return firstPageFromMemory(viewer, size);
        }
        int p = Math.max(1, page);
        Set<Long> candidates = new LinkedHashSet<>(graph.friendIds(viewer));
        candidates.add(viewer);
        List<Long> authors = List.copyOf(policy.canSeeAmong(viewer, candidates, LEVEL));
        List<Voice> rows = database.read(em -> em.createQuery(
                        "select v from Voice v where v.replyTo is null and v.authorId in :authors"
                                + " order by v.createdAt desc, v.id desc",
                        Voice.class)
                .setParameter("authors", authors)
                .setFirstResult((p - 1) * size)
                .setMaxResults(size + 1)
                .getResultList());
        boolean next = rows.size() > size;
        return new Page(decorate(viewer, next ? rows.subList(0, size) : rows, false), p, next);
    }

    /** The first page of {@link #timeline} from the authors' feeds in memory: no query once they are loaded. */
    private Page firstPageFromMemory(long viewer, int size) {
        // voices are kept at LEVEL (FRIENDS), as visibleFriends answers; the viewer sees their own too
        long[] friends = policy.visibleFriends(viewer);
        long[] authors = java.util.Arrays.copyOf(friends, friends.length + 1);
        authors[friends.length] = viewer;
        List<VoiceFeed.Head> heads = feed.latest(authors, size + 1);
        boolean next = heads.size() > size;
        List<VoiceFeed.Head> shown = next ? heads.subList(0, size) : heads;
        // replies count only where the viewer may deal with the reply's author, as on the voice's own page
        Set<Long> replyAuthors = new HashSet<>();
        Set<Long> named = new HashSet<>();
        for (VoiceFeed.Head h : shown) {
            named.add(h.authorId());
            for (long a : h.replyAuthors()) {
                replyAuthors.add(a);
            }
        }
        Set<Long> reachable = policy.canSeeAmong(viewer, replyAuthors, Visibility.EVERYONE);
        Map<Long, String> names = members.nicknames(named);
        List<VoiceItem> items = new ArrayList<>();
        for (VoiceFeed.Head h : shown) {
            int replies = 0;
            for (long a : h.replyAuthors()) {
                if (reachable.contains(a)) {
                    replies++;
                }
            }
            items.add(new VoiceItem(
                    h.id(),
                    h.authorId(),
                    names.getOrDefault(h.authorId(), "退会したメンバー"),
                    h.body(),
                    null,
                    h.createdAt(),
                    h.likers().length,
                    java.util.Arrays.binarySearch(h.likers(), viewer) >= 0,
                    replies,
                    h.authorId() == viewer,
                    List.of()));
        }
        return new Page(items, 1, next);
    }

    /**
     * The owner's latest posts (not replies) as the viewer may see them, newest first: empty when the viewer may not
     * see the owner's voices. For the profile page.
     */
    public List<VoiceItem> latestBy(Long viewer, long owner, int limit) {
        if (viewer == null || !policy.canSee(viewer, owner, LEVEL)) {
            return List.of();
        }
        List<Voice> rows = database.read(em -> em.createQuery(
                        "select v from Voice v where v.replyTo is null and v.authorId = :owner"
                                + " order by v.createdAt desc, v.id desc",
                        Voice.class)
                .setParameter("owner", owner)
                .setMaxResults(limit)
                .getResultList());
        return decorate(viewer, rows, false);
    }

    private Optional<Long> bySourceKey(long author, String sourceKey) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select id from voice where author_id = ? and source_key = ?")) {
                ps.setLong(1, author);
                ps.setString(2, sourceKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Names, counts and the viewer's likes for a list of voices, in a fixed number of queries. */
    private List<VoiceItem> decorate(long viewer, List<Voice> voices, boolean withReplies) {
        if (voices.isEmpty()) {
            return List.of();
        }
        List<Long> ids = voices.stream().map(Voice::getId).toList();
        // replies under these posts, kept only where the viewer may deal with the reply's author
        List<Voice> replies = database.read(em -> em.createQuery(
                        "select v from Voice v where v.replyTo in :ids order by v.createdAt, v.id", Voice.class)
                .setParameter("ids", ids)
                .getResultList());
        Set<Long> replyAuthors = new HashSet<>();
        replies.forEach(r -> replyAuthors.add(r.getAuthorId()));
        Set<Long> reachable = policy.canSeeAmong(viewer, replyAuthors, Visibility.EVERYONE);
        replies = replies.stream()
                .filter(r -> reachable.contains(r.getAuthorId()))
                .toList();

        List<Long> all = new ArrayList<>(ids);
        if (withReplies) {
            replies.forEach(r -> all.add(r.getId()));
        }
        Map<Long, Integer> likes = new HashMap<>();
        Set<Long> mine = new HashSet<>();
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select voice_id, count(*), sum(case when member_id = ?"
                    + " then 1 else 0 end) from voice_like where voice_id in (" + Database.placeholders(all.size())
                    + ") group by voice_id")) {
                ps.setLong(1, viewer);
                for (int i = 0; i < all.size(); i++) {
                    ps.setLong(i + 2, all.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        likes.put(rs.getLong(1), rs.getInt(2));
                        if (rs.getInt(3) > 0) {
                            mine.add(rs.getLong(1));
                        }
                    }
                }
            }
            return null;
        });
        Set<Long> authors = new HashSet<>(replyAuthors);
        voices.forEach(v -> authors.add(v.getAuthorId()));
        Map<Long, String> names = members.nicknames(authors);

        Map<Long, List<VoiceItem>> threads = new HashMap<>();
        for (Voice r : replies) {
            threads.computeIfAbsent(r.getReplyTo(), k -> new ArrayList<>())
                    .add(item(viewer, r, names, likes, mine, 0, List.of()));
        }
        List<VoiceItem> out = new ArrayList<>();
        for (Voice v : voices) {
            List<VoiceItem> under = threads.getOrDefault(v.getId(), List.of());
            out.add(item(viewer, v, names, likes, mine, under.size(), withReplies ? under : List.of()));
        }
        return out;
    }

    private static VoiceItem item(
            long viewer,
            Voice v,
            Map<Long, String> names,
            Map<Long, Integer> likes,
            Set<Long> mine,
            int replyCount,
            List<VoiceItem> replies) {
        return new VoiceItem(
                v.getId(),
                v.getAuthorId(),
                names.getOrDefault(v.getAuthorId(), "退会したメンバー"),
                v.getBody(),
                v.getReplyTo(),
                v.getCreatedAt(),
                likes.getOrDefault(v.getId(), 0),
                mine.contains(v.getId()),
                replyCount,
                v.getAuthorId() == viewer,
                replies);
    }

    /** For tests and the mail route: the number of voices a member has posted (posts and replies). */
    int countBy(long author) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from voice where author_id = ?")) {
                ps.setLong(1, author);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}

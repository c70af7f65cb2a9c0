package jp.keitai.sns.voice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.NewestFirst;
import jp.keitai.sns.system.ReadCache;

/**
 * The voice lists as a viewer sees them, and the one voice cache: each member's newest posts (not replies), at most
 * {@link #DEPTH}, with who liked them and who replied, kept in memory so that the home page's voice section merges its
 * friends' lists instead of querying. Every list answers with a fixed number of queries, however many friends the
 * viewer has. Replies by members the viewer cannot deal with (a block either way, a suspended or withdrawn author) are
 * neither shown nor counted, from memory or not. The memory is dropped on every node when the author posts or deletes,
 * and when a post is liked, unliked, replied to or loses a reply ({@link #changed}).
 */
final class VoiceFeed {

    /** Posts kept per author: the home page's {@link VoiceHomeSection#SHOWN} and one more, to know of a next page. */
    static final int DEPTH = 6;

    private static final String TOPIC = "voice-feed";
    private static final String GONE_MEMBER = "退会したメンバー";

    /** One author's posts, newest first, as parallel arrays; {@code bodies} joined by NUL (bodies never hold one). */
    private record Packed(long[] ids, long[] millis, String bodies, long[][] likers, long[][] replyAuthors)
            implements NewestFirst {
        VoiceStore.Head head(long author, int i) {
            int from = 0;
            for (int k = 0; k < i; k++) {
                from = bodies.indexOf('\0', from) + 1;
            }
            int to = bodies.indexOf('\0', from);
            return new VoiceStore.Head(
                    ids[i],
                    author,
                    bodies.substring(from, to < 0 ? bodies.length() : to),
                    Instant.ofEpochMilli(millis[i]),
                    likers[i],
                    replyAuthors[i]);
        }

        static Packed of(List<VoiceStore.Head> heads) {
            int n = heads.size();
            long[] ids = new long[n];
            long[] millis = new long[n];
            long[][] likers = new long[n][];
            long[][] repliers = new long[n][];
            StringBuilder bodies = new StringBuilder();
            for (int i = 0; i < n; i++) {
                VoiceStore.Head h = heads.get(i);
                ids[i] = h.id();
                millis[i] = h.createdAt().toEpochMilli();
                likers[i] = h.likers();
                repliers[i] = h.replyAuthors();
                if (i > 0) {
                    bodies.append('\0');
                }
                bodies.append(h.body().replace('\0', ' '));
            }
            return new Packed(ids, millis, bodies.toString(), likers, repliers);
        }
    }

    private final Database database;
    private final VoiceStore store;
    private final AccessPolicy policy;
    private final SocialGraph graph;
    private final MemberService members;
    private final ReadCache<Long, Packed> byAuthor;

    VoiceFeed(Database database, VoiceStore store, AccessPolicy policy, SocialGraph graph, MemberService members) {
        this.database = database;
        this.store = store;
        this.policy = policy;
        this.graph = graph;
        this.members = members;
        this.byAuthor = ReadCache.ofIds(CacheSize.MEMBERS.get());
        database.changes().subscribe(TOPIC, byAuthor::invalidate);
        database.changes().onReset(byAuthor::clear);
    }

    /** Call in the transaction that changes one of the author's posts, its likes or its replies. */
    void changed(long author) {
        database.changes().publish(TOPIC, author);
    }

    /**
     * Friends' voices and the viewer's own, newest first: {@code size} posts per page, pages from 1. A first page
     * shorter than {@link #DEPTH} comes from memory, except inside a transaction, which reads what it wrote.
     */
    VoicePage timeline(long viewer, int page, int size) {
        if (page <= 1 && size < DEPTH && !database.inTransaction()) {
            return firstPageFromMemory(viewer, size);
        }
        int p = Math.max(1, page);
        Set<Long> candidates = new LinkedHashSet<>(graph.friendIds(viewer));
        candidates.add(viewer);
        List<Long> authors = List.copyOf(policy.canSeeAmong(viewer, candidates, VoiceService.LEVEL));
        List<Voice> rows = store.posts(authors, (p - 1) * size, size + 1);
        boolean next = rows.size() > size;
        return new VoicePage(items(viewer, next ? rows.subList(0, size) : rows, false), p, next);
    }

    /** The first page of {@link #timeline} from the authors' posts in memory: no query once they are loaded. */
    private VoicePage firstPageFromMemory(long viewer, int size) {
        // voices are kept at LEVEL (FRIENDS), as visibleFriends answers; the viewer sees their own too
        long[] friends = policy.visibleFriends(viewer);
        long[] authors = Arrays.copyOf(friends, friends.length + 1);
        authors[friends.length] = viewer;
        List<VoiceStore.Head> heads = latest(authors, size + 1);
        boolean next = heads.size() > size;
        List<VoiceStore.Head> shown = next ? heads.subList(0, size) : heads;
        Set<Long> replyAuthors = new HashSet<>();
        Set<Long> named = new HashSet<>();
        for (VoiceStore.Head h : shown) {
            named.add(h.authorId());
            for (long a : h.replyAuthors()) {
                replyAuthors.add(a);
            }
        }
        Set<Long> reachable = policy.canSeeAmong(viewer, replyAuthors, Visibility.EVERYONE);
        Map<Long, String> names = members.nicknames(named);
        List<VoiceItem> items = new ArrayList<>();
        for (VoiceStore.Head h : shown) {
            int replies = 0;
            for (long a : h.replyAuthors()) {
                if (reachable.contains(a)) {
                    replies++;
                }
            }
            items.add(new VoiceItem(
                    h.id(),
                    h.authorId(),
                    names.getOrDefault(h.authorId(), GONE_MEMBER),
                    h.body(),
                    null,
                    h.createdAt(),
                    h.likers().length,
                    Arrays.binarySearch(h.likers(), viewer) >= 0,
                    replies,
                    h.authorId() == viewer,
                    List.of()));
        }
        return new VoicePage(items, 1, next);
    }

    /** The newest posts of these authors, merged, newest first, at most {@code limit}. */
    private List<VoiceStore.Head> latest(long[] authors, int limit) {
        Packed[] lists = byAuthor.getAll(authors, Packed[]::new, this::load);
        return NewestFirst.merge(Arrays.asList(lists), limit).stream()
                .map(p -> lists[p[0]].head(authors[p[0]], p[1]))
                .toList();
    }

    private Map<Long, Packed> load(Set<Long> authors) {
        Map<Long, Packed> out = new HashMap<>();
        store.newestPosts(List.copyOf(authors), DEPTH).forEach((a, heads) -> out.put(a, Packed.of(heads)));
        return out;
    }

    /**
     * Voices the viewer may see (the caller decided that), with names, イイネ! and reply counts, in a fixed number of
     * queries; with their replies too when {@code withReplies}.
     */
    List<VoiceItem> items(long viewer, List<Voice> voices, boolean withReplies) {
        if (voices.isEmpty()) {
            return List.of();
        }
        List<Long> ids = voices.stream().map(Voice::id).toList();
        List<Voice> replies = store.repliesTo(ids);
        Set<Long> replyAuthors = new HashSet<>();
        replies.forEach(r -> replyAuthors.add(r.authorId()));
        Set<Long> reachable = policy.canSeeAmong(viewer, replyAuthors, Visibility.EVERYONE);
        replies = replies.stream().filter(r -> reachable.contains(r.authorId())).toList();

        List<Long> all = new ArrayList<>(ids);
        if (withReplies) {
            replies.forEach(r -> all.add(r.id()));
        }
        VoiceStore.Likes likes = store.likes(viewer, all);
        Set<Long> authors = new HashSet<>(replyAuthors);
        voices.forEach(v -> authors.add(v.authorId()));
        Map<Long, String> names = members.nicknames(authors);

        Map<Long, List<VoiceItem>> threads = new HashMap<>();
        for (Voice r : replies) {
            threads.computeIfAbsent(r.replyTo(), k -> new ArrayList<>())
                    .add(item(viewer, r, names, likes, 0, List.of()));
        }
        List<VoiceItem> out = new ArrayList<>();
        for (Voice v : voices) {
            List<VoiceItem> under = threads.getOrDefault(v.id(), List.of());
            out.add(item(viewer, v, names, likes, under.size(), withReplies ? under : List.of()));
        }
        return out;
    }

    private static VoiceItem item(
            long viewer,
            Voice v,
            Map<Long, String> names,
            VoiceStore.Likes likes,
            int replyCount,
            List<VoiceItem> replies) {
        return new VoiceItem(
                v.id(),
                v.authorId(),
                names.getOrDefault(v.authorId(), GONE_MEMBER),
                v.body(),
                v.replyTo(),
                v.createdAt(),
                likes.counts().getOrDefault(v.id(), 0),
                likes.mine().contains(v.id()),
                replyCount,
                v.authorId() == viewer,
                replies);
    }
}

package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.access.ActiveMembers;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Changes;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * Answers questions about the friend graph: are two members friends, friends of a friend, or blocked; who is within
 * two steps. Reads only; friendships change through the friend service, which calls {@link #friendshipChanged} and
 * {@link #blocksChanged}.
 *
 * <p>Outside a transaction the answers come from memory: each member's sorted friend ids and the members they block or
 * are blocked by, loaded on first use (many members in one query) and dropped on every node when they change (see
 * {@link Changes}). So "friend of a friend?" is the intersection of two sorted arrays. Inside a transaction (a write
 * deciding something under its locks) every answer is read from the database ({@link FriendStore}), one indexed query
 * each. This is the only class that keeps the graph in memory.
 *
 * <p>Suspended and withdrawn members keep their rows (a suspension can be lifted), but nobody passes through them: the
 * friend lists and counts leave them out, and "friend of a friend" needs an active friend in common. Their status is
 * not kept here: it is asked of {@link ActiveMembers} (the member directory's cached cards, dropped on every node in
 * the transaction that changes a status) at the time of the question, so a suspension takes effect at once without
 * dropping the graph.
 */
@ApplicationScoped
public class FriendGraph implements jp.keitai.sns.access.SocialGraph {

    static final String FRIENDS = "friends";
    /** The topic of block changes (other features drop what depends on blocks, such as counts that leave them out). */
    public static final String BLOCKS = jp.keitai.sns.access.SocialGraph.BLOCKS;

    private static final long[] NONE = new long[0];
    private static final int[] NO_FRIENDS = new int[0];

    @Inject
    Database database;

    @Inject
    ActiveMembers members;

    private FriendStore store;

    /**
     * Each member's friend ids, ascending, as {@code int}s: half the memory of {@code long}s. Member ids come from a
     * sequence and fit; a larger one fails loudly where the lists are made ({@link #compact}).
     */
    private ReadCache<Long, int[]> friends;

    private ReadCache<Long, long[]> blocks;

    protected FriendGraph() {}

    /** Wired by hand (tests, benchmarks), with a member directory of its own. */
    public FriendGraph(Database database) {
        this(database, new MemberService(database));
    }

    public FriendGraph(Database database, ActiveMembers members) {
        this.database = database;
        this.members = members;
        init();
    }

    @PostConstruct
    void init() {
        store = new FriendStore(database);
        long size = jp.keitai.sns.system.CacheSize.MEMBERS.get();
        friends = ReadCache.ofIds(size);
        blocks = ReadCache.ofIds(size);
        database.changes().subscribe(FRIENDS, friends::invalidate);
        database.changes().subscribe(BLOCKS, blocks::invalidate);
        database.changes().onReset(() -> {
            friends.clear();
            blocks.clear();
        });
    }

    /** Call in the transaction that makes or ends a friendship between a and b. */
    public void friendshipChanged(long a, long b) {
        database.changes().publish(FRIENDS, a, b);
    }

    /** Call in the transaction that adds or removes a block between a and b. */
    public void blocksChanged(long a, long b) {
        database.changes().publish(BLOCKS, a, b);
    }

    /**
     * The viewer's relation to the owner; {@code viewer} null is a guest. Blocks and the owner's status are separate
     * questions; a friend of a friend is one through an active friend.
     */
    public Relation relation(Long viewer, long owner) {
        if (viewer == null) {
            return Relation.GUEST;
        }
        if (viewer == owner) {
            return Relation.SELF;
        }
        if (areFriends(viewer, owner)) {
            return Relation.FRIEND;
        }
        return areFriendsOfFriends(viewer, owner) ? Relation.FRIEND_OF_FRIEND : Relation.MEMBER;
    }

    public boolean areFriends(long a, long b) {
        if (!database.inTransaction()) {
            return contains(friendsOf(a), b);
        }
        return store.areFriends(a, b);
    }

    /**
     * Whether some active member (neither suspended nor withdrawn) is a friend of both (a and b themselves need not be
     * friends).
     */
    public boolean areFriendsOfFriends(long a, long b) {
        if (a == b) {
            return false;
        }
        Map<Long, int[]> both = friendsOf(List.of(a, b));
        return sharesAnActive(both.getOrDefault(a, NO_FRIENDS), both.getOrDefault(b, NO_FRIENDS));
    }

    /** Whether either member has blocked the other. */
    public boolean blockedEitherWay(long a, long b) {
        if (!database.inTransaction()) {
            return Arrays.binarySearch(blocksOf(a), b) >= 0;
        }
        return store.blockedEitherWay(a, b);
    }

    /** Everyone the member has blocked or is blocked by, in one query (blocks are few). */
    public Set<Long> blockedEitherWay(long member) {
        if (!database.inTransaction()) {
            Set<Long> out = new java.util.HashSet<>();
            for (long id : blocksOf(member)) {
                out.add(id);
            }
            return out;
        }
        return store.blockedEitherWay(member);
    }

    /**
     * {@link #blockedEitherWay(long)} as ascending ids, from memory outside a transaction (the caller must not change
     * the array).
     */
    public long[] blockedIds(long member) {
        if (!database.inTransaction()) {
            return blocksOf(member);
        }
        return store.blockedEitherWay(member).stream()
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
    }

    /** Whether {@code blocker} has blocked {@code blocked}. */
    public boolean hasBlocked(long blocker, long blocked) {
        return store.hasBlocked(blocker, blocked);
    }

    /**
     * Ids of the member's active friends (neither suspended nor withdrawn), ascending, as an array (the caller's own):
     * from memory outside a transaction.
     */
    public long[] friendIdArray(long member) {
        return members.active(widen(friendsOf(member)));
    }

    /** Ids of the member's active friends, ascending. */
    public List<Long> friendIds(long member) {
        long[] ids = friendIdArray(member);
        List<Long> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }

    /** The number of the member's active friends. */
    public int friendCount(long member) {
        return friendIdArray(member).length;
    }

    /**
     * Members within two steps of {@code member}, excluding the member: friends, and friends of active friends.
     * (Whether each of them may be seen is the access policy's question.)
     */
    public Set<Long> withinTwoSteps(long member) {
        int[] mine = friendsOf(member);
        Set<Long> out = new java.util.TreeSet<>();
        for (long f : mine) {
            out.add(f);
        }
        for (int[] theirs : friendsOf(activeOnly(mine)).values()) {
            for (long id : theirs) {
                out.add(id);
            }
        }
        out.remove(member);
        return new LinkedHashSet<>(out);
    }

    /**
     * Which of {@code candidates} are within two steps of {@code member}: friends, or sharing an active friend. Reads
     * the candidates' friend lists (from memory outside a transaction, else in one query per chunk), so it stays cheap
     * however large the member's two-step circle is.
     */
    public Set<Long> withinTwoStepsAmong(long member, java.util.Collection<Long> candidates) {
        Set<Long> out = new LinkedHashSet<>();
        if (candidates.isEmpty()) {
            return out;
        }
        Set<Long> wanted = new LinkedHashSet<>(candidates);
        wanted.remove(member);
        int[] mine = friendsOf(member);
        int[] active = activeOnly(mine);
        Map<Long, int[]> theirs = friendsOf(wanted);
        for (Long c : wanted) {
            if (contains(mine, c) || intersects(active, theirs.getOrDefault(c, NO_FRIENDS))) {
                out.add(c);
            }
        }
        return out;
    }

    // ---- the in-memory copy (or, inside a transaction, the database's)

    private int[] friendsOf(long member) {
        if (database.inTransaction()) {
            return compact(store.friendLists(Set.of(member))).getOrDefault(member, NO_FRIENDS);
        }
        int[] ids =
                friends.get(member, m -> compact(store.friendLists(Set.of(m))).get(m));
        return ids == null ? NO_FRIENDS : ids;
    }

    /** Sorted friend ids of each member (members without friends map to an empty array). */
    private Map<Long, int[]> friendsOf(java.util.Collection<Long> owners) {
        if (database.inTransaction()) {
            return owners.isEmpty() ? Map.of() : compact(store.friendLists(new java.util.HashSet<>(owners)));
        }
        return friends.getAll(owners, missing -> compact(store.friendLists(missing)));
    }

    /** The friends of these ids as a set of longs, for {@link #friendsOf(java.util.Collection)}. */
    private static Set<Long> boxed(int[] ids) {
        Set<Long> out = new LinkedHashSet<>();
        for (int id : ids) {
            out.add((long) id);
        }
        return out;
    }

    private Map<Long, int[]> friendsOf(int[] ids) {
        return friendsOf(boxed(ids));
    }

    private static long[] widen(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    /** The active members among these ascending ids: the array itself when all are active. */
    private int[] activeOnly(int[] ids) {
        if (ids.length == 0) {
            return ids;
        }
        long[] wide = widen(ids);
        long[] kept = members.active(wide);
        if (kept == wide) {
            return ids;
        }
        int[] out = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = (int) kept[i];
        }
        return out;
    }

    /**
     * Whether two ascending arrays share an active member. Only the shared ids are asked about, one by one, and the
     * first active one answers: the common case (friends in common, all active) costs one status look-up.
     */
    private boolean sharesAnActive(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                if (members.isActive(x[i])) {
                    return true;
                }
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The lists as {@code int}s; an id beyond {@code int} fails loudly rather than being cut. */
    static Map<Long, int[]> compact(Map<Long, long[]> lists) {
        Map<Long, int[]> out = new HashMap<>();
        lists.forEach((owner, ids) -> {
            int[] small = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                small[i] = Math.toIntExact(ids[i]);
            }
            out.put(owner, small);
        });
        return out;
    }

    private static boolean contains(int[] ascending, long id) {
        return id == (int) id && Arrays.binarySearch(ascending, (int) id) >= 0;
    }

    private long[] blocksOf(long member) {
        return blocks.getAll(List.of(member), store::blockLists).getOrDefault(member, NONE);
    }

    /** Whether two ascending arrays share an element. */
    static boolean intersects(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                return true;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}

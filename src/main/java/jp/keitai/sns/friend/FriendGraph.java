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
import jp.keitai.sns.access.Relation;
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

    private FriendStore store;

    /**
     * Each member's friend ids, ascending, as {@code int}s: half the memory of {@code long}s. Member ids come from a
     * sequence and fit; a larger one fails loudly where the lists are made ({@link #compact}).
     */
    private ReadCache<Long, int[]> friends;

    private ReadCache<Long, long[]> blocks;

    protected FriendGraph() {}

    public FriendGraph(Database database) {
        this.database = database;
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

    /** The viewer's relation to the owner; {@code viewer} null is a guest. Blocks are a separate question. */
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

    /** Whether some member is a friend of both (a and b themselves need not be friends). */
    public boolean areFriendsOfFriends(long a, long b) {
        if (a == b) {
            return false;
        }
        if (!database.inTransaction()) {
            Map<Long, int[]> both = friendsOf(List.of(a, b));
            return intersects(both.getOrDefault(a, NO_FRIENDS), both.getOrDefault(b, NO_FRIENDS));
        }
        return store.shareAFriend(a, b);
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

    /** Ids of the member's friends, ascending, as an array (the caller's own): from memory outside a transaction. */
    public long[] friendIdArray(long member) {
        if (!database.inTransaction()) {
            int[] ids = friendsOf(member);
            long[] out = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                out[i] = ids[i];
            }
            return out;
        }
        return friendIds(member).stream().mapToLong(Long::longValue).toArray();
    }

    /** Ids of the member's friends, ascending. */
    public List<Long> friendIds(long member) {
        if (!database.inTransaction()) {
            int[] ids = friendsOf(member);
            List<Long> out = new ArrayList<>(ids.length);
            for (long id : ids) {
                out.add(id);
            }
            return out;
        }
        return store.friendIds(member);
    }

    public int friendCount(long member) {
        if (!database.inTransaction()) {
            return friendsOf(member).length;
        }
        return store.friendCount(member);
    }

    /** Members within two steps of {@code member} (friends and friends of friends), excluding the member. */
    public Set<Long> withinTwoSteps(long member) {
        if (!database.inTransaction()) {
            int[] mine = friendsOf(member);
            Set<Long> out = new java.util.TreeSet<>();
            for (long f : mine) {
                out.add(f);
            }
            for (int[] theirs : friendsOf(out).values()) {
                for (long id : theirs) {
                    out.add(id);
                }
            }
            out.remove(member);
            return new LinkedHashSet<>(out);
        }
        Set<Long> out = new LinkedHashSet<>(friendIds(member));
        out.addAll(store.friendsOfFriends(member));
        out.remove(member);
        return out;
    }

    /**
     * Which of {@code candidates} are within two steps of {@code member}: friends, or sharing a friend. Costs one probe
     * of the primary key per (friend, candidate) pair, so it stays cheap however large the member's two-step circle
     * is (a member whose friends have hundreds of friends each can have tens of thousands of friends of friends).
     */
    public Set<Long> withinTwoStepsAmong(long member, java.util.Collection<Long> candidates) {
        Set<Long> out = new LinkedHashSet<>();
        if (candidates.isEmpty()) {
            return out;
        }
        Set<Long> wanted = new LinkedHashSet<>(candidates);
        wanted.remove(member);
        if (!database.inTransaction()) {
            int[] mine = friendsOf(member);
            Map<Long, int[]> theirs = friendsOf(wanted);
            for (Long c : wanted) {
                if (contains(mine, c) || intersects(mine, theirs.getOrDefault(c, NO_FRIENDS))) {
                    out.add(c);
                }
            }
            return out;
        }
        for (Long friend : friendIds(member)) {
            if (wanted.remove(friend)) {
                out.add(friend);
            }
        }
        out.addAll(store.friendsOfFriendsAmong(member, wanted));
        return out;
    }

    // ---- the in-memory copy

    private int[] friendsOf(long member) {
        int[] ids =
                friends.get(member, m -> compact(store.friendLists(Set.of(m))).get(m));
        return ids == null ? NO_FRIENDS : ids;
    }

    /** Sorted friend ids of each member (members without friends map to an empty array). */
    private Map<Long, int[]> friendsOf(java.util.Collection<Long> members) {
        return friends.getAll(members, missing -> compact(store.friendLists(missing)));
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

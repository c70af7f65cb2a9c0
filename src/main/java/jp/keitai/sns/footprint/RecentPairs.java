package jp.keitai.sns.footprint;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The (visitor, visited) pairs this node recorded within the あしあと window, so that a repeated view is refused without
 * SQL. A fixed table allocated once: {@code slots} entries in three primitive arrays (visitor, visited, visit
 * time in epoch milliseconds: 24 bytes a slot), two-way set-associative, each set guarded by one of {@value #STRIPES}
 * lock objects. A claim allocates nothing, so a profile view leaves no garbage behind here.
 *
 * <p>The table only ever refuses a pair it holds with a time within the window. A pair it does not hold (never seen,
 * expired, or pushed out by two other pairs of its set) is a miss: the caller goes on to the database, whose pair rule
 * decides, as it does for a pair another node recorded. Times are kept to the millisecond, cut down; that can only turn
 * a refusal less than a millisecond before the window ends into a miss.
 */
final class RecentPairs {

    static final int STRIPES = 256;
    /** A time no claim finds fresh: empty or forgotten slots, and the first to be given to a new pair. */
    private static final long EMPTY = Long.MIN_VALUE;

    private final long windowMillis;
    private final int sets;
    private final long[] visitorIds;
    private final long[] visitedIds;
    private final long[] times;
    private final Object[] locks = new Object[STRIPES];

    /**
     * A table of {@code slots} pairs (rounded up to an even number; 0 remembers nothing). With a zero window every
     * view is claimed and nothing is allocated.
     */
    RecentPairs(int slots, Duration window) {
        if (slots < 0 || window.isNegative()) {
            throw new IllegalArgumentException("slots " + slots + ", window " + window);
        }
        windowMillis = window.toMillis();
        sets = windowMillis == 0 ? 0 : (int) ((slots + 1L) / 2);
        visitorIds = new long[2 * sets];
        visitedIds = new long[2 * sets];
        times = new long[2 * sets];
        Arrays.fill(times, EMPTY);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * The pair rule in memory: false when this table holds the pair with a time within the window before {@code at};
     * otherwise notes the pair at {@code at} (pushing out the older pair of its set if need be) and returns true.
     * Atomic per pair: of simultaneous claims of one pair, one wins.
     */
    boolean claim(long visitor, long visited, Instant at) {
        if (sets == 0) {
            return true;
        }
        long now = at.toEpochMilli();
        int a = 2 * set(visitor, visited);
        int b = a + 1;
        synchronized (locks[(a >>> 1) & (STRIPES - 1)]) {
            int slot = find(a, visitor, visited);
            if (slot >= 0 && times[slot] > now - windowMillis) {
                return false;
            }
            if (slot < 0) {
                slot = times[a] <= times[b] ? a : b; // an empty slot, else the pair seen longer ago
                visitorIds[slot] = visitor;
                visitedIds[slot] = visited;
            }
            times[slot] = now;
            return true;
        }
    }

    /** Forgets the pair if its time is still {@code at} (a later claim of the pair stays). */
    void forget(long visitor, long visited, Instant at) {
        if (sets == 0) {
            return;
        }
        long time = at.toEpochMilli();
        int a = 2 * set(visitor, visited);
        synchronized (locks[(a >>> 1) & (STRIPES - 1)]) {
            int slot = find(a, visitor, visited);
            if (slot >= 0 && times[slot] == time) {
                times[slot] = EMPTY;
            }
        }
    }

    /** Forgets every pair (the node lost track of other nodes' changes). */
    void clear() {
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            synchronized (locks[stripe]) {
                for (int set = stripe; set < sets; set += STRIPES) {
                    times[2 * set] = EMPTY;
                    times[2 * set + 1] = EMPTY;
                }
            }
        }
    }

    /** The slot of the set starting at {@code a} that holds the pair, or -1 (called under the set's lock). */
    private int find(int a, long visitor, long visited) {
        for (int slot = a; slot <= a + 1; slot++) {
            if (visitorIds[slot] == visitor && visitedIds[slot] == visited) {
                return slot;
            }
        }
        return -1;
    }

    /** The pair's set: both ids mixed into 64 bits (sequential ids spread evenly), mapped onto 0 … sets-1. */
    private int set(long visitor, long visited) {
        long h = mix(mix(visitor) + visited);
        return (int) (((h >>> 32) * sets) >>> 32);
    }

    /** The SplitMix64 finalizer: a bijection on 64 bits in which every input bit flips about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

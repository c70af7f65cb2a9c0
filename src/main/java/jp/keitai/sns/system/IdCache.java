package jp.keitai.sns.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.StampedLock;
import java.util.function.ToIntFunction;

/**
 * A bounded concurrent map from {@code long} ids to values: the storage behind {@link ReadCache#ofIds}.
 *
 * <p>Why not Caffeine: a home page reads a few hundred cached entries (every friend's feeds and card), and a lookup
 * in a {@code ConcurrentHashMap} of {@code Long} keys walks three objects that are rarely in the CPU cache (table
 * slot, node, boxed key), then Caffeine's own node, which costs the hot pages CPU and heap. Here the keys sit in an
 * {@code int[]} (a {@code long[]} once a key needs it) beside their values: one array probe finds the value, and an
 * entry costs about 15 bytes of table (9 a slot, about 1.6 slots an entry).
 *
 * <p>Segments of open-addressing tables (linear probing, deletion by shifting back, so no tombstones), each behind
 * a {@link StampedLock}: reads are optimistic and take no lock unless a write raced them; writes lock their segment.
 * When a segment is over its share of the maximum, the least recently useful entries go first by the CLOCK rule: a
 * read marks its entry used, and the eviction hand passes over used entries once, clearing the mark.
 */
final class IdCache<V> {

    private static final int SEGMENTS = 64; // a power of two

    private final Segment<V>[] segments;

    @SuppressWarnings("unchecked")
    IdCache(long maximumSize) {
        this(maximumSize, 0, null);
    }

    /**
     * A cache that also keeps the summed weight of its values within {@code maximumWeight} ({@code weigher}: an
     * estimate of a value's bytes, taken when it is put and remembered for when it leaves). A single value heavier
     * than a segment's share stays until the next put evicts it.
     */
    IdCache(long maximumSize, long maximumWeight, ToIntFunction<? super V> weigher) {
        int perSegment = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, (maximumSize + SEGMENTS - 1) / SEGMENTS));
        long weightPerSegment =
                weigher == null ? Long.MAX_VALUE : Math.max(1, (maximumWeight + SEGMENTS - 1) / SEGMENTS);
        segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>(perSegment, weightPerSegment, weigher);
        }
    }

    V get(long key) {
        long h = mix(key);
        return segment(h).get(key, h);
    }

    void put(long key, V value) {
        long h = mix(key);
        segment(h).put(key, h, value, false);
    }

    void putIfAbsent(long key, V value) {
        long h = mix(key);
        segment(h).put(key, h, value, true);
    }

    void remove(long key) {
        long h = mix(key);
        segment(h).remove(key, h);
    }

    void clear() {
        for (Segment<V> s : segments) {
            s.clear();
        }
    }

    long size() {
        long n = 0;
        for (Segment<V> s : segments) {
            n += s.count;
        }
        return n;
    }

    /** The summed weight of the values kept (0 for a cache without a weigher). */
    long weight() {
        long n = 0;
        for (Segment<V> s : segments) {
            n += s.weight;
        }
        return n;
    }

    /** The slots of all tables (for tests: the table's memory is about 9 bytes a slot, 13 once keys are wide). */
    long slots() {
        long n = 0;
        for (Segment<V> s : segments) {
            n += s.table.capacity;
        }
        return n;
    }

    /** A snapshot of the ids present now (for rare scans: the caller may change the cache while it goes through). */
    List<Long> keys() {
        List<Long> out = new ArrayList<>();
        for (Segment<V> s : segments) {
            s.keysInto(out);
        }
        return out;
    }

    private Segment<V> segment(long h) {
        return segments[(int) (h >>> 58)]; // the top 6 bits pick the segment, the low bits the slot
    }

    /** A 64-bit finalizer (from SplitMix64): ids are dense and sequential, slots must not be. */
    private static long mix(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One segment's arrays; replaced whole when the segment grows, so an optimistic reader sees one consistent set.
     * Keys are kept in an {@code int[]} while every key of the table fits in an int (row ids do, for years), else in
     * a {@code long[]}: 9 bytes a slot instead of 13. The capacity is any size (not a power of two): a slot is found
     * by scaling the hash into the capacity, and a table grows by half when three quarters are taken, so a full cache
     * holds about 1.6 slots an entry, whatever its size (doubling at half full held 2 to 4).
     */
    private static final class Table {
        final int[] narrow; // null when the keys are wide
        final long[] wide; // null when the keys are narrow
        final Object[] values; // null: the slot is free
        final byte[] used;
        final int[] weights; // null for a cache without a weigher
        final int capacity;

        Table(int capacity, boolean wideKeys, boolean weighed) {
            this.capacity = capacity;
            narrow = wideKeys ? null : new int[capacity];
            wide = wideKeys ? new long[capacity] : null;
            values = new Object[capacity];
            used = new byte[capacity];
            weights = weighed ? new int[capacity] : null;
        }

        long key(int i) {
            return narrow != null ? narrow[i] : wide[i];
        }

        void setKey(int i, long key) {
            if (narrow != null) {
                narrow[i] = (int) key;
            } else {
                wide[i] = key;
            }
        }

        /** The home slot of a key with this hash: the low 32 bits scaled into the capacity (Lemire's reduction). */
        int home(long h) {
            return (int) (((h & 0xFFFF_FFFFL) * capacity) >>> 32);
        }

        int next(int i) {
            return i + 1 == capacity ? 0 : i + 1;
        }

        boolean full(int count) {
            return (long) count * 4 > (long) capacity * 3;
        }
    }

    private static boolean narrow(long key) {
        return key == (int) key;
    }

    private static final class Segment<V> {
        private static final int INITIAL = 16;

        private final StampedLock lock = new StampedLock();
        private final int maximum;
        private final long maximumWeight;
        private final ToIntFunction<? super V> weigher;
        private volatile Table table;
        private volatile int count;
        private volatile long weight;
        private int hand; // the CLOCK hand, under the write lock

        Segment(int maximum, long maximumWeight, ToIntFunction<? super V> weigher) {
            this.maximum = maximum;
            this.maximumWeight = maximumWeight;
            this.weigher = weigher;
            this.table = new Table(INITIAL, false, weigher != null);
        }

        private int weigh(V value) {
            return weigher == null ? 0 : Math.max(0, weigher.applyAsInt(value));
        }

        V get(long key, long h) {
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                Object v = find(table, key, h);
                if (lock.validate(stamp)) {
                    return cast(v);
                }
            }
            stamp = lock.readLock();
            try {
                return cast(find(table, key, h));
            } finally {
                lock.unlockRead(stamp);
            }
        }

        /** The value of the key, marking it used; bounded by the table's length even while a writer moves things. */
        private static Object find(Table t, long key, long h) {
            int[] narrow = t.narrow;
            if (narrow != null && !narrow(key)) {
                return null; // a narrow table holds no wide key
            }
            int cap = t.capacity;
            for (int i = t.home(h), n = 0; n < cap; i = t.next(i), n++) {
                Object v = t.values[i];
                if (v == null) {
                    return null;
                }
                if (narrow != null ? narrow[i] == (int) key : t.wide[i] == key) {
                    if (t.used[i] == 0) {
                        t.used[i] = 1; // a racy mark is harmless: it only guides eviction
                    }
                    return v;
                }
            }
            return null;
        }

        void put(long key, long h, V value, boolean onlyIfAbsent) {
            long stamp = lock.writeLock();
            try {
                Table t = table;
                if (t.narrow != null && !narrow(key)) {
                    t = table = rebuilt(t, t.capacity, true);
                }
                int w = weigh(value);
                int i = t.home(h);
                while (t.values[i] != null) {
                    if (t.key(i) == key) {
                        if (!onlyIfAbsent) {
                            t.values[i] = value;
                            if (t.weights != null) {
                                weight += w - t.weights[i];
                                t.weights[i] = w;
                            }
                            trim(t);
                        }
                        return;
                    }
                    i = t.next(i);
                }
                t.setKey(i, key);
                t.values[i] = value;
                t.used[i] = 0; // an entry earns its second chance by being read
                if (t.weights != null) {
                    t.weights[i] = w;
                    weight += w;
                }
                count++;
                trim(t);
                if (t.full(count) && t.capacity < Integer.MAX_VALUE / 2) {
                    table = rebuilt(t, t.capacity + t.capacity / 2, t.wide != null);
                }
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        void remove(long key, long h) {
            long stamp = lock.writeLock();
            try {
                Table t = table;
                for (int i = t.home(h); t.values[i] != null; i = t.next(i)) {
                    if (t.key(i) == key) {
                        delete(t, i);
                        return;
                    }
                }
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        void clear() {
            long stamp = lock.writeLock();
            try {
                table = new Table(INITIAL, false, weigher != null);
                count = 0;
                weight = 0;
                hand = 0;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        void keysInto(List<Long> out) {
            long stamp = lock.readLock();
            try {
                Table t = table;
                for (int i = 0; i < t.capacity; i++) {
                    if (t.values[i] != null) {
                        out.add(t.key(i));
                    }
                }
            } finally {
                lock.unlockRead(stamp);
            }
        }

        /** Evicts while the segment holds more entries or more weight than its share, keeping at least one entry. */
        private void trim(Table t) {
            while (count > 1 && (count > maximum || weight > maximumWeight)) {
                evictOne(t);
            }
        }

        /** CLOCK: the first entry from the hand on that was not used since the hand last passed it. */
        private void evictOne(Table t) {
            while (true) {
                int i = hand >= t.capacity ? 0 : hand;
                hand = i + 1;
                if (t.values[i] == null) {
                    continue;
                }
                if (t.used[i] != 0) {
                    t.used[i] = 0;
                    continue;
                }
                delete(t, i);
                return;
            }
        }

        /**
         * Frees slot i and shifts later entries of the same probe run back into the gap, so that every entry stays
         * reachable from its home slot without tombstones (Knuth's algorithm R for linear probing).
         */
        private void delete(Table t, int i) {
            if (t.weights != null) {
                weight -= t.weights[i];
            }
            int gap = i;
            for (int j = t.next(gap); t.values[j] != null; j = t.next(j)) {
                int home = t.home(mix(t.key(j)));
                // move j into the gap unless its home lies cyclically in (gap, j]
                boolean stays = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
                if (!stays) {
                    t.setKey(gap, t.key(j));
                    t.values[gap] = t.values[j];
                    t.used[gap] = t.used[j];
                    if (t.weights != null) {
                        t.weights[gap] = t.weights[j];
                    }
                    gap = j;
                }
            }
            t.values[gap] = null;
            t.used[gap] = 0;
            count--;
        }

        /** A copy of the entries in a table of this capacity and key width. */
        private static Table rebuilt(Table t, int capacity, boolean wideKeys) {
            Table bigger = new Table(capacity, wideKeys, t.weights != null);
            for (int j = 0; j < t.capacity; j++) {
                if (t.values[j] != null) {
                    long key = t.key(j);
                    int i = bigger.home(mix(key));
                    while (bigger.values[i] != null) {
                        i = bigger.next(i);
                    }
                    bigger.setKey(i, key);
                    bigger.values[i] = t.values[j];
                    bigger.used[i] = t.used[j];
                    if (t.weights != null) {
                        bigger.weights[i] = t.weights[j];
                    }
                }
            }
            return bigger;
        }

        @SuppressWarnings("unchecked")
        private static <V> V cast(Object v) {
            return (V) v;
        }
    }
}

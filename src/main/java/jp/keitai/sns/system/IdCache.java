package jp.keitai.sns.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * A bounded concurrent map from {@code long} ids to values: the storage behind {@link ReadCache#ofIds}.
 *
 * <p>Why not Caffeine: a home page reads a few hundred cached entries (every friend's feeds and card), and a lookup
 * in a {@code ConcurrentHashMap} of {@code Long} keys walks three objects that are rarely in the CPU cache (table
 * slot, node, boxed key), then Caffeine's own node, which costs the hot pages CPU and heap. Here the keys sit in a
 * {@code long[]} beside their values: one array probe finds the value, and an entry costs about 13 bytes of table.
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
        int perSegment = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, (maximumSize + SEGMENTS - 1) / SEGMENTS));
        segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>(perSegment);
        }
    }

    V get(long key) {
        long h = mix(key);
        return segment(h).get(key, (int) h);
    }

    void put(long key, V value) {
        long h = mix(key);
        segment(h).put(key, (int) h, value, false);
    }

    void putIfAbsent(long key, V value) {
        long h = mix(key);
        segment(h).put(key, (int) h, value, true);
    }

    void remove(long key) {
        long h = mix(key);
        segment(h).remove(key, (int) h);
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

    /** One segment's arrays; replaced whole when the segment grows, so an optimistic reader sees one consistent set. */
    private static final class Table {
        final long[] keys;
        final Object[] values; // null: the slot is free
        final byte[] used;

        Table(int capacity) {
            keys = new long[capacity];
            values = new Object[capacity];
            used = new byte[capacity];
        }
    }

    private static final class Segment<V> {
        private static final int INITIAL = 16;

        private final StampedLock lock = new StampedLock();
        private final int maximum;
        private volatile Table table = new Table(INITIAL);
        private volatile int count;
        private int hand; // the CLOCK hand, under the write lock

        Segment(int maximum) {
            this.maximum = maximum;
        }

        V get(long key, int h) {
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
        private static Object find(Table t, long key, int h) {
            int mask = t.keys.length - 1;
            for (int i = h & mask, n = 0; n <= mask; i = (i + 1) & mask, n++) {
                Object v = t.values[i];
                if (v == null) {
                    return null;
                }
                if (t.keys[i] == key) {
                    if (t.used[i] == 0) {
                        t.used[i] = 1; // a racy mark is harmless: it only guides eviction
                    }
                    return v;
                }
            }
            return null;
        }

        void put(long key, int h, V value, boolean onlyIfAbsent) {
            long stamp = lock.writeLock();
            try {
                Table t = table;
                int mask = t.keys.length - 1;
                int i = h & mask;
                while (t.values[i] != null) {
                    if (t.keys[i] == key) {
                        if (!onlyIfAbsent) {
                            t.values[i] = value;
                        }
                        return;
                    }
                    i = (i + 1) & mask;
                }
                t.keys[i] = key;
                t.values[i] = value;
                t.used[i] = 0; // an entry earns its second chance by being read
                count++;
                if (count > maximum) {
                    evictOne(t);
                }
                if (count * 2 > t.keys.length && t.keys.length < Integer.MAX_VALUE / 2) {
                    table = grown(t);
                }
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        void remove(long key, int h) {
            long stamp = lock.writeLock();
            try {
                Table t = table;
                int mask = t.keys.length - 1;
                for (int i = h & mask; t.values[i] != null; i = (i + 1) & mask) {
                    if (t.keys[i] == key) {
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
                table = new Table(INITIAL);
                count = 0;
                hand = 0;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        void keysInto(List<Long> out) {
            long stamp = lock.readLock();
            try {
                Table t = table;
                for (int i = 0; i < t.keys.length; i++) {
                    if (t.values[i] != null) {
                        out.add(t.keys[i]);
                    }
                }
            } finally {
                lock.unlockRead(stamp);
            }
        }

        /** CLOCK: the first entry from the hand on that was not used since the hand last passed it. */
        private void evictOne(Table t) {
            int mask = t.keys.length - 1;
            while (true) {
                int i = hand & mask;
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
            int mask = t.keys.length - 1;
            int gap = i;
            for (int j = (gap + 1) & mask; t.values[j] != null; j = (j + 1) & mask) {
                int home = (int) mix(t.keys[j]) & mask;
                // move j into the gap unless its home lies cyclically in (gap, j]
                boolean stays = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
                if (!stays) {
                    t.keys[gap] = t.keys[j];
                    t.values[gap] = t.values[j];
                    t.used[gap] = t.used[j];
                    gap = j;
                }
            }
            t.values[gap] = null;
            t.used[gap] = 0;
            count--;
        }

        private static Table grown(Table t) {
            Table bigger = new Table(t.keys.length * 2);
            int mask = bigger.keys.length - 1;
            for (int j = 0; j < t.keys.length; j++) {
                if (t.values[j] != null) {
                    int i = (int) mix(t.keys[j]) & mask;
                    while (bigger.values[i] != null) {
                        i = (i + 1) & mask;
                    }
                    bigger.keys[i] = t.keys[j];
                    bigger.values[i] = t.values[j];
                    bigger.used[i] = t.used[j];
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

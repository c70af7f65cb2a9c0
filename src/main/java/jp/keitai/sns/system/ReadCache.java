package jp.keitai.sns.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bounded in-memory copy of rows that hot pages read (issue 9), dropped by key when {@link Changes} says the rows
 * changed. Values must be immutable.
 *
 * <p>A load races with writes: a reader may read the old rows, a writer commit and drop the key, and then the reader
 * store what it read, which would stay wrong. So every drop bumps a counter for its key's stripe, and a loader that
 * sees the counter moved while it read does not keep what it read (it still uses it for its own request, which began
 * before the write committed).
 */
public final class ReadCache<K, V> {

    private static final int STRIPES = 1024;

    private final Cache<K, V> cache;
    private final AtomicLongArray epochs = new AtomicLongArray(STRIPES);

    /** A cache keeping at most {@code maximumSize} entries (least useful dropped first). */
    public ReadCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** The cached value, or what {@code load} finds (null: nothing, and nothing is cached). */
    public V get(K key, Function<K, V> load) {
        V v = cache.getIfPresent(key);
        if (v != null) {
            return v;
        }
        int stripe = stripe(key);
        long before = epochs.get(stripe);
        v = load.apply(key);
        if (v != null) {
            cache.put(key, v);
            if (epochs.get(stripe) != before) {
                cache.invalidate(key);
            }
        }
        return v;
    }

    /**
     * The cached values of these keys, loading the missing ones with one call of {@code load} (which returns what it
     * found; keys it leaves out are not cached).
     */
    public Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> load) {
        Map<K, V> out = new HashMap<>(Math.max(16, keys.size() * 2));
        Set<K> missing = new LinkedHashSet<>();
        for (K key : keys) {
            V v = cache.getIfPresent(key);
            if (v != null) {
                out.put(key, v);
            } else {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        Map<K, Long> before = new HashMap<>();
        missing.forEach(k -> before.put(k, epochs.get(stripe(k))));
        Map<K, V> loaded = load.apply(missing);
        loaded.forEach((k, v) -> {
            if (v == null || !before.containsKey(k)) {
                return;
            }
            out.put(k, v);
            cache.put(k, v);
            if (epochs.get(stripe(k)) != before.get(k)) {
                cache.invalidate(k);
            }
        });
        return out;
    }

    /**
     * Fills the cache in bulk (priming at start-up): keeps what {@code load} finds, except keys already cached and
     * keys dropped while it read. Returns what it found.
     */
    public Map<K, V> prime(Supplier<Map<K, V>> load) {
        long[] before = new long[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            before[i] = epochs.get(i);
        }
        Map<K, V> loaded = load.get();
        loaded.forEach((k, v) -> {
            int stripe = stripe(k);
            if (v == null || epochs.get(stripe) != before[stripe]) {
                return;
            }
            cache.asMap().putIfAbsent(k, v);
            if (epochs.get(stripe) != before[stripe]) {
                cache.invalidate(k);
            }
        });
        return loaded;
    }

    /** The cached value, or null; never loads. */
    public V peek(K key) {
        return cache.getIfPresent(key);
    }

    /** Drops the key: the next read loads it again. */
    public void invalidate(K key) {
        epochs.incrementAndGet(stripe(key));
        cache.invalidate(key);
    }

    /** Drops every entry whose value matches (a scan; for rare changes such as ending all of a member's sessions). */
    public void invalidateIf(java.util.function.BiPredicate<K, V> drop) {
        cache.asMap().forEach((k, v) -> {
            if (drop.test(k, v)) {
                invalidate(k);
            }
        });
    }

    /** Drops everything. */
    public void clear() {
        for (int i = 0; i < STRIPES; i++) {
            epochs.incrementAndGet(i);
        }
        cache.invalidateAll();
    }

    public long size() {
        return cache.estimatedSize();
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}

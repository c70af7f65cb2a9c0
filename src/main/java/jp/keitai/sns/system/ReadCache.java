package jp.keitai.sns.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A bounded in-memory copy of rows that hot pages read, dropped by key when {@link Changes} says the rows
 * changed. Values must be immutable.
 *
 * <p>A load races with writes: a reader may read the old rows, a writer commit and drop the key, and then the reader
 * store what it read, which would stay wrong. So every drop bumps a counter for its key's stripe, and a loader that
 * sees the counter moved while it read does not keep what it read (it still uses it for its own request, which began
 * before the write committed).
 */
public final class ReadCache<K, V> {

    private static final int STRIPES = 1024;

    private final Store<K, V> cache;
    private final AtomicLongArray epochs = new AtomicLongArray(STRIPES);

    private ReadCache(Store<K, V> cache) {
        this.cache = cache;
    }

    /**
     * A cache keyed by row ids, keeping at most {@code maximumSize} entries (least recently useful dropped first):
     * stored in {@link IdCache}, which finds an id without walking boxed keys (the home page reads hundreds).
     */
    public static <V> ReadCache<Long, V> ofIds(long maximumSize) {
        return ofIds(new IdCache<>(maximumSize));
    }

    /**
     * {@link #ofIds(long)} that also keeps the values' summed weight within {@code maximumWeight}: for values whose
     * size varies with what members wrote (a diary page), so that the cache's memory is bounded, not only its count.
     * {@code weigher} estimates a value's bytes.
     */
    public static <V> ReadCache<Long, V> ofIds(long maximumSize, long maximumWeight, ToIntFunction<? super V> weigher) {
        return ofIds(new IdCache<>(maximumSize, maximumWeight, Objects.requireNonNull(weigher, "weigher")));
    }

    private static <V> ReadCache<Long, V> ofIds(IdCache<V> ids) {
        return new ReadCache<>(new Store<>() {
            @Override
            public V getIfPresent(Long key) {
                return ids.get(key);
            }

            @Override
            public V getIfPresent(long id) {
                return ids.get(id);
            }

            @Override
            public void put(Long key, V value) {
                ids.put(key, value);
            }

            @Override
            public void putIfAbsent(Long key, V value) {
                ids.putIfAbsent(key, value);
            }

            @Override
            public void invalidate(Long key) {
                ids.remove(key);
            }

            @Override
            public void invalidateAll() {
                ids.clear();
            }

            @Override
            public long estimatedSize() {
                return ids.size();
            }

            @Override
            public void forEach(BiConsumer<Long, V> action) {
                for (Long key : ids.keys()) {
                    V v = ids.get(key);
                    if (v != null) {
                        action.accept(key, v);
                    }
                }
            }
        });
    }

    /** Where the entries live: the operations of a bounded map that the cache needs. */
    private interface Store<K, V> {
        V getIfPresent(K key);

        /** For caches keyed by ids ({@link #ofIds}): the lookup without a boxed key. */
        @SuppressWarnings("unchecked")
        default V getIfPresent(long id) {
            return getIfPresent((K) Long.valueOf(id));
        }

        void put(K key, V value);

        void putIfAbsent(K key, V value);

        void invalidate(K key);

        void invalidateAll();

        long estimatedSize();

        void forEach(BiConsumer<K, V> action);
    }

    /** The cached value, or what {@code load} finds (null: nothing, and nothing is cached). */
    public V get(K key, Function<K, V> load) {
        return get(key, null, load);
    }

    /**
     * The cached value if {@code fits} accepts it, else what {@code load} finds, which then replaces the cached value
     * (null: nothing, and the cached value stays). For keys that stand for a longer one (sessions are keyed by the first
     * 8 bytes of their token's hash, and an entry keeps the rest): two long keys with one short key share a slot.
     */
    public V get(K key, Predicate<? super V> fits, Function<K, V> load) {
        V v = cache.getIfPresent(key);
        if (v != null && (fits == null || fits.test(v))) {
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
     * {@link #getAll(Collection, Function)} for an id-keyed cache ({@link #ofIds}) and an array of ids: the values in
     * the ids' order, {@code null} where {@code load} found nothing. The home page asks for one value per friend on
     * every view; this builds no map when all are cached.
     */
    @SuppressWarnings("unchecked")
    public V[] getAll(long[] ids, IntFunction<V[]> newArray, Function<Set<K>, Map<K, V>> load) {
        V[] out = newArray.apply(ids.length);
        List<K> missing = null;
        for (int i = 0; i < ids.length; i++) {
            out[i] = cache.getIfPresent(ids[i]);
            if (out[i] == null) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add((K) Long.valueOf(ids[i]));
            }
        }
        if (missing != null) {
            Map<K, V> loaded = getAll(missing, load);
            for (int i = 0; i < ids.length; i++) {
                if (out[i] == null) {
                    out[i] = loaded.get((K) Long.valueOf(ids[i]));
                }
            }
        }
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
            cache.putIfAbsent(k, v);
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
        cache.forEach((k, v) -> {
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

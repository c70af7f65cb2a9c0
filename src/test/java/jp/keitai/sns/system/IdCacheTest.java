package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdCacheTest {

    @Test
    void behavesLikeAMapWhileUnderItsMaximum() {
        IdCache<String> cache = new IdCache<>(1_000_000);
        Map<Long, String> reference = new HashMap<>();
        Random random = new Random(9);
        for (int n = 0; n < 400_000; n++) {
            // few distinct keys, so that puts, overwrites and removals collide in long probe runs
            long key = random.nextInt(20_000) * (random.nextBoolean() ? 1L : 1_000_003L) - 5_000;
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    cache.put(key, "v" + n);
                    reference.put(key, "v" + n);
                }
                case 2 -> {
                    cache.putIfAbsent(key, "w" + n);
                    reference.putIfAbsent(key, "w" + n);
                }
                case 3 -> {
                    cache.remove(key);
                    reference.remove(key);
                }
                default -> assertEquals(reference.get(key), cache.get(key), "key " + key);
            }
        }
        assertEquals(reference.size(), cache.size());
        reference.forEach((k, v) -> assertEquals(v, cache.get(k)));
        assertEquals(reference.keySet(), new HashSet<>(cache.keys()));
        cache.clear();
        assertEquals(0, cache.size());
        reference.keySet().forEach(k -> assertNull(cache.get(k)));
    }

    @Test
    void keepsToItsMaximumAndEvictsWhatWasNotReadFirst() {
        IdCache<Long> cache = new IdCache<>(64 * 100); // 100 per segment
        for (long id = 1; id <= 6_400; id++) {
            cache.put(id, id);
        }
        for (long id = 1; id <= 6_400; id += 2) {
            cache.get(id); // the odd ids are in use
        }
        for (long id = 1_000_001; id <= 1_003_200; id++) {
            cache.put(id, id); // half as many again: the cache must drop that many
        }
        assertTrue(cache.size() <= 6_400, "size " + cache.size());
        int oddKept = 0;
        int evenKept = 0;
        for (long id = 1; id <= 6_400; id++) {
            if (cache.get(id) != null) {
                assertEquals(id, cache.get(id));
                if (id % 2 == 1) {
                    oddKept++;
                } else {
                    evenKept++;
                }
            }
        }
        assertTrue(oddKept > 2 * evenKept, "kept " + oddKept + " read and " + evenKept + " unread entries");
    }

    @Test
    void readersRacingWritersSeeEitherNothingOrTheirKeysValue() throws Exception {
        IdCache<long[]> cache = new IdCache<>(64 * 50); // small: writers evict and shift all the time
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            threads.add(new Thread(() -> {
                Random random = new Random(seed);
                try {
                    for (int n = 0; n < 300_000; n++) {
                        long key = random.nextInt(10_000);
                        switch (random.nextInt(4)) {
                            case 0 -> cache.put(key, new long[] {key});
                            case 1 -> cache.remove(key);
                            default -> {
                                long[] v = cache.get(key);
                                if (v != null && v[0] != key) {
                                    throw new AssertionError("key " + key + " answered with " + v[0]);
                                }
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertNull(failure.get());
        assertTrue(cache.size() <= 64 * 50);
    }

    @Test
    void aFullCacheHoldsAboutOneAndAHalfSlotsAnEntryWhateverItsSize() {
        for (int size : new int[] {10_000, 100_000, 131_072, 150_000}) {
            IdCache<Boolean> cache = new IdCache<>(size);
            for (long id = 1; id <= size; id++) {
                cache.put(id, Boolean.TRUE);
            }
            double perEntry = (double) cache.slots() / cache.size();
            assertTrue(perEntry >= 1.33 && perEntry <= 2.0, size + " entries: " + perEntry + " slots an entry");
        }
    }

    @Test
    void keysBeyondAnIntWidenTheirSegmentAndKeepEveryEntry() {
        IdCache<Long> cache = new IdCache<>(100_000);
        for (long id = 1; id <= 10_000; id++) {
            cache.put(id, id);
        }
        long[] wide = {Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40};
        for (long id : wide) {
            assertNull(cache.get(id));
            cache.put(id, id);
        }
        for (long id : wide) {
            assertEquals(id, cache.get(id));
            // the key's low 32 bits alone (never put) must not find it
            assertNull(cache.get((int) id));
        }
        for (long id = 1; id <= 10_000; id++) {
            assertEquals(id, cache.get(id));
        }
        assertEquals(10_000 + wide.length, cache.size());
        for (long id : wide) {
            cache.remove(id);
            assertNull(cache.get(id));
        }
        assertEquals(10_000, cache.size());
    }

    @Test
    void aWeighedCacheKeepsItsValuesWithinTheirWeightAndCountsWhatLeaves() {
        // values are strings weighing their length; 64 segments of 1,000 each
        IdCache<String> cache = new IdCache<>(1_000_000, 64_000, String::length);
        Random random = new Random(3);
        for (long id = 1; id <= 20_000; id++) {
            cache.put(id, "x".repeat(10 + random.nextInt(200)));
            assertTrue(cache.weight() <= 64_000, "weight " + cache.weight() + " after " + id);
        }
        assertTrue(cache.size() > 300 && cache.size() < 1_300, "kept " + cache.size());
        long sum = 0;
        for (long id : cache.keys()) {
            sum += cache.get(id).length();
        }
        assertEquals(sum, cache.weight(), "the weight is the sum of what is kept");
        // overwriting, removing and clearing keep the account
        long some = cache.keys().get(0);
        cache.put(some, "y");
        cache.remove(cache.keys().get(1));
        sum = 0;
        for (long id : cache.keys()) {
            sum += cache.get(id).length();
        }
        assertEquals(sum, cache.weight());
        cache.clear();
        assertEquals(0, cache.weight());
        // one value heavier than a segment's share is kept until the next put in its segment
        cache.put(7, "z".repeat(5_000));
        assertEquals(5_000, cache.get(7).length());
    }
}

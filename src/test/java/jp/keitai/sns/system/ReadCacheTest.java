package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    @Test
    void aCachedValueThatDoesNotFitIsAMissAndTheLoadReplacesIt() {
        ReadCache<Long, String> cache = ReadCache.ofIds(100);
        AtomicInteger loads = new AtomicInteger();
        assertEquals("a", cache.get(7L, v -> v.equals("a"), k -> {
            loads.incrementAndGet();
            return "a";
        }));
        assertEquals("a", cache.get(7L, v -> v.equals("a"), k -> "never"));
        assertEquals(1, loads.get());
        assertEquals("b", cache.get(7L, v -> v.equals("b"), k -> "b"), "a value that does not fit is not returned");
        assertEquals("b", cache.peek(7L), "and the loaded one replaces it");
        assertNull(cache.get(7L, v -> v.equals("c"), k -> null), "nothing found: nothing returned");
        assertEquals("b", cache.peek(7L), "and the cached value stays");
    }

    @Test
    void invalidateIfDropsTheMatchingEntriesOfAnIdCache() {
        ReadCache<Long, String> cache = ReadCache.ofIds(1_000);
        for (long id = 1; id <= 300; id++) {
            long i = id;
            cache.get(id, k -> i % 3 == 0 ? "drop" : "keep");
        }
        cache.invalidateIf((k, v) -> v.equals("drop"));
        assertEquals(200, cache.size());
        for (long id = 1; id <= 300; id++) {
            assertEquals(id % 3 == 0 ? null : "keep", cache.peek(id));
        }
    }
}

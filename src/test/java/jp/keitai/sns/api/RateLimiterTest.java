package jp.keitai.sns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-token bucket on a clock the test moves. */
class RateLimiterTest {

    static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    @Test
    void capacityAtOnceThenRefusedWithTheWaitForTheNextRequest() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(30)); // one request every 10 s
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire(1, T0).allowed(), "request " + i);
        }
        RateLimiter.Decision refused = limiter.acquire(1, T0);
        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds());
        RateLimiter.Decision later = limiter.acquire(1, T0.plusSeconds(4));
        assertFalse(later.allowed());
        assertEquals(6, later.retryAfterSeconds());
        assertTrue(limiter.acquire(1, T0.plusSeconds(10)).allowed(), "one more after the refill");
        assertFalse(limiter.acquire(1, T0.plusSeconds(10)).allowed());
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1));
        assertTrue(limiter.acquire(1, T0).allowed());
        assertFalse(limiter.acquire(1, T0).allowed());
        assertTrue(limiter.acquire(2, T0).allowed(), "another token is not slowed by the first");
    }

    @Test
    void refillsToCapacityOnlyAndRetryAfterIsAtLeastOneSecond() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMillis(100));
        assertTrue(limiter.acquire(7, T0).allowed());
        assertTrue(limiter.acquire(7, T0).allowed());
        RateLimiter.Decision d = limiter.acquire(7, T0);
        assertFalse(d.allowed());
        assertEquals(1, d.retryAfterSeconds(), "never 0: a client would retry at once");
        Instant hourLater = T0.plusSeconds(3600);
        assertTrue(limiter.acquire(7, hourLater).allowed());
        assertTrue(limiter.acquire(7, hourLater).allowed());
        assertFalse(limiter.acquire(7, hourLater).allowed(), "an idle hour does not bank more than the capacity");
    }

    @Test
    void idleBucketsAreForgotten() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10));
        assertTrue(limiter.acquire(1, T0).allowed());
        limiter.forgetIdle(T0.plusSeconds(5));
        assertFalse(limiter.acquire(1, T0.plusSeconds(5)).allowed(), "half empty: kept");
        limiter.forgetIdle(T0.plusSeconds(60));
        assertTrue(limiter.acquire(1, T0.plusSeconds(60)).allowed());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ZERO));
    }
}

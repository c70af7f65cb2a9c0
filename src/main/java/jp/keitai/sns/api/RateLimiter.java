package jp.keitai.sns.api;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per token: a token bucket per key holding at most {@code capacity} requests, refilled evenly over {@code
 * window} (so {@code capacity} requests at once, then one every {@code window / capacity}). In memory on each node: with
 * several nodes a client may reach the limit on each.
 */
public final class RateLimiter {

    /** Allowed, or refused with the whole seconds to wait before the next request is allowed (at least 1). */
    public record Decision(boolean allowed, long retryAfterSeconds, int remaining) {}

    private static final class Bucket {
        double tokens;
        long at; // nanoseconds of the last refill, on the clock of Instant (epoch)

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final int capacity;
    private final double perNano;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration window) {
        if (capacity < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("capacity and window must be positive");
        }
        this.capacity = capacity;
        this.perNano = capacity / (double) window.toNanos();
    }

    public int capacity() {
        return capacity;
    }

    /** Takes one request from the key's bucket at {@code now}. */
    public Decision acquire(long key, Instant now) {
        long t = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, t));
        synchronized (b) {
            if (t > b.at) {
                b.tokens = Math.min(capacity, b.tokens + (t - b.at) * perNano);
                b.at = t;
            }
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return new Decision(true, 0, (int) Math.floor(b.tokens));
            }
            double nanos = (1 - b.tokens) / perNano;
            long seconds = Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d));
            return new Decision(false, seconds, 0);
        }
    }

    /** Drops buckets that are full again (nobody used them for a whole window), so memory follows active tokens. */
    public void forgetIdle(Instant now) {
        long t = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                return b.tokens + (t - b.at) * perNano >= capacity;
            }
        });
    }
}

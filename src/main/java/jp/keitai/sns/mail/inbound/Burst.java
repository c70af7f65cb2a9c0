package jp.keitai.sns.mail.inbound;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Says when the spool workers should leave the cores to the SMTP listener: while mail is accepted faster than a set
 * rate (a burst), handling holds back, and it catches up at full speed as soon as the burst is over: on few cores,
 * handling at full speed takes the CPU that accepting needs, and a sending MTA that waits for its 250 holds its queue
 * meanwhile. A burst is held back for at most a set time: under a load that never stops, handling takes its full
 * share again, so the spool cannot grow without end.
 *
 * <p>Measured over windows: the rate of the last full window decides. Safe for several threads.
 */
final class Burst {

    private final LongSupplier nanoClock;
    private final LongSupplier accepted;
    private final long windowNanos;
    private final long minPerWindow;
    private final long maxHoldNanos;

    private long windowStart;
    private long acceptedAtStart;
    /** When the current run of fast windows began; -1 when the last window was not fast. */
    private long fastSince = -1;

    private boolean holding;

    /**
     * @param accepted how many mails the listener has accepted so far
     * @param window how long a measuring window is
     * @param minPerSecond the accepting rate from which on a window counts as a burst
     * @param maxHold the longest a burst holds handling back
     */
    Burst(LongSupplier nanoClock, LongSupplier accepted, Duration window, int minPerSecond, Duration maxHold) {
        this.nanoClock = nanoClock;
        this.accepted = accepted;
        this.windowNanos = window.toNanos();
        this.minPerWindow = Math.max(1, minPerSecond * window.toNanos() / 1_000_000_000L);
        this.maxHoldNanos = maxHold.toNanos();
        this.windowStart = nanoClock.getAsLong();
        this.acceptedAtStart = accepted.getAsLong();
    }

    /** Whether handling should hold back now. */
    synchronized boolean holding() {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= windowNanos) {
            long n = accepted.getAsLong();
            boolean fast = n - acceptedAtStart >= minPerWindow * (now - windowStart) / windowNanos;
            if (!fast) {
                fastSince = -1;
            } else if (fastSince < 0) {
                fastSince = windowStart;
            }
            holding = fast && now - fastSince < maxHoldNanos;
            windowStart = now;
            acceptedAtStart = n;
        }
        return holding;
    }
}

package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BurstTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong accepted = new AtomicLong();
    private final Burst burst =
            new Burst(nanos::get, accepted::get, Duration.ofMillis(100), 200, Duration.ofSeconds(30));

    /** Advances the clock by {@code millis}, the listener accepting {@code perSecond} meanwhile. */
    private void pass(long millis, int perSecond) {
        nanos.addAndGet(millis * 1_000_000L);
        accepted.addAndGet(perSecond * millis / 1000);
    }

    @Test
    void slowMailNeverHoldsHandlingBack() {
        assertFalse(burst.holding());
        for (int i = 0; i < 100; i++) {
            pass(100, 150);
            assertFalse(burst.holding(), "150 mails/s is below the burst rate");
        }
    }

    @Test
    void aBurstHoldsHandlingBackUntilItEnds() {
        pass(100, 2500);
        assertTrue(burst.holding());
        pass(50, 2500);
        assertTrue(burst.holding(), "within a window the last verdict stands");
        pass(100, 2500);
        assertTrue(burst.holding());
        pass(100, 0);
        assertFalse(burst.holding(), "handling catches up as soon as the burst is over");
    }

    @Test
    void aLongWindowIsJudgedByItsRateNotItsCount() {
        pass(1000, 150); // 150 mails in one window ten times the usual length: 150/s, not a burst
        assertFalse(burst.holding());
        pass(1000, 400);
        assertTrue(burst.holding());
    }

    @Test
    void aBurstThatDoesNotStopHoldsHandlingBackForAtMostTheLongestHold() {
        for (int i = 0; i < 299; i++) {
            pass(100, 2500);
            assertTrue(burst.holding(), "after " + (i + 1) * 100 + " ms");
        }
        pass(100, 2500);
        assertFalse(burst.holding(), "after 30 s handling takes its share again");
        for (int i = 0; i < 50; i++) {
            pass(100, 2500);
            assertFalse(burst.holding());
        }
        pass(100, 0);
        assertFalse(burst.holding());
        pass(100, 2500);
        assertTrue(burst.holding(), "a new burst after a pause is held back again");
    }
}

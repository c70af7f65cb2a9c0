package jp.keitai.sns.system;

import java.time.Instant;
import java.time.ZoneId;

/** Time for the application: stored in UTC, shown in Japan. */
public final class Clock {
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private Clock() {}

    public static Instant now() {
        return Instant.now();
    }
}

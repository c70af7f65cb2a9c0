package jp.keitai.sns.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Time for the application: stored in UTC, shown in Japan. */
public final class Clock {
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private Clock() {}

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(JAPAN);

    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(JAPAN);

    public static Instant now() {
        return Instant.now();
    }

    /** Japan time to the minute, {@code 2026/11/30 21:05}; empty for none. */
    public static String japanMinute(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    /** Japan time to the second, {@code 2026/11/30 21:05:09}; empty for none. */
    public static String japanSecond(Instant at) {
        return at == null ? "" : SECOND.format(at);
    }
}

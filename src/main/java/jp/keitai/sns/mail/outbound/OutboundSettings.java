package jp.keitai.sns.mail.outbound;

import java.nio.file.Path;
import java.time.Duration;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.system.SettingsException;

/**
 * The outbound-mail settings: CONTRACT's {@code sns.outbound.*} plus the sender address and retry policy.
 *
 * @param outboxDir where {@code file} mode writes {@code .eml} files: {@code <sns.data.dir>/outbox}
 * @param from {@code sns.outbound.from}, default {@code no-reply@<sns.mail.domain>}
 * @param maxAttempts {@code sns.outbound.max-attempts} [10]: relay attempts before a mail is marked failed
 * @param retryBase {@code sns.outbound.retry-seconds} [60]: first retry delay, doubled per attempt up to an hour
 */
public record OutboundSettings(
        Settings.OutboundMode mode,
        Path outboxDir,
        String smtpHost,
        int smtpPort,
        String from,
        String baseUrl,
        String mailDomain,
        int maxAttempts,
        Duration retryBase) {

    public static OutboundSettings from(Settings settings) {
        String from = settings.raw("sns.outbound.from").map(String::trim).orElse("no-reply@" + settings.mailDomain());
        if (!from.matches("[^\\s@<>\"]+@[A-Za-z0-9.-]+")) {
            throw new SettingsException("sns.outbound.from", from, "メールアドレスではありません");
        }
        return new OutboundSettings(
                settings.outboundMode(),
                settings.dataDir().resolve("outbox"),
                settings.outboundSmtpHost(),
                settings.outboundSmtpPort(),
                from,
                settings.baseUrl().toString(),
                settings.mailDomain(),
                settings.intValue("sns.outbound.max-attempts", 10, 1, 1000),
                Duration.ofSeconds(settings.intValue("sns.outbound.retry-seconds", 60, 0, 86_400)));
    }

    /** Delay before attempt {@code attempts + 1}: doubling from the base, at most an hour. */
    public Duration backoff(int attempts) {
        long seconds = retryBase.getSeconds() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}

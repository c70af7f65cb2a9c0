package jp.keitai.sns.mail.inbound;

import java.time.Duration;
import java.util.Locale;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.system.SettingsException;

/**
 * The inbound-mail settings, validated at start (a bad value names its key).
 *
 * @param domain {@code sns.mail.domain}: the only domain accepted at RCPT
 * @param port {@code sns.smtp.port}: 0 = no listener on this node (workers still run)
 * @param maxBytes {@code sns.mail.max-bytes} [10 MiB]: larger messages are refused at DATA
 * @param maxPhotos {@code sns.mail.max-photos} [3]: more photo attachments refuse the mail
 * @param maxPhotoBytes {@code sns.mail.max-photo-bytes} [3 MiB] per photo
 * @param maxPhotoPixels {@code sns.mail.max-photo-pixels} [25,000,000]: beyond it an image is treated as a
 *     decompression bomb and the mail quarantined
 * @param workers {@code sns.mail.workers} [4]: spool worker threads on this node (0 = none); they mostly wait for
 *     the database, so more threads than cores pay
 * @param batch {@code sns.mail.batch} [50]: spool rows a worker claims and handles in one transaction
 * @param spoolBatch {@code sns.mail.spool-batch} [128]: the most mails the SMTP listener commits to the spool at once
 *     (group commit: sessions that arrive while a commit runs share the next one)
 * @param lease {@code sns.mail.lease-seconds} [300]: how long a claimed row stays with its worker before another may
 *     take it over (a worker that died mid-mail)
 * @param maxAttempts {@code sns.mail.max-attempts} [5]: claims of one mail before it is quarantined (it keeps failing
 *     or killing its worker)
 * @param echo {@code sns.mail.echo} [false]: a diagnostic route {@code echo@} that answers what it parsed
 * @param dataBudgetBytes {@code sns.smtp.data-budget-mb} [64]: mail bytes all SMTP sessions together may hold in
 *     memory (each session counts twice what it reads); past it DATA is answered 452 and the sender retries. At least
 *     twice {@code sns.mail.max-bytes}
 * @param maxConnections {@code sns.smtp.max-connections} [64]: open SMTP sessions (one thread each); more get 421
 * @param maxConnectionsPerClient {@code sns.smtp.max-connections-per-client} [20]: open sessions from one client
 *     address; more get 421, so one client's idle connections cannot shut intake for everyone. 20 is Postfix's
 *     default destination concurrency: a relay in front, the one client in production, stays under it
 */
public record InboundSettings(
        String domain,
        int port,
        int maxBytes,
        int maxPhotos,
        int maxPhotoBytes,
        long maxPhotoPixels,
        int workers,
        int batch,
        int spoolBatch,
        Duration lease,
        int maxAttempts,
        boolean echo,
        long dataBudgetBytes,
        int maxConnections,
        int maxConnectionsPerClient) {

    public static InboundSettings from(Settings settings) {
        int maxBytes = settings.intValue("sns.mail.max-bytes", 10 * 1024 * 1024, 1024, 200 * 1024 * 1024);
        long budget = (long) settings.intValue("sns.smtp.data-budget-mb", 64, 1, 64 * 1024) << 20;
        if (budget < 2L * maxBytes + 2L * DataBudget.STEP) {
            throw new SettingsException(
                    "sns.smtp.data-budget-mb",
                    String.valueOf(budget >> 20),
                    "sns.mail.max-bytes の2倍以上（" + ((2L * maxBytes >> 20) + 1) + " 以上）を指定してください");
        }
        int connections = settings.intValue("sns.smtp.max-connections", 64, 1, 10_000);
        return new InboundSettings(
                settings.mailDomain(),
                settings.smtpPort(),
                maxBytes,
                settings.intValue("sns.mail.max-photos", 3, 0, 50),
                settings.intValue("sns.mail.max-photo-bytes", 3 * 1024 * 1024, 1024, 100 * 1024 * 1024),
                settings.intValue("sns.mail.max-photo-pixels", 25_000_000, 1, 1_000_000_000),
                settings.intValue("sns.mail.workers", 4, 0, 32),
                settings.intValue("sns.mail.batch", 50, 1, 1000),
                settings.intValue("sns.mail.spool-batch", 128, 1, 10_000),
                Duration.ofSeconds(settings.intValue("sns.mail.lease-seconds", 300, 1, 86_400)),
                settings.intValue("sns.mail.max-attempts", 5, 1, 100),
                flag(settings, "sns.mail.echo"),
                budget,
                connections,
                settings.intValue("sns.smtp.max-connections-per-client", 20, 1, connections));
    }

    private static boolean flag(Settings settings, String key) {
        String v = settings.raw(key).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("false");
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SettingsException(key, v, "true または false を指定してください");
        };
    }
}

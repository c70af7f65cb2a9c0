package jp.keitai.sns.mail.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Purge;
import jp.keitai.sns.system.Settings;

/**
 * The inbound mail's share of the hourly housekeeping: handled spool rows older than
 * {@code sns.mail.spool-retention-days} (1–3650, default 30) are deleted. Quarantined rows stay for the operator.
 */
@ApplicationScoped
public class SpoolPurge implements Purge {

    @Inject
    Database database;

    @Inject
    Settings settings;

    private Duration retention;

    protected SpoolPurge() {}

    public SpoolPurge(Database database, Duration retention) {
        this.database = database;
        this.retention = retention;
    }

    /** {@code sns.mail.spool-retention-days}; a bad value is refused when first read. */
    public Duration retention() {
        if (retention == null) {
            retention = Duration.ofDays(settings.intValue("sns.mail.spool-retention-days", 30, 1, 3650));
        }
        return retention;
    }

    @Override
    public String name() {
        return "handled mail spool rows";
    }

    @Override
    public int purge(Instant now) {
        return new SpoolStore(database).purgeHandled(now.minus(retention()));
    }
}

package jp.keitai.sns.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Purge;

/**
 * Deletes events older than {@code sns.live.window-minutes}, in the hourly housekeeping: one node per hour does it
 * (its claim of the {@code housekeeping} task), so several nodes never purge at once.
 */
@ApplicationScoped
public class LivePurge implements Purge {

    @Inject
    Database database;

    @Inject
    LiveHub hub;

    @Override
    public String name() {
        return "live events";
    }

    @Override
    public int purge(Instant now) {
        return new LiveStore(database).deleteBefore(now.minus(hub.window()));
    }
}

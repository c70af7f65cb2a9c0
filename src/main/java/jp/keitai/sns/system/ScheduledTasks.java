package jp.keitai.sns.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Work only one node may do per period, for features ({@code scheduled_task} stays {@link ScheduledTaskStore}'s): a
 * feature's scheduled job asks {@link #claim} each round and acts only when it got the period. Its task row is added
 * by the feature's migration ({@code insert into scheduled_task (name, claimed_until) values ('…', timestamp
 * '2000-01-01 00:00:00')}).
 */
@ApplicationScoped
public class ScheduledTasks {

    @Inject
    ScheduledTaskStore store;

    protected ScheduledTasks() {}

    public ScheduledTasks(Database database) {
        this.store = new ScheduledTaskStore(database);
    }

    /** Whether this node now owns the task until {@code until}; false if another node's claim has not run out. */
    public boolean claim(String task, String node, Instant now, Instant until) {
        return store.claim(task, node, now, until);
    }
}

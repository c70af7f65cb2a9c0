package jp.keitai.sns.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Work only one node may do per period, for features that schedule their own rounds as {@link Housekeeping} does: a
 * claim of the task's row in {@code scheduled_task} (each feature adds its row in its migration) through {@link
 * ScheduledTaskStore}, which stays this package's.
 */
@ApplicationScoped
public class ScheduledTasks {

    @Inject
    ScheduledTaskStore store;

    protected ScheduledTasks() {}

    public ScheduledTasks(Database database) {
        this.store = new ScheduledTaskStore(database);
    }

    /** Whether this node now owns {@code task} until {@code until}; false if another node's claim has not run out. */
    public boolean claim(String task, String node, Instant now, Instant until) {
        return store.claim(task, node, now, until);
    }
}

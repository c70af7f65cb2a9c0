package jp.keitai.sns.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The lock rows of work only one node may do per period (table {@code scheduled_task}). A node claims a task with a
 * conditional UPDATE that moves {@code claimed_until} forward only if it has passed; the database lets exactly one of
 * several nodes asking at the same moment see one updated row.
 */
@ApplicationScoped
public class ScheduledTaskStore {

    @Inject
    Database database;

    protected ScheduledTaskStore() {}

    public ScheduledTaskStore(Database database) {
        this.database = database;
    }

    /** Whether this node now owns the task until {@code until}; false if another claim has not run out yet. */
    public boolean claim(String task, String node, Instant now, Instant until) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update scheduled_task set claimed_until = ?, claimed_by = ?"
                    + " where name = ? and claimed_until <= ?")) {
                ps.setTimestamp(1, Timestamp.from(until));
                ps.setString(2, node);
                ps.setString(3, task);
                ps.setTimestamp(4, Timestamp.from(now));
                return ps.executeUpdate() == 1;
            }
        });
    }
}

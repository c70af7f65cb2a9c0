package jp.keitai.sns.system;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hourly clean-up of rows that have outlived their use (old sessions, login failures, stale registrations, old spool
 * rows). Every node schedules it on the container's scheduler, but only one node acts per period: the one whose
 * claim of the {@code housekeeping} row in {@code scheduled_task} succeeds ({@link ScheduledTaskStore}). What is
 * deleted is each feature's own business ({@link Purge} beans next to their stores); this class only calls them.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    static final String TASK = "housekeeping";
    static final Duration PERIOD = Duration.ofHours(1);
    /** A claim runs out a little before the next round, so the next round on any node may act. */
    static final Duration CLAIM = PERIOD.minusMinutes(5);

    @Inject
    ScheduledTaskStore tasks;

    @Inject
    @Any
    Instance<Purge> purgeBeans;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private List<Purge> purges;
    private final String node = "node-" + UUID.randomUUID();
    private ScheduledFuture<?> task;

    protected Housekeeping() {}

    public Housekeeping(ScheduledTaskStore tasks, List<Purge> purges) {
        this.tasks = tasks;
        this.purges = List.copyOf(purges);
    }

    void onStart(@Observes Started started) {
        task = scheduler.scheduleWithFixedDelay(this::runSafely, 5, PERIOD.toMinutes(), TimeUnit.MINUTES);
    }

    private void runSafely() {
        try {
            run(Clock.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping failed; next round in an hour", e);
        }
    }

    /**
     * One round at {@code now}: claims the period and runs every purge; returns false (doing nothing) when another
     * node has the period. A purge that fails is logged and the others still run.
     */
    public boolean run(Instant now) {
        if (!tasks.claim(TASK, node, now, now.plus(CLAIM))) {
            return false;
        }
        for (Purge p : purges()) {
            try {
                int n = p.purge(now);
                if (n > 0) {
                    LOG.info(() -> "housekeeping: " + p.name() + ": " + n + " rows deleted");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "housekeeping: " + p.name() + " failed", e);
            }
        }
        return true;
    }

    private List<Purge> purges() {
        if (purges == null) {
            List<Purge> found = new ArrayList<>();
            purgeBeans.forEach(found::add);
            purges = List.copyOf(found);
        }
        return purges;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

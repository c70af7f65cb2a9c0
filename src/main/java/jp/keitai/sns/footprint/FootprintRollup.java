package jp.keitai.sns.footprint;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Started;

/**
 * Runs the footprint roll-up ({@link Footprints#rollUp}) a minute after start and then hourly. Every node may run it:
 * it only deletes rows past the retention period, so running twice does no harm.
 */
@ApplicationScoped
public class FootprintRollup {

    private static final Logger LOG = Logger.getLogger(FootprintRollup.class.getName());

    @Inject
    Footprints footprints;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes Started started) {
        footprints.window(); // a bad setting stops start-up here, not at the first visit
        footprints.retention();
        task = scheduler.scheduleWithFixedDelay(this::rollUp, 1, 60, TimeUnit.MINUTES);
    }

    private void rollUp() {
        try {
            int n = footprints.rollUp(Clock.now());
            if (n > 0) {
                LOG.info(() -> "footprints rolled up: " + n + " visits past retention deleted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "footprint roll-up failed; next round in an hour", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

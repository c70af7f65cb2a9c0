package jp.keitai.sns.inactivity;

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

/** Runs the inactivity rule hourly ({@code sns.inactivity.period-seconds}) on every node (one node acts per round: the database claim decides). */
@ApplicationScoped
public class InactivitySchedule {

    private static final Logger LOG = Logger.getLogger(InactivitySchedule.class.getName());

    @Inject
    InactivityService inactivity;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes Started started) {
        if (!inactivity.enabled()) {
            return;
        }
        long period = inactivity.period().toSeconds();
        // the first round 7 minutes after start (sooner when the period is shorter), then one every period
        task = scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        inactivity.run(Clock.now());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "inactivity round failed; next round in " + period + " s", e);
                    }
                },
                Math.min(420, period),
                period,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

package jp.keitai.sns.admin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.system.Started;

/**
 * Keeps the carrier registry's overlay equal to the operators' changes in the database: at start, right after a
 * change on this node, and every two seconds for changes made on other nodes.
 */
@ApplicationScoped
public class CarrierOverlaySync {

    private static final Logger LOG = Logger.getLogger(CarrierOverlaySync.class.getName());

    @Inject
    CarrierOverrides overrides;

    @Inject
    CarrierRegistry registry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile List<CarrierOverrides.Change> applied;
    private ScheduledFuture<?> task;

    void onStart(@Observes Started started) {
        sync();
        task = scheduler.scheduleWithFixedDelay(this::syncQuietly, 2, 2, TimeUnit.SECONDS);
    }

    /** Applies the stored changes if they differ from what the registry has. */
    public synchronized void sync() {
        List<CarrierOverrides.Change> now = overrides.current();
        if (!now.equals(applied)) {
            registry.applyOverlay(overrides.overlay());
            applied = now;
        }
    }

    /**
     * An operator's change ({@link CarrierOverrides#change}), in force on this node as soon as it is accepted; the
     * other nodes follow within seconds.
     * Throws {@code Refused} with the reason when the change is not one.
     */
    public void change(
            long operatorId,
            String carrier,
            String kind,
            String item,
            String action,
            String note,
            boolean wideConfirmed) {
        overrides.change(operatorId, carrier, kind, item, action, note, wideConfirmed);
        sync();
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "carrier overlay sync failed; the previous data stays in force", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

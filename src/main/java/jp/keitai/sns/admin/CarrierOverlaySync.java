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
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Started;

/**
 * Keeps the carrier registry's overlay equal to the operators' changes in the database: at start, right after a
 * change on this node, at once for a change on another node (PostgreSQL {@code NOTIFY}, {@link
 * jp.keitai.sns.system.Changes}), and every two seconds in case a notice was missed.
 */
@ApplicationScoped
public class CarrierOverlaySync {

    private static final Logger LOG = Logger.getLogger(CarrierOverlaySync.class.getName());
    /** The change topic: an operator changed the carrier data (the id means nothing). */
    static final String TOPIC = "carrier-overlay";

    @Inject
    CarrierOverrides overrides;

    @Inject
    CarrierRegistry registry;

    @Inject
    Database database;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile List<CarrierOverrides.Change> applied;
    private ScheduledFuture<?> task;

    void onStart(@Observes Started started) {
        sync();
        // another node's change: read again now, off the listener's thread
        database.changes()
                .subscribe(
                        TOPIC,
                        id -> scheduler.execute(() -> {
                            overrides.changedElsewhere();
                            syncQuietly();
                        }));
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
     * An operator's change ({@link CarrierOverrides#change}), in force on this node as soon as it is accepted, and on
     * the other nodes when the {@code NOTIFY} reaches them (milliseconds).
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
        database.changes().publish(TOPIC, 1);
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

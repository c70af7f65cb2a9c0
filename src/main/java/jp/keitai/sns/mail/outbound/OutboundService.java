package jp.keitai.sns.mail.outbound;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.system.BackgroundThreads;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.system.Started;

/** Makes the {@link Mailer} injectable and runs the {@link OutboundDispatcher} in the background from start-up on. */
@ApplicationScoped
public class OutboundService {

    private static final Logger LOG = Logger.getLogger(OutboundService.class.getName());

    @Inject
    Database database;

    @Inject
    Settings settings;

    /** The container's default thread factory. */
    @Resource
    ManagedThreadFactory threads;

    private volatile Thread thread;
    private volatile boolean running;

    @Produces
    @Singleton
    Mailer mailer(Database database, Settings settings, CarrierRegistry carriers) {
        return new Mailer(database, OutboundSettings.from(settings), new MailTemplates(), carriers);
    }

    void onStart(@Observes Started started) {
        OutboundSettings outbound = OutboundSettings.from(started.settings());
        OutboundDispatcher dispatcher = new OutboundDispatcher(
                database,
                outbound,
                "outbound@" + ManagementFactory.getRuntimeMXBean().getName());
        running = true;
        thread = BackgroundThreads.newThread(threads, "sns-outbound", () -> loop(dispatcher));
        thread.start();
        LOG.info(() -> "outbound mail: " + outbound.mode().name().toLowerCase(java.util.Locale.ROOT)
                + (outbound.mode() == Settings.OutboundMode.FILE
                        ? " → " + outbound.outboxDir()
                        : " → " + outbound.smtpHost() + ":" + outbound.smtpPort()));
    }

    private void loop(OutboundDispatcher dispatcher) {
        while (running) {
            try {
                if (dispatcher.deliverDue(Clock.now()) == 0) {
                    pause(1);
                }
            } catch (RuntimeException e) {
                // the database may be briefly away: queued mail waits for the next round
                LOG.log(Level.WARNING, "outbound dispatcher: " + e.getMessage(), e);
                pause(5);
            }
        }
    }

    /** Parks rather than sleeps: interrupting a thread inside H2 file I/O would close the database. */
    private static void pause(int seconds) {
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
    }

    void beforeShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        stop();
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

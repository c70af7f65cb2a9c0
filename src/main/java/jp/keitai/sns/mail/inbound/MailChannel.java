package jp.keitai.sns.mail.inbound;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.system.BackgroundThreads;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Started;

/**
 * Runs the inbound side: on {@link Started} (after the features' own observers, so their routes are registered) it
 * starts the spool workers and, unless {@code sns.smtp.port} is 0, the SMTP listener; before the application stops it
 * stops the listener, lets the workers finish the mail in hand, and returns.
 */
@ApplicationScoped
public class MailChannel {

    private static final Logger LOG = Logger.getLogger(MailChannel.class.getName());

    @Inject
    Database database;

    @Inject
    MailRoutes routes;

    @Inject
    Mailer mailer;

    @Inject
    CarrierRegistry carriers;

    /** The container's default thread factory, for the workers, the spool writer and the SMTP sessions. */
    @Resource
    ManagedThreadFactory threads;

    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private SmtpListener listener;
    private Spool spool;
    /** Whether the listener is taking a burst (null without a listener: then nothing holds the workers back). */
    private volatile Burst burst;
    /** During a burst, the one worker that may handle a batch. */
    private final Semaphore burstTurn = new Semaphore(1);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) Started started) {
        InboundSettings settings = InboundSettings.from(started.settings());
        if (settings.echo() && routes.find(EchoRoute.NAME).isEmpty()) {
            routes.register(EchoRoute.NAME, MailRoutes.exactly(EchoRoute.NAME), new EchoRoute(mailer));
            LOG.warning("sns.mail.echo=true: echo@" + settings.domain() + " answers any sender (diagnostics only)");
        }
        running = true;
        if (settings.port() != 0) {
            spool = new Spool(database, settings.spoolBatch(), threads);
            Spool s = spool;
            burst = new Burst(System::nanoTime, s::committed, BURST_WINDOW, BURST_RATE, BURST_MAX_HOLD);
        }
        String node = ManagementFactory.getRuntimeMXBean().getName();
        for (int i = 0; i < settings.workers(); i++) {
            SpoolWorker worker = new SpoolWorker(database, routes, settings, "inbound-" + i + "@" + node, carriers);
            Thread t =
                    BackgroundThreads.newThread(threads, "sns-mail-worker-" + i, () -> loop(worker, settings.batch()));
            workers.add(t);
            t.start();
        }
        if (spool != null) {
            listener = new SmtpListener(settings, settings.port(), routes, spool, this::wakeWorkers, threads);
            listener.start();
        } else {
            LOG.info("SMTP listener off (sns.smtp.port=0)");
        }
    }

    private void loop(SpoolWorker worker, int batch) {
        while (running) {
            try {
                if (holdingBack()) {
                    // a burst: one worker at a time handles a batch now and then, the others wait
                    if (burstTurn.tryAcquire()) {
                        try {
                            worker.runOnce(Clock.now());
                        } finally {
                            burstTurn.release();
                        }
                    }
                    LockSupport.parkNanos(BURST_PAUSE_NANOS);
                    continue;
                }
                int took = worker.runOnce(Clock.now());
                if (took == 0) {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                } else if (took < batch) {
                    gather();
                }
            } catch (RuntimeException e) {
                // the database may be away; spooled mail waits
                LOG.log(Level.WARNING, "spool worker: " + e.getMessage(), e);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    /**
     * After a batch that was not full: let the next one fill for a moment, deaf to the wake-up each spooled mail sends,
     * so that under load the claim and the batch's own statements (eight, and two commits) are shared by what arrived
     * in those milliseconds rather than paid by the few mails of one spool commit; the price is that much delay.
     */
    private void gather() {
        long until = System.nanoTime() + GATHER_NANOS;
        long left;
        while (running && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /*
     * Handling yields to accepting: while the listener takes more than BURST_RATE mails a second, the workers
     * handle one batch every BURST_PAUSE between them and leave the cores to the listener; the burst's mail is handled
     * at full speed as soon as it is over, or once it has lasted BURST_MAX_HOLD (a load that never stops gets its mail
     * handled as before). Below the rate nothing changes.
     */
    private static final Duration BURST_WINDOW = Duration.ofMillis(100);
    private static final int BURST_RATE = 200;
    private static final Duration BURST_MAX_HOLD = Duration.ofSeconds(30);
    private static final long BURST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private boolean holdingBack() {
        Burst b = burst;
        return b != null && b.holding();
    }

    /** Parks and unparks rather than interrupts: an interrupt inside H2 file I/O would close the database. */
    private void wakeWorkers() {
        if (holdingBack()) {
            return; // they look again after their pause
        }
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }

    /** The bound SMTP port, or 0 when the listener is off. */
    public int smtpPort() {
        SmtpListener l = listener;
        return l == null ? 0 : l.port();
    }

    void beforeShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        if (spool != null) {
            spool.close();
            spool = null;
        }
        running = false;
        wakeWorkers();
        for (Thread t : workers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }
}

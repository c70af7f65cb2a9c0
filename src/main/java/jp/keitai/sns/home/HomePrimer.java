package jp.keitai.sns.home;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.SignIn;

/**
 * Primes the read caches at start-up for the members seen lately: their sessions in one query, then what their home
 * pages read (every {@link HomeSection}, and their names), in the background while the node already serves. Without
 * it a restarted node answers its first home pages from the database, each one several queries, and on a busy site
 * handsets time out until the caches fill by themselves.
 *
 * <p>Priming only loads what a page would load on its own, through the same guarded cache loads, so it cannot make
 * the caches wrong; it only spends the database's time at start-up rather than on members' pages.
 * {@code sns.cache.prime-hours} (default 24; 0 turns priming off) says how recent a session must be, and at most
 * {@code sns.cache.prime-members} members (default 100000) are primed.
 */
@ApplicationScoped
public class HomePrimer {

    private static final Logger LOG = Logger.getLogger(HomePrimer.class.getName());
    private static final int CHUNK = 500;
    private static final String THREAD_NAME = "sns-home-primer";

    /** Two at a time: the database does half the work, and pages keep being served meanwhile. */
    private static final int WORKERS = 2;

    @Inject
    SignIn signIn;

    @Inject
    MemberService members;

    @Inject
    Instance<HomeSection> sections;

    /** The container's threads (the default factory); plain unit tests, which inject nothing, get plain ones. */
    @Resource
    ManagedThreadFactory threads;

    void onStart(@Observes Started started) {
        long hours = started.settings().intValue("sns.cache.prime-hours", 24, 0, 24 * 365);
        int limit = started.settings().intValue("sns.cache.prime-members", 100_000, 0, 50_000_000);
        if (hours <= 0 || limit <= 0) {
            return;
        }
        newThread(threads(), () -> prime(Duration.ofHours(hours), limit)).start();
    }

    void prime(Duration within, int limit) {
        long start = System.nanoTime();
        int primed = 0;
        try {
            primed = prime(signIn, members, sections.stream().toList(), within, limit, threads());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not prime the home caches; pages will load what they need", e);
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            int n = primed;
            LOG.info(() -> "primed the home caches for " + n + " recent members in " + ms + " ms");
        }
    }

    /** {@link #prime(SignIn, MemberService, List, Duration, int, ThreadFactory)} on plain threads. */
    public static int prime(
            SignIn signIn, MemberService members, List<HomeSection> sections, Duration within, int limit) {
        return prime(signIn, members, sections, within, limit, Executors.defaultThreadFactory());
    }

    /**
     * Reads the members with a session seen within {@code within} (at most {@code limit}), then what the home page
     * reads for them, {@value #CHUNK} members at a time on {@value #WORKERS} threads made by {@code threads}. Returns
     * how many members were primed; a chunk that fails is logged and skipped.
     */
    static int prime(
            SignIn signIn,
            MemberService members,
            List<HomeSection> sections,
            Duration within,
            int limit,
            ThreadFactory threads) {
        List<Long> recent = signIn.recentMembers(within, limit);
        AtomicInteger primed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int from = next.getAndAdd(CHUNK); from < recent.size(); from = next.getAndAdd(CHUNK)) {
                List<Long> chunk = recent.subList(from, Math.min(recent.size(), from + CHUNK));
                try {
                    members.nicknames(chunk);
                    sections.forEach(s -> s.prime(chunk));
                    primed.addAndGet(chunk.size());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not prime the home caches for " + chunk.size() + " members", e);
                }
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(WORKERS, (recent.size() + CHUNK - 1) / CHUNK); i++) {
            Thread t = newThread(threads, work);
            workers.add(t);
            t.start();
        }
        try {
            for (Thread t : workers) {
                t.join(Duration.ofHours(1).toMillis());
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
        }
        return primed.get();
    }

    private ThreadFactory threads() {
        return threads != null ? threads : Executors.defaultThreadFactory();
    }

    /** A background thread that yields to the threads serving pages. */
    private static Thread newThread(ThreadFactory threads, Runnable work) {
        Thread t = threads.newThread(work);
        t.setName(THREAD_NAME);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }
}

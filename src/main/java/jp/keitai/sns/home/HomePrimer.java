package jp.keitai.sns.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.SessionStore;

/**
 * Primes the read caches at start-up for the members seen lately (issue 9): their sessions in one query, then what
 * their home pages read (every {@link HomeSection}, and their names), in the background while the node already
 * serves. Without it a restarted node answers its first tens of thousands of home pages from the database, each one
 * several queries, and a busy site's handsets time out until the caches fill by themselves.
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

    @Inject
    SessionStore sessions;

    @Inject
    MemberService members;

    @Inject
    Instance<HomeSection> sections;

    void onStart(@Observes Started started) {
        long hours = started.settings().intValue("sns.cache.prime-hours", 24, 0, 24 * 365);
        int limit = started.settings().intValue("sns.cache.prime-members", 100_000, 0, 50_000_000);
        if (hours <= 0 || limit <= 0) {
            return;
        }
        Thread t = new Thread(() -> prime(Duration.ofHours(hours), limit), "sns-home-primer");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    void prime(Duration within, int limit) {
        long start = System.nanoTime();
        int primed = 0;
        try {
            primed = prime(sessions, members, sections.stream().toList(), within, limit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not prime the home caches; pages will load what they need", e);
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            int n = primed;
            LOG.info(() -> "primed the home caches for " + n + " recent members in " + ms + " ms");
        }
    }

    /**
     * Reads the sessions seen within {@code within} (at most {@code limit}), then what the home page reads for their
     * members, two chunks at a time. Returns how many members were primed; a chunk that fails is logged and skipped.
     */
    public static int prime(
            SessionStore sessions, MemberService members, List<HomeSection> sections, Duration within, int limit) {
        AtomicInteger primed = new AtomicInteger();
        List<Long> recent = sessions.prime(within, limit);
        // two at a time: the database does half the work, and pages keep being served meanwhile
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sns-home-primer");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        for (int from = 0; from < recent.size(); from += CHUNK) {
            List<Long> chunk = recent.subList(from, Math.min(recent.size(), from + CHUNK));
            pool.execute(() -> {
                try {
                    members.nicknames(chunk);
                    sections.forEach(s -> s.prime(chunk));
                    primed.addAndGet(chunk.size());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not prime the home caches for " + chunk.size() + " members", e);
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return primed.get();
    }
}

package jp.keitai.sns.system;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the application's background work (mail workers, the spool writer, SMTP sessions, the outbound
 * dispatcher, the change listener). They come from the container's default {@code ManagedThreadFactory}
 * ({@code java:comp/DefaultManagedThreadFactory}, injected with {@code @Resource}), so the container knows them and
 * they run with the application's context; plain threads only where nothing was injected, in classes that unit tests
 * build with {@code new}. Every thread is a daemon (one a test forgets to stop does not keep the JVM alive) and has
 * the application's class loader as its context class loader, where Jakarta Mail and ImageIO find their providers.
 */
public final class BackgroundThreads {

    private BackgroundThreads() {}

    /**
     * A new, unstarted thread.
     *
     * @param managed the injected {@code ManagedThreadFactory}; null outside the container
     */
    public static Thread newThread(ThreadFactory managed, String name, Runnable task) {
        Thread t = managed != null ? managed.newThread(task) : new Thread(task);
        if (t == null) {
            // a managed factory refuses threads once the application is stopping
            throw new IllegalStateException("no thread for " + name + ": the application is stopping");
        }
        t.setName(name);
        t.setDaemon(true);
        t.setContextClassLoader(BackgroundThreads.class.getClassLoader());
        return t;
    }

    /** A factory for a pool: its threads are {@code prefix1}, {@code prefix2}, … */
    public static ThreadFactory numbered(ThreadFactory managed, String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> newThread(managed, prefix + n.incrementAndGet(), task);
    }
}

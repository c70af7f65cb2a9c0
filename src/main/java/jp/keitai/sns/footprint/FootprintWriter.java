package jp.keitai.sns.footprint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Write-behind for footprints: a view hands its visit to a bounded queue and returns; one thread (made by the given
 * factory: the container's managed thread factory on the server) writes what is queued every {@code flushMillis} (or as
 * soon as {@code batchSize} visits wait) in one transaction. When the queue
 * is full the view writes its own visit at once, so nothing is dropped under load; on {@link #close} what is queued is
 * written before the application stops. {@link #awaitWritten} lets the owner's pages wait until every visit queued
 * before them is in the database.
 */
final class FootprintWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FootprintWriter.class.getName());

    /** One accepted visit, not yet written. */
    record Visit(long visitor, long visited, Instant at) {}

    private final ArrayBlockingQueue<Visit> queue;
    private final long flushMillis;
    private final int batchSize;
    /** Writes a batch in one transaction (the database's pair rule still decides). */
    private final Consumer<List<Visit>> writeBatch;
    /** Writes one visit in a transaction of its own (a full queue, a batch that failed, shutdown leftovers). */
    private final Consumer<Visit> writeOne;

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final Object doneLock = new Object();
    private final Thread thread;
    private volatile boolean running = true;

    FootprintWriter(
            int capacity,
            long flushMillis,
            int batchSize,
            Consumer<List<Visit>> writeBatch,
            Consumer<Visit> writeOne,
            ThreadFactory threads) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flushMillis = flushMillis;
        this.batchSize = batchSize;
        this.writeBatch = writeBatch;
        this.writeOne = writeOne;
        this.thread = threads.newThread(this::loop);
        this.thread.start();
    }

    /** Queues the visit; when the queue is full (or the writer has stopped), writes it now in the caller's thread. */
    void add(Visit visit) {
        if (running && queue.offer(visit)) {
            if (queued.incrementAndGet() - done.get() >= batchSize) {
                LockSupport.unpark(thread);
            }
            if (!running) { // closed meanwhile: the writer may have gone, so write what is left here
                Visit left;
                while ((left = queue.poll()) != null) {
                    writeSafely(left);
                }
            }
            return;
        }
        writeSafely(visit);
    }

    /** Waits (at most {@code timeoutMillis}) until every visit queued before this call is written (or refused). */
    void awaitWritten(long timeoutMillis) {
        long target = queued.get();
        if (done.get() >= target) {
            return;
        }
        LockSupport.unpark(thread);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (doneLock) {
            while (done.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(doneLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Visits queued and not yet written. */
    int pending() {
        return queue.size();
    }

    private void loop() {
        List<Visit> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            if (Thread.interrupted()) {
                running = false; // the container is stopping its threads: write what is queued, take no more
            }
            if (queue.size() < batchSize && running) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(flushMillis));
            }
            batch.clear();
            queue.drainTo(batch, batchSize);
            if (!batch.isEmpty()) {
                flush(batch);
            }
        }
    }

    private void flush(List<Visit> batch) {
        try {
            writeBatch.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            // one bad visit must not lose the others: write them one by one
            LOG.log(Level.WARNING, "footprint batch of " + batch.size() + " failed; writing them one by one", e);
            batch.forEach(this::writeSafely);
        }
        synchronized (doneLock) {
            done.addAndGet(batch.size());
            doneLock.notifyAll();
        }
    }

    private void writeSafely(Visit visit) {
        try {
            writeOne.accept(visit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "footprint " + visit + " not written", e);
        }
    }

    /** Stops taking visits and writes what is queued (this thread writes whatever the writer could not). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Visit> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(this::writeSafely);
    }
}

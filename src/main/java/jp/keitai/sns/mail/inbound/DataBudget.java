package jp.keitai.sns.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of mail all SMTP sessions together may hold in memory ({@code sns.smtp.data-budget-mb}). A session
 * reading DATA takes its share in steps of {@link #STEP} as the message grows, twice what it holds (the buffer and the
 * one array the spool is given), and gives it back once the mail is spooled or refused. When the budget is used, the
 * session reads the rest of its DATA without keeping it and answers 452, which the sending MTA retries later: memory
 * is bounded by this setting, not by how many sessions send large mail at once. A small mail takes one step (one
 * compare-and-set) and is held in memory only, so the fast path writes nothing to disk.
 */
final class DataBudget {

    /** What a session takes from the budget at a time. */
    static final int STEP = 64 * 1024;

    private final long total;
    private final AtomicLong free;

    DataBudget(long totalBytes) {
        this.total = Math.max(2L * STEP, totalBytes);
        this.free = new AtomicLong(this.total);
    }

    long total() {
        return total;
    }

    /** Bytes of the budget free now (for tests and diagnostics). */
    long free() {
        return free.get();
    }

    private boolean take(long n) {
        while (true) {
            long f = free.get();
            if (f < n) {
                return false;
            }
            if (free.compareAndSet(f, f - n)) {
                return true;
            }
        }
    }

    private void give(long n) {
        free.addAndGet(n);
    }

    /** The message read, or why it was not kept. */
    static final class Read implements AutoCloseable {
        private final DataBudget budget;
        private long held;
        private byte[] bytes;
        /** The whole DATA, also what was not kept. */
        long total;
        /** True when the budget ran out before the end: the bytes are not there. */
        boolean overBudget;

        private Read(DataBudget budget) {
            this.budget = budget;
        }

        byte[] bytes() {
            return bytes;
        }

        /** Gives the share back (idempotent); the bytes are no longer counted, so they must not be kept either. */
        @Override
        public void close() {
            if (held > 0) {
                budget.give(held);
                held = 0;
            }
            bytes = null;
        }
    }

    /**
     * Reads {@code data} to its end (what is left would otherwise be read as SMTP commands), keeping at most {@code
     * maxBytes} and only while the budget allows. The caller closes the result after the mail is spooled.
     */
    Read read(InputStream data, int maxBytes) throws IOException {
        Read read = new Read(this);
        List<byte[]> chunks = new ArrayList<>();
        byte[] chunk = null;
        int inChunk = 0;
        boolean keep = true;
        byte[] skip = null;
        try {
            while (true) {
                if (keep && (chunk == null || inChunk == chunk.length)) {
                    if (read.total + STEP > (long) maxBytes + STEP || !take(2L * STEP)) {
                        keep = false;
                        read.overBudget = read.total <= maxBytes;
                    } else {
                        read.held += 2L * STEP;
                        if (chunk != null) {
                            chunks.add(chunk);
                        }
                        // the first chunk small: a keitai mail is a few KB
                        chunk = new byte[chunks.isEmpty() && chunk == null ? 8 * 1024 : STEP];
                        inChunk = 0;
                    }
                }
                if (keep) {
                    int n = data.read(chunk, inChunk, chunk.length - inChunk);
                    if (n == -1) {
                        break;
                    }
                    inChunk += n;
                    read.total += n;
                    if (chunk.length < STEP && inChunk == chunk.length) {
                        // the small first chunk is full: continue in a full-size one (same share of the budget)
                        byte[] bigger = new byte[STEP];
                        System.arraycopy(chunk, 0, bigger, 0, inChunk);
                        chunk = bigger;
                    }
                } else {
                    if (skip == null) {
                        skip = new byte[8 * 1024];
                    }
                    int n = data.read(skip);
                    if (n == -1) {
                        break;
                    }
                    read.total += n;
                }
            }
            if (read.total > maxBytes) {
                read.overBudget = false;
            }
            if (keep && read.total <= maxBytes) {
                byte[] all = new byte[(int) read.total];
                int at = 0;
                for (byte[] c : chunks) {
                    System.arraycopy(c, 0, all, at, c.length);
                    at += c.length;
                }
                if (chunk != null) {
                    System.arraycopy(chunk, 0, all, at, inChunk);
                }
                read.bytes = all;
            }
            return read;
        } catch (IOException | RuntimeException e) {
            read.close();
            throw e;
        }
    }
}

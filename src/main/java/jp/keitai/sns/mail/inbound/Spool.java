package jp.keitai.sns.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.BackgroundThreads;
import jp.keitai.sns.system.Database;

/**
 * Writes accepted mail into {@code mail_spool}, one row per recipient, with <em>group commit</em>: SMTP sessions hand
 * their mail to one writer thread, which inserts everything waiting (up to {@code sns.mail.spool-batch} mails) as one
 * JDBC batch in one transaction, commits, and only then releases each waiting session to answer 250. While one batch
 * commits the next one gathers, so under load one commit (one fsync) serves many mails, and an idle listener adds no
 * delay. If the batch fails, the whole transaction is rolled back and every session in it is told so (it answers 451
 * and the sending MTA retries): a mail is either entirely in the spool and answered 250, or not there at all.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    /** How long a session waits for its batch before giving up with 451 (the rows may still commit: see below). */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final SpoolStore store;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Runnable beforeBatch;
    private volatile boolean open = true;
    private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();

    /** A spool whose writer takes up to 128 mails per commit. */
    public Spool(Database database) {
        this(database, 128);
    }

    /** @param maxBatch the most mails one commit takes ({@code sns.mail.spool-batch}) */
    public Spool(Database database, int maxBatch) {
        this(database, maxBatch, null, () -> {});
    }

    /**
     * @param threads the container's thread factory for the writer; null outside the container
     */
    public Spool(Database database, int maxBatch, ThreadFactory threads) {
        this(database, maxBatch, threads, () -> {});
    }

    /**
     * For tests: {@code beforeBatch} runs on the writer thread after it has taken the first mail of a batch and before
     * it gathers the rest, so a test can hold it there and decide which mails share a commit.
     */
    Spool(Database database, int maxBatch, Runnable beforeBatch) {
        this(database, maxBatch, null, beforeBatch);
    }

    private Spool(Database database, int maxBatch, ThreadFactory threads, Runnable beforeBatch) {
        this.store = new SpoolStore(database);
        this.maxBatch = Math.max(1, maxBatch);
        this.beforeBatch = beforeBatch;
        this.writer = BackgroundThreads.newThread(threads, "sns-spool-writer", this::writeLoop);
        writer.start();
    }

    /** Who sent the mail, as the SMTP session saw it. */
    public record Envelope(String remoteAddr, String helo, String from, List<String> recipients) {}

    /** One mail waiting for the writer: its rows, and the session waiting for their ids. */
    private record Pending(List<SpoolMessage> rows, CompletableFuture<List<Long>> ids) {}

    /**
     * Stores the mail and returns the new row ids once committed; throws when it could not (the listener then answers
     * 4xx and the sender retries). Safe to call from many SMTP sessions at once: their mails share commits.
     */
    public List<Long> accept(Envelope envelope, byte[] raw, Instant now) {
        String messageId = messageId(raw);
        List<SpoolMessage> rows = new ArrayList<>();
        for (String recipient : envelope.recipients()) {
            String local = localPart(recipient);
            rows.add(new SpoolMessage(
                    now,
                    envelope.remoteAddr(),
                    envelope.helo(),
                    envelope.from() == null ? "" : envelope.from(),
                    recipient,
                    local,
                    messageId,
                    dedupKey(messageId, raw, local),
                    raw));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Pending p = new Pending(rows, new CompletableFuture<>());
        if (!open) {
            throw new IllegalStateException("the spool is closed");
        }
        queue.add(p);
        if (!open) {
            // closed between the check and the add: the writer may be gone; fail rather than wait in vain
            p.ids().completeExceptionally(new IllegalStateException("the spool is closed"));
        }
        try {
            return p.ids().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // the batch may still commit after this; the sender's retry is then handled as a duplicate (same key)
            throw new IllegalStateException("the spool writer did not answer in " + WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the spool", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                beforeBatch.run();
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                // keep going until closed: a session is waiting for every queued mail
            } catch (Throwable t) {
                LOG.log(Level.SEVERE, "spool writer: " + t, t);
                batch.forEach(p -> p.ids().completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
    }

    /** Inserts the batch in one transaction and completes each session's future (all with ids, or all failed). */
    private void write(List<Pending> batch) {
        List<Pending> live = batch.stream().filter(p -> !p.ids().isDone()).toList();
        if (live.isEmpty()) {
            return;
        }
        List<List<Long>> ids;
        try {
            ids = store.insert(live.stream().map(Pending::rows).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not spool " + live.size() + " mail(s), answering 451: " + e.getMessage(), e);
            live.forEach(p -> p.ids().completeExceptionally(e));
            return;
        }
        committed.addAndGet(live.size());
        for (int i = 0; i < live.size(); i++) {
            live.get(i).ids().complete(ids.get(i));
        }
    }

    /** How many mails this spool has committed since it was made. */
    long committed() {
        return committed.get();
    }

    /** Mails waiting for the writer (not counting a batch being written). */
    int queued() {
        return queue.size();
    }

    /** Stops the writer after what is queued; later {@link #accept} calls fail (451). */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.ids().completeExceptionally(new IllegalStateException("the spool is closed"));
        }
    }

    /** The local part of an address, without quotes. */
    static String localPart(String address) {
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return local;
    }

    /**
     * The Message-ID header, read leniently (the first one, unfolded, whitespace removed); null when absent or empty.
     * Read by hand rather than with Jakarta Mail's {@code InternetHeaders}, which looks its stream provider up with a
     * {@code ServiceLoader} scan on every call, too slow for the SMTP thread.
     */
    static String messageId(byte[] raw) {
        StringBuilder value = null;
        int i = 0;
        int n = raw.length;
        while (i < n) {
            int end = i;
            while (end < n && raw[end] != '\n') {
                end++;
            }
            int lineEnd = end > i && raw[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd == i) {
                break; // the empty line: end of the header
            }
            byte first = raw[i];
            if (first == ' ' || first == '\t') {
                if (value != null) {
                    value.append(new String(raw, i, lineEnd - i, StandardCharsets.ISO_8859_1));
                }
            } else if (value != null) {
                break; // the Message-ID header is complete
            } else if (startsWithIgnoreCase(raw, i, lineEnd, "message-id")) {
                int colon = i + "message-id".length();
                while (colon < lineEnd && (raw[colon] == ' ' || raw[colon] == '\t')) {
                    colon++;
                }
                if (colon < lineEnd && raw[colon] == ':') {
                    value = new StringBuilder(
                            new String(raw, colon + 1, lineEnd - colon - 1, StandardCharsets.ISO_8859_1));
                }
            }
            i = end + 1;
        }
        if (value == null) {
            return null;
        }
        StringBuilder id = new StringBuilder(value.length());
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (!(c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r')) {
                id.append(c); // whitespace removed without a regular expression per mail
            }
        }
        return id.length() == 0 ? null : id.toString();
    }

    private static boolean startsWithIgnoreCase(byte[] raw, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase((char) (raw[from + k] & 0xff)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Same Message-ID to the same local part = the same mail (an MTA retrying, a member pressing send twice). Without a
     * Message-ID only identical bytes are the same mail.
     */
    static String dedupKey(String messageId, byte[] raw, String localPart) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (messageId != null) {
                sha.update(("id:" + messageId).getBytes(StandardCharsets.UTF_8));
            } else {
                sha.update("raw:".getBytes(StandardCharsets.UTF_8));
                sha.update(raw);
            }
            sha.update(("\n" + localPart.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

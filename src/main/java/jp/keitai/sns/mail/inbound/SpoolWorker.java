package jp.keitai.sns.mail.inbound;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.mail.inbound.SpoolStore.Finish;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Handles spooled mail, a batch at a time. Up to {@code sns.mail.batch} rows are first claimed in one short
 * transaction of their own ({@code FOR UPDATE SKIP LOCKED}, so several workers and nodes share the spool; attempts
 * counted; a lease set). The batch is then handled in a second transaction that locks its rows, calls each route's
 * handler and marks each row done, refused, quarantined or duplicate: the handlers' writes and the new states commit
 * together. If anything in that transaction fails, all of it is rolled back and the rows are handled again one by one,
 * each in a transaction of its own, so a mail whose handling throws is retried (and in the end quarantined) alone
 * while the others of its batch go through. A worker that dies mid-batch rolls that transaction back, and once the
 * lease ends another worker takes the rows again; a mail that keeps failing is quarantined after
 * {@code sns.mail.max-attempts} claims.
 */
public final class SpoolWorker {

    private static final Logger LOG = Logger.getLogger(SpoolWorker.class.getName());

    private final Database database;
    private final SpoolStore store;
    private final MailRoutes routes;
    private final InboundSettings settings;
    private final MailParser parser;
    private final String id;
    private final int batch;

    /** A worker that knows the carriers from the shipped {@code carrier-config/} (code built outside CDI). */
    public SpoolWorker(Database database, MailRoutes routes, InboundSettings settings, String id) {
        this(database, routes, settings, id, CarrierRegistry.load(Optional.empty()));
    }

    /**
     * @param id this worker's name in claims (unique per worker thread)
     * @param carriers which carrier a sender is
     */
    public SpoolWorker(
            Database database, MailRoutes routes, InboundSettings settings, String id, CarrierRegistry carriers) {
        this.database = database;
        this.store = new SpoolStore(database);
        this.routes = routes;
        this.settings = settings;
        this.parser = new MailParser(settings, carriers);
        this.id = id.length() > 80 ? id.substring(0, 80) : id;
        this.batch = settings.batch();
    }

    /** Handles what is waiting at {@code now} (at most a batch); returns how many rows it took. */
    public int runOnce(Instant now) {
        List<Long> rows = claim(now, batch);
        if (!rows.isEmpty()) {
            handle(rows, now);
        }
        return rows.size();
    }

    /** Claims the oldest free row (see {@link #claim(Instant, int)}). */
    Optional<Long> claim(Instant now) {
        return claim(now, 1).stream().findFirst();
    }

    /**
     * How often a busy worker looks for free rows from the start of the spool rather than from its floor (see
     * {@link #claim(Instant, int)}).
     */
    static final Duration FULL_SCAN_EVERY = Duration.ofSeconds(2);

    /** The first row of this worker's last claim: free rows are looked for from here on, mostly. */
    private long floor;
    /** When this worker last looked from the start. */
    private Instant lastFullScan = Instant.MIN;

    /**
     * Claims up to {@code limit} of the oldest free rows; rows that have used up their attempts are quarantined on the
     * way (and the next ones tried, so an empty answer means there is nothing to do).
     *
     * <p>Rows are claimed in id order, so a busy worker looks only from the first row of its last claim on: below it
     * lie rows handled already, whose index entries a look from the start would read again every time (see
     * {@link SpoolStore#CLAIM}), and rows other workers hold. What can still become free below it (a row freed for
     * another attempt after a failure, a row whose worker died, a row of another node that committed later than
     * higher ids) is found by a look from the start at least every {@link #FULL_SCAN_EVERY}, and whenever a look from
     * the floor finds nothing. A retry waits at least 10 s and a dead worker's lease longer, so none waits for it.
     */
    List<Long> claim(Instant now, int limit) {
        String exhausted = "処理が" + settings.maxAttempts() + "回とも終わりませんでした（エラーまたは処理中の停止）";
        while (true) {
            boolean full = floor == 0 || !now.isBefore(lastFullScan.plus(FULL_SCAN_EVERY));
            SpoolStore.Claimed c =
                    store.claim(now, full ? 0 : floor, limit, id, settings.maxAttempts(), settings.lease(), exhausted);
            if (full) {
                lastFullScan = now;
            }
            for (long q : c.quarantined()) {
                LOG.warning(() -> "inbound mail #" + q + " quarantined: attempts used up");
                answerQuarantined(q, exhausted);
            }
            if (!c.ids().isEmpty()) {
                floor = c.ids().get(0);
                return c.ids();
            }
            if (!full) {
                floor = 0; // nothing from the floor on: look from the start before saying there is nothing
            } else if (c.quarantined().isEmpty()) {
                return c.ids();
            }
        }
    }

    /**
     * A row quarantined because its attempts were used up is answered too, in a transaction of its own after the
     * quarantine committed: the handler that kept failing is asked only to answer, and if that fails as well the
     * row stays quarantined unanswered (logged).
     */
    private void answerQuarantined(long rowId, String reason) {
        try {
            database.tx(em -> {
                for (SpoolMessage row : store.lock(List.of(rowId))) {
                    if (!SpoolMessage.QUARANTINED.equals(row.getState())) {
                        // an operator put it back (it will be answered when handled) or deleted it in between
                        LOG.info(() -> "inbound mail #" + rowId + " was no longer quarantined; not answered");
                        continue;
                    }
                    routes.find(row.getLocalPart())
                            .ifPresent(r -> r.handler().quarantinedByChannel(parser.partial(row), reason, em));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer quarantined inbound mail #" + rowId, e);
        }
    }

    /** Handles one claimed row; any failure leaves the row as it was apart from the claim. */
    void handle(long rowId, Instant now) {
        handle(List.of(rowId), now);
    }

    /**
     * Handles claimed rows in one transaction; if that fails, each row again in a transaction of its own, so that one
     * failing mail neither blocks nor takes down the others. A row that fails alone is left as it was apart from the
     * claim, and freed for a later attempt.
     */
    void handle(List<Long> rowIds, Instant now) {
        try {
            List<String> outcomes = database.tx(em -> handleLocked(em, rowIds));
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("inbound mail " + rowIds + ": " + outcomes);
            }
        } catch (RuntimeException e) {
            // nothing of the handlers' work was committed
            if (rowIds.size() == 1) {
                LOG.log(Level.WARNING, "inbound mail #" + rowIds.get(0) + " failed, will retry: " + e, e);
                release(rowIds.get(0), now);
                return;
            }
            LOG.log(
                    Level.INFO,
                    "a batch of " + rowIds.size() + " inbound mails failed (" + e + "); handling them one by one");
            for (long row : rowIds) {
                handle(List.of(row), now);
            }
        }
    }

    private List<String> handleLocked(EntityManager em, List<Long> rowIds) {
        List<SpoolMessage> rows = store.lock(rowIds).stream()
                // finished, or taken over by another worker after our lease ran out
                .filter(r -> SpoolMessage.NEW.equals(r.getState()) && id.equals(r.getClaimedBy()))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        // the same mail handled before (by anyone), or earlier in this batch: one statement for the whole batch
        Map<String, Long> handledBefore = store.handledBefore(
                rows.stream().map(SpoolMessage::getDedupKey).distinct().toList());
        if (rows.size() > 1) {
            Map<MailRoute, List<String>> byRoute = new java.util.LinkedHashMap<>();
            for (SpoolMessage row : rows) {
                if (!handledBefore.containsKey(row.getDedupKey())) {
                    routes.find(row.getLocalPart()).ifPresent(r -> byRoute.computeIfAbsent(r, k -> new ArrayList<>())
                            .add(row.getLocalPart()));
                }
            }
            byRoute.forEach((route, localParts) -> route.handler().beforeBatch(localParts, em));
        }
        List<Finish> finished = new ArrayList<>();
        for (SpoolMessage row : rows) {
            Finish f = handleOne(em, row, handledBefore.get(row.getDedupKey()));
            em.flush(); // this mail's writes go to the database now (a failure names this mail) ...
            em.clear(); // ... and leave the persistence context, so the next mail's flushes do not look at them
            if (f.handledKey() != null) {
                handledBefore.putIfAbsent(f.handledKey(), row.getId());
            }
            finished.add(f);
        }
        // a concurrent copy of the same mail fails here on handled_key, and the batch is handled again one by one
        store.finish(finished);
        return finished.stream().map(f -> "#" + f.id() + " " + f.state()).toList();
    }

    private Finish handleOne(EntityManager em, SpoolMessage row, Long earlier) {
        Instant at = Clock.now();
        long rowId = row.getId();
        if (earlier != null) {
            return new Finish(rowId, SpoolMessage.DUPLICATE, null, "同じメールを処理済みです（#" + earlier + "）", at, null);
        }
        String key = row.getDedupKey();
        Optional<MailRoute> route = routes.find(row.getLocalPart());
        if (route.isEmpty()) {
            return new Finish(rowId, SpoolMessage.REFUSED, null, "この宛先は使われていません", at, key);
        }
        MailRoute r = route.get();
        MailParser.Parsed parsed;
        try {
            parsed = parser.parse(row);
        } catch (UnreadableMail e) {
            // answered (the route decides to whom), kept for an operator
            r.handler().quarantinedByChannel(parser.partial(row), e.reason(), em);
            return new Finish(rowId, SpoolMessage.QUARANTINED, r.name(), e.reason(), at, key);
        }
        if (parsed.refusal() != null) {
            r.handler().refusedByChannel(parsed.mail(), parsed.refusal(), em);
            return new Finish(rowId, SpoolMessage.REFUSED, r.name(), parsed.refusal(), at, key);
        }
        MailResult result = r.handler().handle(parsed.mail(), em);
        if (result == null) {
            throw new IllegalStateException("mail route '" + r.name() + "' returned no result");
        }
        String state =
                switch (result.outcome()) {
                    case DONE -> SpoolMessage.DONE;
                    case REFUSED -> SpoolMessage.REFUSED;
                    case QUARANTINED -> SpoolMessage.QUARANTINED;
                };
        return new Finish(rowId, state, r.name(), result.reason(), at, key);
    }

    /** After a failed attempt: free the row again, a little later each time. */
    private void release(long rowId, Instant now) {
        try {
            store.release(rowId, id, now);
        } catch (RuntimeException e) {
            // the lease runs out by itself
            LOG.log(Level.FINE, "could not release inbound mail #" + rowId, e);
        }
    }

    public String id() {
        return id;
    }
}

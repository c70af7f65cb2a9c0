package jp.keitai.sns.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.BackgroundThreads;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.system.Started;

/**
 * The members connected to this node for live updates, and the one thread that sends them what happened.
 *
 * <p>A new {@code live_event} row reaches this node through the change feed ({@link LiveEvents#TOPIC}): after the
 * commit on the node that wrote it, by {@code NOTIFY} on every other (no second listener connection). The id goes on
 * a queue; the dispatcher thread reads the rows and, for each connected member the owning {@link LiveSource} names,
 * asks it what that member may see now and sends it. A stream holds no request thread and no database connection
 * while it waits: it is a JAX-RS {@link SseEventSink} kept here. A client that reconnects with {@code Last-Event-ID}
 * (to this node or another) is first sent what it missed, from the table, within {@code sns.live.window-minutes}.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class.getName());
    /** At most this many events are read per replay or poll; the client asks again from the last. */
    static final int PAGE = 500;
    /** Queued when the change listener reconnected: events may have been missed, read the table instead. */
    private static final long RESET = -1;

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    @Any
    Instance<LiveSource> sourceBeans;

    /** The container's threads; null outside a container. */
    @Resource
    ManagedThreadFactory threadFactory;

    private LiveStore store;
    private Duration window;
    private int pollSeconds;
    private Duration heartbeat;
    private Duration maxConnection;
    private volatile Map<String, LiveSource> sources;
    private final Map<Long, Set<Client>> clients = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    private final AtomicLong latest = new AtomicLong();
    private volatile boolean closed;
    private Thread dispatcher;

    @PostConstruct
    void init() {
        store = new LiveStore(database);
        window = Duration.ofMinutes(settings.intValue("sns.live.window-minutes", 30, 1, 1440));
        pollSeconds = settings.intValue("sns.live.poll-seconds", 30, 5, 3600);
        heartbeat = Duration.ofSeconds(settings.intValue("sns.live.heartbeat-seconds", 25, 5, 300));
        maxConnection = Duration.ofMinutes(settings.intValue("sns.live.max-connection-minutes", 15, 1, 1440));
    }

    void onStart(@Observes Started started) {
        latest.accumulateAndGet(store.latestId(), Math::max);
        database.changes().subscribe(LiveEvents.TOPIC, id -> {
            latest.accumulateAndGet(id, Math::max);
            queue.offer(id);
        });
        database.changes().onReset(() -> queue.offer(RESET));
        dispatcher = BackgroundThreads.newThread(threadFactory, "sns-live", this::dispatch);
        dispatcher.start();
    }

    /** How long events are kept for reconnecting clients ({@code sns.live.window-minutes}). */
    Duration window() {
        return window;
    }

    /** How often a page without server-sent events polls ({@code sns.live.poll-seconds}). */
    public int pollSeconds() {
        return pollSeconds;
    }

    /** The newest event this node knows of: a page drawn now asks for what comes after it. */
    public long latestId() {
        return latest.get();
    }

    // ---- streams

    /**
     * Keeps {@code sink} open for the member: first what they missed after {@code after} (null: nothing, from now on),
     * then every new event they may see.
     */
    void connect(long member, SseEventSink sink, Sse sse, Long after) {
        Client c = new Client(member, sink, sse, Clock.now().plus(maxConnection));
        // a comment first: the response starts now, and the client knows it is connected
        c.write(sse.newEventBuilder().comment("connected").reconnectDelay(3000).build());
        if (after == null) {
            c.replayed(List.of());
        }
        // registered before the replay is read, so nothing falls between; new events wait until the replay is sent
        clients.computeIfAbsent(member, m -> ConcurrentHashMap.newKeySet()).add(c);
        if (after != null) {
            List<LiveItem> items = List.of();
            try {
                items = missed(member, after).items();
            } finally {
                c.replayed(items);
            }
        }
    }

    /** Number of open streams on this node (for tests and the log). */
    int connections() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    // ---- polling and replay

    /** What a member is owed after event {@code after}, and the id to ask from next. */
    public record Missed(long last, List<LiveItem> items) {}

    /** The events after {@code after} the member may see now, oldest first, from the table. */
    Missed missed(long member, long after) {
        Instant notBefore = Clock.now().minus(window);
        List<LiveEvent> events = store.since(after, notBefore, PAGE);
        long last = events.isEmpty()
                ? Math.max(after, 0)
                : events.get(events.size() - 1).id();
        if (events.isEmpty() && after > latest.get()) {
            last = latest.get(); // an id from a reset database: start again from the newest
        }
        List<LiveItem> items = new ArrayList<>();
        for (LiveEvent e : events) {
            render(member, e).ifPresent(items::add);
        }
        return new Missed(last, items);
    }

    private Optional<LiveItem> render(long member, LiveEvent e) {
        if (e.actorId() == member) {
            return Optional.empty(); // a member's own doings come back with the page they posted from
        }
        LiveSource source = sources().get(e.kind());
        if (source == null) {
            return Optional.empty();
        }
        long[] audience = source.audience(e);
        if (audience != null && !contains(audience, member)) {
            return Optional.empty();
        }
        try {
            return source.render(member, e);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "live event " + e.id() + " not drawn for member " + member, ex);
            return Optional.empty();
        }
    }

    private static boolean contains(long[] ids, long id) {
        for (long i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    private Map<String, LiveSource> sources() {
        Map<String, LiveSource> s = sources;
        if (s == null) {
            s = new HashMap<>();
            for (LiveSource source : sourceBeans) {
                for (String kind : source.kinds()) {
                    s.put(kind, source);
                }
            }
            sources = s;
        }
        return s;
    }

    // ---- the dispatcher thread

    private void dispatch() {
        Instant nextBeat = Clock.now().plus(heartbeat);
        while (!closed) {
            try {
                Long first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    Set<Long> ids = new LinkedHashSet<>();
                    ids.add(first);
                    List<Long> more = new ArrayList<>();
                    queue.drainTo(more, 999);
                    ids.addAll(more);
                    List<LiveEvent> events;
                    if (ids.remove(RESET)) {
                        // the listener was away: everything recent, the clients skip what they had
                        events = store.since(0, Clock.now().minus(Duration.ofMinutes(1)), PAGE);
                    } else {
                        events = store.byIds(ids);
                    }
                    for (LiveEvent e : events) {
                        send(e);
                    }
                }
                Instant now = Clock.now();
                if (!now.isBefore(nextBeat)) {
                    beat(now);
                    nextBeat = now.plus(heartbeat);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "live dispatcher: a round failed", e);
                }
            }
        }
    }

    private void send(LiveEvent e) {
        LiveSource source = sources().get(e.kind());
        if (source == null || clients.isEmpty()) {
            return;
        }
        long[] audience = source.audience(e);
        List<Long> members = new ArrayList<>();
        if (audience == null) {
            members.addAll(clients.keySet());
        } else {
            for (long m : audience) {
                if (clients.containsKey(m)) {
                    members.add(m);
                }
            }
        }
        for (long m : members) {
            if (m == e.actorId()) {
                continue;
            }
            Optional<LiveItem> item;
            try {
                item = source.render(m, e);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "live event " + e.id() + " not drawn for member " + m, ex);
                continue;
            }
            Set<Client> open = clients.get(m);
            if (item.isPresent() && open != null) {
                open.forEach(c -> c.send(item.get()));
            }
        }
    }

    /** A comment to every stream (a dead one fails and goes), and streams past their time closed. */
    private void beat(Instant now) {
        for (Set<Client> set : clients.values()) {
            for (Client c : set) {
                if (now.isAfter(c.until)) {
                    c.close(); // the browser reconnects with Last-Event-ID: its session is checked again
                } else {
                    c.write(c.sse.newEventBuilder().comment("keep-alive").build());
                }
            }
        }
    }

    private void remove(Client c) {
        clients.computeIfPresent(c.member, (m, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }

    @PreDestroy
    void stop() {
        closed = true;
        for (Set<Client> set : clients.values()) {
            set.forEach(Client::close);
        }
        clients.clear();
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
    }

    /** One open stream. */
    private final class Client {
        final long member;
        final SseEventSink sink;
        final Sse sse;
        final Instant until;
        /** The last events sent, so a replay and the live feed never send one twice. */
        private final Set<Long> sent = new LinkedHashSet<>();
        /** New events that came while the replay was read (null once it is sent): they follow it, in order. */
        private List<LiveItem> held = new ArrayList<>();

        Client(long member, SseEventSink sink, Sse sse, Instant until) {
            this.member = member;
            this.sink = sink;
            this.sse = sse;
            this.until = until;
        }

        /** Sends what was missed, then what came meanwhile; from now on events go straight out. */
        synchronized void replayed(List<LiveItem> missed) {
            List<LiveItem> meanwhile = held;
            held = null;
            missed.forEach(this::send);
            meanwhile.forEach(this::send);
        }

        synchronized void send(LiveItem item) {
            if (held != null) {
                held.add(item);
                return;
            }
            if (!sent.add(item.eventId())) {
                return;
            }
            if (sent.size() > 1000) {
                var it = sent.iterator();
                it.next();
                it.remove();
            }
            write(sse.newEventBuilder()
                    .id(String.valueOf(item.eventId()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, item.json())
                    .build());
        }

        synchronized void write(OutboundSseEvent event) {
            if (sink.isClosed()) {
                remove(this);
                return;
            }
            try {
                sink.send(event).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        close();
                    }
                });
            } catch (RuntimeException e) {
                close();
            }
        }

        void close() {
            remove(this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a live stream", e);
            }
        }
    }
}

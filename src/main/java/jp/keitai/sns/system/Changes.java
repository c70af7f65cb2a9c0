package jp.keitai.sns.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the read caches of every node that rows changed (hot pages are served from memory, and a new diary or a
 * changed visibility must show at once everywhere).
 *
 * <p>A writer calls {@link #publish} inside its transaction, naming a topic ({@code "friends"}, {@code "diaries"}...)
 * and the ids whose cached data is now wrong. When the transaction commits, this node's subscribers run at once, before
 * the writer's request answers, so a member always sees their own change. On PostgreSQL the same change goes out as a
 * {@code NOTIFY} sent inside the transaction, so it is delivered only if the transaction commits, and every other
 * node's listener drops its copies within milliseconds. H2 is embedded in one JVM, so there are no other nodes.
 *
 * <p>A listener that loses its connection may have missed changes: when it is back, it tells every cache to drop
 * everything ({@link #onReset}).
 */
public final class Changes implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Changes.class.getName());
    static final String CHANNEL = "sns_changes";

    private final Database database;
    private final HikariDataSource pool;
    private final boolean remote;
    /** Makes the listener thread: the container's factory, or null for plain threads (unit tests). */
    private final ThreadFactory threads;
    /** This node's name in payloads, so the listener skips what this node already applied after its own commit. */
    private final String node = UUID.randomUUID().toString().substring(0, 8);

    private final Map<String, List<LongConsumer>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> resets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private Thread listener;

    Changes(Database database, HikariDataSource pool, ThreadFactory threads) {
        this.database = database;
        this.pool = pool;
        this.threads = threads;
        this.remote = database.isPostgresql();
    }

    /** Runs {@code onChange} for each id published under {@code topic}, here or on another node. */
    public void subscribe(String topic, LongConsumer onChange) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(onChange);
        startListening();
    }

    /** Runs {@code drop} when changes may have been missed (the listener reconnected): drop everything cached. */
    public void onReset(Runnable drop) {
        resets.add(drop);
        startListening();
    }

    /**
     * Says that the cached data about {@code ids} under {@code topic} is wrong from this transaction on. Call it after
     * the write, in the same transaction; outside a transaction it applies at once.
     */
    public void publish(String topic, long... ids) {
        if (ids.length == 0) {
            return;
        }
        Map<String, java.util.Set<Long>> pending = database.transactionLocal(this, () -> {
            Map<String, java.util.Set<Long>> p = new java.util.LinkedHashMap<>();
            // once per transaction, however many changes it publishes: one NOTIFY (or a few) before the commit, the
            // local drops after it (a batch of 50 mailed diaries publishes 150 changes)
            if (remote) {
                database.beforeCommit(() -> notifyAll(p));
            }
            database.afterCommit(() -> p.forEach(this::deliver));
            return p;
        });
        if (pending == null) { // no transaction: the write has committed already
            Map<String, java.util.Set<Long>> now = Map.of(topic, toSet(ids));
            if (remote) {
                notifyAll(now);
            }
            deliver(topic, now.get(topic));
            return;
        }
        java.util.Set<Long> set = pending.computeIfAbsent(topic, t -> new java.util.LinkedHashSet<>());
        for (long id : ids) {
            set.add(id);
        }
    }

    private static java.util.Set<Long> toSet(long[] ids) {
        java.util.Set<Long> out = new java.util.LinkedHashSet<>();
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }

    /** Sends the changes as NOTIFY payloads ("node topic id id ..."), each under PostgreSQL's 8,000-byte limit. */
    private void notifyAll(Map<String, java.util.Set<Long>> changes) {
        java.util.List<String> payloads = new java.util.ArrayList<>();
        changes.forEach((topic, ids) -> {
            StringBuilder payload = null;
            for (Long id : ids) {
                if (payload == null || payload.length() > 7_000) {
                    if (payload != null) {
                        payloads.add(payload.toString());
                    }
                    payload = new StringBuilder(node).append(' ').append(topic);
                }
                payload.append(' ').append(id);
            }
            if (payload != null) {
                payloads.add(payload.toString());
            }
        });
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
                for (String p : payloads) {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, p);
                    ps.executeQuery().close();
                }
            }
            return null;
        });
    }

    /**
     * Drops every cached copy on this node at once: after rows were changed outside the services (by SQL, as test
     * fixtures and bulk loads do), which published nothing.
     */
    public void resetAll() {
        resets.forEach(Runnable::run);
    }

    private void deliver(String topic, java.util.Collection<Long> ids) {
        List<LongConsumer> list = subscribers.get(topic);
        if (list != null) {
            for (long id : ids) {
                list.forEach(s -> s.accept(id));
            }
        }
    }

    private synchronized void startListening() {
        if (!remote || listener != null || closed) {
            return;
        }
        listener = BackgroundThreads.newThread(threads, "sns-changes-" + node, this::listen);
        listener.start();
    }

    private void listen() {
        boolean first = true;
        while (!closed) {
            try (Connection c = connect();
                    Statement st = c.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
                if (!first) {
                    LOG.info("change listener reconnected: dropping every cached copy");
                    resets.forEach(Runnable::run);
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(500);
                    if (got != null) {
                        for (PGNotification n : got) {
                            receive(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "change listener lost its connection; retrying", e);
                    first = false;
                    sleep();
                }
            }
        }
    }

    /** A connection of its own, outside the pool: it stays open for as long as the node runs. */
    private Connection connect() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            props.setProperty("password", pool.getPassword());
        }
        Connection c = new org.postgresql.Driver().connect(pool.getJdbcUrl(), props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + pool.getJdbcUrl());
        }
        return c;
    }

    private void receive(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length < 3 || parts[0].equals(node)) {
            return;
        }
        List<Long> ids = new java.util.ArrayList<>(parts.length - 2);
        try {
            for (int i = 2; i < parts.length; i++) {
                ids.add(Long.parseLong(parts[i]));
            }
        } catch (NumberFormatException e) {
            LOG.warning(() -> "ignoring a malformed change notice: " + payload);
            return;
        }
        deliver(parts[1], ids);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = listener;
        }
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package jp.keitai.sns.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one database of the application: a connection pool, the schema migrated by Flyway before anything else
 * touches it, and JPA (EclipseLink, resource-local) on top. H2 in a file under the data directory unless
 * {@code sns.db.url} names PostgreSQL.
 *
 * <p>Application-managed rather than a container data source, so that one setting switches the database and the
 * same class runs in plain unit tests.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    /** The transaction this thread is in, if any (see {@link #tx}). */
    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();
    /** What runs just before and just after the commit of this thread's transaction (see {@link #afterCommit}). */
    private static final ThreadLocal<Hooks> HOOKS = new ThreadLocal<>();

    private record Hooks(
            java.util.List<Runnable> before, java.util.List<Runnable> after, Map<Object, Object> attributes) {}

    private final HikariDataSource pool;
    /** The pool, or what a test wrapped around it (a statement counter); everything goes through this. */
    private final DataSource dataSource;

    private final EntityManagerFactory emf;
    private final boolean postgresql;
    private final Changes changes;

    private Database(HikariDataSource pool, DataSource dataSource, boolean postgresql, ThreadFactory threads) {
        this.pool = pool;
        this.dataSource = dataSource;
        this.postgresql = postgresql;
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                // db/postgresql: storage settings only PostgreSQL has, at versions db/migration does not use
                .locations(
                        postgresql
                                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                                : new String[] {"classpath:db/migration"})
                .load()
                .migrate();
        Map<String, Object> props = new HashMap<>();
        props.put("eclipselink.persistencexml", "META-INF/sns-persistence.xml");
        props.put("jakarta.persistence.nonJtaDataSource", dataSource);
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put(
                "eclipselink.target-database",
                postgresql ? "PostgreSQL" : "org.eclipse.persistence.platform.database.H2Platform");
        this.emf = Persistence.createEntityManagerFactory("sns", props);
        this.changes = new Changes(this, pool, threads);
    }

    /** Opens the database the settings name and migrates it. */
    public static Database open(Settings settings) {
        return open(settings, UnaryOperator.identity());
    }

    /**
     * Opens the database for the running application.
     *
     * @param threads the container's thread factory, for the change listener
     */
    public static Database open(Settings settings, ThreadFactory threads) {
        return open(settings, UnaryOperator.identity(), threads);
    }

    /**
     * Opens the database with {@code wrap} around the connection pool, for tests that watch the SQL the application
     * sends (see {@code testsupport/StatementCounter}); the application itself never wraps it.
     */
    public static Database open(Settings settings, UnaryOperator<DataSource> wrap) {
        return open(settings, wrap, null);
    }

    private static Database open(Settings settings, UnaryOperator<DataSource> wrap, ThreadFactory threads) {
        String url = settings.dbUrl();
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("sns");
        cfg.setMaximumPoolSize(settings.dbPoolSize());
        if (url.isEmpty()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("データディレクトリを作れません: " + settings.dataDir(), e);
            }
            // MODE=LEGACY: EclipseLink still asks H2 for IDENTITY() after an insert. WRITE_DELAY=0: a commit is on disk
            // before the SMTP listener answers 250, as it promises.
            url = "jdbc:h2:file:" + settings.dataDir().resolve("sns")
                    + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            cfg.setUsername("sa");
            cfg.setPassword("");
        } else {
            if (url.startsWith("jdbc:h2:")
                    && !url.toUpperCase(java.util.Locale.ROOT).contains("MODE=")) {
                url += ";MODE=LEGACY";
            }
            cfg.setUsername(settings.dbUser());
            cfg.setPassword(settings.dbPassword());
        }
        cfg.setJdbcUrl(url);
        boolean pg = url.startsWith("jdbc:postgresql:");
        cfg.setDriverClassName(pg ? "org.postgresql.Driver" : "org.h2.Driver");
        LOG.info(() -> "database: " + (pg ? "PostgreSQL" : "H2") + " " + redact(cfg.getJdbcUrl()));
        HikariDataSource pool = new HikariDataSource(cfg);
        return new Database(pool, wrap.apply(pool), pg, threads);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** "?,?,…,?": {@code n} parameters for an SQL {@code in (…)} list. */
    public static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    public boolean isPostgresql() {
        return postgresql;
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Called inside another
     * {@code tx} on the same thread, it joins that transaction, so services compose: a change and its audit row,
     * made by two services, commit together or not at all.
     */
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager joined = CURRENT.get();
        if (joined != null) {
            return work.apply(joined);
        }
        EntityManager em = emf.createEntityManager();
        EntityTransaction t = em.getTransaction();
        Hooks hooks = new Hooks(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        CURRENT.set(em);
        HOOKS.set(hooks);
        T result;
        try {
            t.begin();
            result = work.apply(em);
            for (int i = 0; i < hooks.before().size(); i++) { // a hook may add another
                hooks.before().get(i).run();
            }
            t.commit();
        } finally {
            CURRENT.remove();
            HOOKS.remove();
            if (t.isActive()) {
                t.rollback();
            }
            em.close();
        }
        hooks.after().forEach(Runnable::run);
        return result;
    }

    /** Whether this thread is inside {@link #tx}. */
    public boolean inTransaction() {
        return CURRENT.get() != null;
    }

    /**
     * Runs {@code hook} inside this thread's transaction just before it commits (it may still write, and its writes
     * commit with the rest); outside a transaction, at once.
     */
    public void beforeCommit(Runnable hook) {
        Hooks hooks = HOOKS.get();
        if (hooks == null) {
            hook.run();
        } else {
            hooks.before().add(hook);
        }
    }

    /**
     * Runs {@code hook} once this thread's transaction has committed, and not at all if it rolls back; outside a
     * transaction, at once. Caches are dropped here: dropping them earlier would let a reader load the old rows
     * again before the commit.
     */
    public void afterCommit(Runnable hook) {
        Hooks hooks = HOOKS.get();
        if (hooks == null) {
            hook.run();
        } else {
            hooks.after().add(hook);
        }
    }

    /**
     * A value that lives as long as this thread's transaction (made by {@code create} on first use), or null outside a
     * transaction: for work gathered during a transaction and done once at its end.
     */
    @SuppressWarnings("unchecked")
    public <T> T transactionLocal(Object key, java.util.function.Supplier<T> create) {
        Hooks hooks = HOOKS.get();
        return hooks == null ? null : (T) hooks.attributes().computeIfAbsent(key, k -> create.get());
    }

    /** The change feed that keeps read caches correct on this node and every other (see {@link Changes}). */
    public Changes changes() {
        return changes;
    }

    public void run(Consumer<EntityManager> work) {
        tx(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Reads without a transaction of its own. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * Plain JDBC for the few places where SQL says it better (locking, bulk reads). Inside a {@code tx} it uses that
     * transaction's connection; otherwise a connection of its own in auto-commit.
     */
    public <T> T jdbc(SqlWork<T> work) {
        EntityManager joined = CURRENT.get();
        try {
            if (joined != null) {
                joined.flush();
                return work.apply(joined.unwrap(Connection.class));
            }
            try (Connection c = dataSource.getConnection()) {
                return work.apply(c);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Inside a transaction on PostgreSQL: plans this transaction's statements without sequential scans (H2: nothing).
     * For the mail queues, whose statements all find their rows by index: PostgreSQL keeps a prepared statement's
     * generic plan, and one made while the table was nearly empty (a fresh or purged spool) would scan the whole table
     * on every claim and update once it had grown, until the next ANALYZE.
     */
    public void indexScansOnly(Connection c) throws SQLException {
        if (postgresql) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("set local enable_seqscan = off");
            }
        }
    }

    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        changes.close();
        if (emf.isOpen()) {
            emf.close();
        }
        pool.close();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    public static class DatabaseException extends RuntimeException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}

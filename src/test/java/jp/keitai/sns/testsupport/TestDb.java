package jp.keitai.sns.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import org.junit.jupiter.api.Named;

/**
 * A real, fresh, migrated database for a unit test: H2 in a temporary directory, or a PostgreSQL database of its own
 * that is dropped on close. Use with {@code @ParameterizedTest @MethodSource("jp.keitai.sns.testsupport.TestDb#both")}
 * so each test runs on both.
 */
public final class TestDb implements AutoCloseable {

    private final Database database;
    private final Runnable cleanup;
    private final Path dataDir;

    private TestDb(Database database, Path dataDir, Runnable cleanup) {
        this.database = database;
        this.dataDir = dataDir;
        this.cleanup = cleanup;
    }

    public static Stream<Named<TestDb>> both() {
        Stream<Named<TestDb>> h2 = Stream.of(Named.of("H2", h2()));
        if (Boolean.getBoolean("it.skip.postgresql")) {
            return h2;
        }
        return Stream.concat(h2, Stream.of(Named.of("PostgreSQL", postgresql())));
    }

    public static TestDb h2() {
        return h2(UnaryOperator.identity());
    }

    /** H2 with {@code wrap} around the connection pool (e.g. a {@link StatementCounter}). */
    public static TestDb h2(UnaryOperator<DataSource> wrap) {
        try {
            Path dir = Files.createTempDirectory("sns-test-");
            return new TestDb(Database.open(settings(Map.of("sns.data.dir", dir.toString())), wrap), dir, () -> {
                try {
                    TestDatabases.deleteTree(dir);
                } catch (Exception e) {
                    // temp files
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static TestDb postgresql() {
        return postgresql(UnaryOperator.identity());
    }

    /** PostgreSQL with {@code wrap} around the connection pool (e.g. a {@link StatementCounter}). */
    public static TestDb postgresql(UnaryOperator<DataSource> wrap) {
        String admin = System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("it.pg.user", "postgres");
        String name =
                "keitai_unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            TestDatabases.recreate(admin, user, name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for this test: " + e.getMessage(), e);
        }
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        Database db = Database.open(settings(Map.of("sns.db.url", url, "sns.db.user", user)), wrap);
        return new TestDb(db, null, () -> TestDatabases.drop(admin, user, name));
    }

    public static Settings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        return Settings.load(k -> Optional.ofNullable(all.get(k)));
    }

    public Database database() {
        return database;
    }

    /** Opens the same database again, as after a restart. */
    public Database reopen() {
        if (dataDir == null) {
            throw new UnsupportedOperationException("reopen is for H2 files");
        }
        return Database.open(settings(Map.of("sns.data.dir", dataDir.toString())));
    }

    @Override
    public void close() {
        database.close();
        cleanup.run();
    }
}

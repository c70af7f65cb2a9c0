package jp.keitai.sns.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fresh databases for tests; nothing depends on leftovers. Run by the build before the integration tests
 * ({@code main}: empties the IT data directories and recreates one PostgreSQL database per IT JVM, {@code <database>_1}
 * to {@code <database>_<forks>}), and used by unit tests to make a throw-away PostgreSQL database of their own.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** args: itDataDir, postgresAdminUrl, user, database, skipPostgresql, forks */
    public static void main(String[] args) throws Exception {
        deleteTree(Path.of(args[0]));
        if (!Boolean.parseBoolean(args[4])) {
            for (int fork = 1; fork <= Integer.parseInt(args[5]); fork++) {
                recreate(args[1], args[2], args[3] + "_" + fork);
                System.out.println("fresh PostgreSQL database " + args[3] + "_" + fork);
            }
        }
    }

    public static void recreate(String adminUrl, String user, String database) throws SQLException {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException(database);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " encoding 'UTF8' template template0");
        }
    }

    public static void drop(String adminUrl, String user, String database) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            // a leftover test database is harmless: every run makes a new one
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

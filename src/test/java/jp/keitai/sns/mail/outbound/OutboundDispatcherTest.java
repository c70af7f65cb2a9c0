package jp.keitai.sns.mail.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Delivery of queued mail: the outbox directory, and the relay with retries that survive a restart. */
class OutboundDispatcherTest {

    static Stream<String> engines() {
        return Boolean.getBoolean("it.skip.postgresql") ? Stream.of("H2") : Stream.of("H2", "PostgreSQL");
    }

    /** A database that can be closed and opened again, as across a restart of the service. */
    static final class Store implements AutoCloseable {
        final Path dir;
        final Map<String, String> values = new HashMap<>();
        private final String pgName;

        Store(String engine, Map<String, String> more) throws IOException {
            dir = Files.createTempDirectory("sns-outbound-");
            values.putAll(more);
            if (engine.equals("PostgreSQL")) {
                pgName = "keitai_out_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                String admin = admin();
                try {
                    TestDatabases.recreate(admin, user(), pgName);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                values.put("sns.db.url", admin.substring(0, admin.lastIndexOf('/') + 1) + pgName);
                values.put("sns.db.user", user());
            } else {
                pgName = null;
            }
        }

        Settings settings() {
            return OutboundFixtures.settings(dir, values);
        }

        Database open() {
            return Database.open(settings());
        }

        Mailer mailer(Database db) {
            return new Mailer(
                    db,
                    OutboundSettings.from(settings()),
                    OutboundFixtures.templates(Map.of("notice", OutboundFixtures.NOTICE)));
        }

        OutboundDispatcher dispatcher(Database db) {
            return new OutboundDispatcher(db, OutboundSettings.from(settings()), "test-node");
        }

        private static String admin() {
            return System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        }

        private static String user() {
            return System.getProperty("it.pg.user", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (pgName != null) {
                TestDatabases.drop(admin(), user(), pgName);
            }
            TestDatabases.deleteTree(dir);
        }
    }

    private static OutboxMail only(Database db) {
        List<OutboxMail> all = db.read(em ->
                em.createQuery("select m from OutboxMail m", OutboxMail.class).getResultList());
        assertEquals(1, all.size());
        return all.get(0);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void fileModeWritesTheMailIntoTheOutboxOnce(String engine) throws Exception {
        try (Store store = new Store(engine, Map.of());
                Database db = store.open()) {
            String id = store.mailer(db).send("hanako-7@docomo.ne.jp", "notice", Map.of("name", "花子"));
            OutboundDispatcher dispatcher = store.dispatcher(db);
            assertEquals(1, dispatcher.deliverDue(Clock.now()));
            Path outbox = store.dir.resolve("outbox");
            List<Path> files;
            try (Stream<Path> s = Files.list(outbox)) {
                files = s.toList();
            }
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().matches("\\d{8}T\\d{6}-\\d+\\.eml"), files.toString());
            OutboxMail row = only(db);
            assertEquals(OutboxMail.SENT, row.getState());
            assertEquals(id, row.getMessageId());
            assertArrayEquals(row.getRaw(), Files.readAllBytes(files.get(0)));
            MimeMessage parsed = new MimeMessage(null, Files.newInputStream(files.get(0)));
            assertEquals("text/plain; charset=Shift_JIS", parsed.getContentType());
            assertEquals(0, dispatcher.deliverDue(Clock.now().plusSeconds(3600)), "sent once");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void mailsQueuedTogetherAreDeliveredInOneRoundEachOnceAndEachMarkedSent(String engine) throws Exception {
        try (Store store = new Store(engine, Map.of());
                Database db = store.open()) {
            Mailer mailer = store.mailer(db);
            // one transaction queues them all: the rows go in as one batch when it commits
            List<String> ids = db.tx(em -> {
                List<String> out = new java.util.ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    out.add(mailer.queue(em, "hanako-" + i + "@docomo.ne.jp", "notice", Map.of("name", "花子" + i)));
                }
                return out;
            });
            assertEquals(30, new java.util.HashSet<>(ids).size(), "a Message-ID each");
            OutboundDispatcher dispatcher = store.dispatcher(db);
            assertEquals(30, dispatcher.deliverDue(Clock.now()), "one round takes them all");
            List<Path> files;
            try (Stream<Path> st = Files.list(store.dir.resolve("outbox"))) {
                files = st.sorted().toList();
            }
            assertEquals(30, files.size());
            List<OutboxMail> rows =
                    db.read(em -> em.createQuery("select m from OutboxMail m order by m.id", OutboxMail.class)
                            .getResultList());
            assertEquals(30, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                OutboxMail row = rows.get(i);
                assertEquals(OutboxMail.SENT, row.getState(), "#" + row.getId());
                assertEquals(1, row.getAttempts());
                assertEquals("hanako-" + i + "@docomo.ne.jp", row.getRecipient());
                assertEquals(ids.get(i), row.getMessageId());
                assertTrue(row.getSentAt() != null);
                assertArrayEquals(row.getRaw(), Files.readAllBytes(files.get(i)), "#" + row.getId());
            }
            assertEquals(0, dispatcher.deliverDue(Clock.now().plusSeconds(3600)), "each sent once");
        }
    }

    /**
     * A claim reads its batch from the due index and stops, and the load reads the claimed rows by primary key, however
     * long the queue: PostgreSQL's plans for the two statements, over a queue of 2,000 replies. (Before, the claim
     * sorted every due row and the load combined the due index with the primary key: 12 ms and 7 ms a round under a
     * backlog of 5,000, and the dispatcher fell further behind the longer the queue grew.)
     */
    @org.junit.jupiter.api.Test
    void onPostgreSqlClaimAndLoadReadTheBatchNotTheQueue() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("it.skip.postgresql"));
        try (Store store = new Store("PostgreSQL", Map.of());
                Database db = store.open()) {
            Mailer mailer = store.mailer(db);
            db.tx(em -> {
                for (int i = 0; i < 2000; i++) {
                    mailer.queue(em, "hanako-" + i + "@docomo.ne.jp", "notice", Map.of("name", "花子" + i));
                }
                return null;
            });
            String claim = db.jdbc(c -> {
                c.createStatement().execute("analyze mail_outbox");
                c.setAutoCommit(false);
                try {
                    db.indexScansOnly(c);
                    try (java.sql.PreparedStatement ps = c.prepareStatement("explain " + OutboxStore.CLAIM)) {
                        java.sql.Timestamp now =
                                java.sql.Timestamp.from(Clock.now().plusSeconds(60));
                        ps.setTimestamp(1, now);
                        ps.setTimestamp(2, now);
                        ps.setInt(3, 100);
                        return plan(ps);
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            });
            assertTrue(claim.contains("Index Scan using mail_outbox_due_idx"), claim);
            assertFalse(claim.contains("Sort"), claim);
            String load = db.jdbc(c -> {
                c.setAutoCommit(false);
                try {
                    db.indexScansOnly(c);
                    try (java.sql.PreparedStatement ps = c.prepareStatement("explain " + OutboxStore.load(100))) {
                        for (int i = 1; i <= 100; i++) {
                            ps.setLong(i, i * 7L);
                        }
                        return plan(ps);
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            });
            assertTrue(load.contains("mail_outbox_pkey"), load);
            assertFalse(load.contains("mail_outbox_due_idx"), load);
        }
    }

    private static String plan(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        StringBuilder out = new StringBuilder();
        try (java.sql.ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.append(r.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aMailQueuedInARolledBackTransactionIsNeverSent(String engine) throws Exception {
        try (Store store = new Store(engine, Map.of());
                Database db = store.open()) {
            Mailer mailer = store.mailer(db);
            assertThrows(
                    IllegalStateException.class,
                    () -> db.run(em -> {
                        mailer.queue(em, "hanako-7@docomo.ne.jp", "notice", Map.of("name", "花子"));
                        throw new IllegalStateException("the post failed");
                    }));
            assertEquals(0, store.dispatcher(db).deliverDue(Clock.now()));
            long queued = db.read(em -> em.createQuery("select count(m) from OutboxMail m", Long.class)
                    .getSingleResult());
            assertEquals(0, queued);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theRelayIsRetriedWithBackoffAndNothingIsLostAcrossARestart(String engine) throws Exception {
        int port = freePort();
        Map<String, String> smtp = Map.of(
                "sns.outbound.mode", "smtp",
                "sns.outbound.smtp.host", "127.0.0.1",
                "sns.outbound.smtp.port", Integer.toString(port),
                "sns.outbound.retry-seconds", "60");
        try (Store store = new Store(engine, smtp)) {
            String messageId;
            Instant t0;
            try (Database db = store.open()) {
                messageId = store.mailer(db).send("taro@ezweb.ne.jp", "notice", Map.of("name", "太郎"));
                t0 = Clock.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                OutboundDispatcher dispatcher = store.dispatcher(db);
                assertEquals(1, dispatcher.deliverDue(t0), "tried: the relay is down");
                OutboxMail row = only(db);
                assertEquals(OutboxMail.QUEUED, row.getState());
                assertEquals(1, row.getAttempts());
                assertTrue(row.getLastError() != null && !row.getLastError().isBlank());
                assertEquals(t0.plusSeconds(60), row.getNextAttemptAt());
                assertEquals(0, dispatcher.deliverDue(t0.plusSeconds(30)), "not before the backoff");
                assertEquals(1, dispatcher.deliverDue(t0.plusSeconds(61)));
                assertEquals(t0.plusSeconds(61).plusSeconds(120), only(db).getNextAttemptAt(), "doubled");
            } // the service stops with the mail still queued

            GreenMail relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            relay.start();
            try (Database db = store.open()) { // and starts again
                OutboundDispatcher dispatcher = store.dispatcher(db);
                assertEquals(1, dispatcher.deliverDue(t0.plusSeconds(400)));
                assertTrue(relay.waitForIncomingEmail(10_000, 1));
                MimeMessage[] received = relay.getReceivedMessages();
                assertEquals(1, received.length);
                assertEquals(messageId, received[0].getMessageID(), "the queued mail itself, not a new one");
                assertEquals("text/plain; charset=ISO-2022-JP", received[0].getContentType());
                assertEquals("taro@ezweb.ne.jp", received[0].getAllRecipients()[0].toString());
                OutboxMail row = only(db);
                assertEquals(OutboxMail.SENT, row.getState());
                assertEquals(3, row.getAttempts());
                assertEquals(0, dispatcher.deliverDue(t0.plusSeconds(100_000)));
                assertEquals(1, relay.getReceivedMessages().length);
            } finally {
                relay.stop();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aMailIsMarkedFailedAfterItsAttempts(String engine) throws Exception {
        Map<String, String> smtp = Map.of(
                "sns.outbound.mode", "smtp",
                "sns.outbound.smtp.host", "127.0.0.1",
                "sns.outbound.smtp.port", Integer.toString(freePort()),
                "sns.outbound.max-attempts", "2");
        try (Store store = new Store(engine, smtp);
                Database db = store.open()) {
            store.mailer(db).send("a@example.com", "notice", Map.of("name", "A"));
            OutboundDispatcher dispatcher = store.dispatcher(db);
            Instant t = Clock.now().plusSeconds(1);
            dispatcher.deliverDue(t);
            dispatcher.deliverDue(t.plusSeconds(3600));
            OutboxMail row = only(db);
            assertEquals(OutboxMail.FAILED, row.getState());
            assertEquals(2, row.getAttempts());
            assertEquals(0, dispatcher.deliverDue(t.plusSeconds(100_000)));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

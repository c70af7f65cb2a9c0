package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDatabases;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;

/**
 * A worker process killed (SIGKILL) in the middle of handling a mail loses nothing and doubles nothing: its
 * transaction never commits, and after its lease another worker handles the mail exactly once.
 */
class WorkerCrashTest {

    @Test
    void h2() throws Exception {
        Path dir = Files.createTempDirectory("sns-crash-");
        try {
            Map<String, String> values = Map.of("sns.data.dir", dir.toString());
            long id;
            try (Database db = Database.open(TestDb.settings(values));
                    MailRig rig = new MailRig(db, Map.of())) {
                id = rig.spool("docomo-three-photos.eml");
            } // the embedded database is one process's at a time
            killMidMail("", "", dir.toString());
            try (Database db = Database.open(TestDb.settings(values))) {
                assertHandledOnceAfterTheCrash(db, id);
            }
        } finally {
            TestDatabases.deleteTree(dir);
        }
    }

    @Test
    void postgresql() throws Exception {
        assumeFalse(Boolean.getBoolean("it.skip.postgresql"));
        String admin = System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("it.pg.user", "postgres");
        String name =
                "keitai_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestDatabases.recreate(admin, user, name);
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        try (Database db = Database.open(TestDb.settings(Map.of("sns.db.url", url, "sns.db.user", user)))) {
            long id;
            try (MailRig rig = new MailRig(db, Map.of())) {
                id = rig.spool("docomo-three-photos.eml");
            }
            killMidMail(url, user, "");
            assertHandledOnceAfterTheCrash(db, id);
        } finally {
            TestDatabases.drop(admin, user, name);
        }
    }

    private static void assertHandledOnceAfterTheCrash(Database db, long id) {
        try (MailRig rig = new MailRig(db, Map.of())) {
            SpoolMessage row = rig.row(id);
            assertEquals(SpoolMessage.NEW, row.getState(), "the killed worker's transaction did not commit");
            assertEquals("doomed", row.getClaimedBy());
            assertEquals(1, row.getAttempts());
            assertEquals(0, rig.posts(id), "its post was rolled back with it");

            assertEquals(1, rig.worker.runOnce(Clock.now().plusSeconds(5)), "taken over once the lease is over");
            assertEquals(SpoolMessage.DONE, rig.row(id).getState());
            assertEquals(2, rig.row(id).getAttempts());
            assertEquals(1, rig.posts(id));
            assertEquals(3, rig.handled.get(id).photos().size());
            assertEquals(0, rig.worker.runOnce(Clock.now().plusSeconds(600)), "and never again");
            assertEquals(1, rig.posts(id));
        }
    }

    /** Starts the worker process, waits until it is inside the handler, and kills it. */
    private static void killMidMail(String url, String user, String dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("killed-worker", ".log");
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledWorkerMain.class.getName(),
                        url,
                        user,
                        dataDir)
                .redirectError(log.toFile())
                .start();
        try {
            CompletableFuture<String> handling = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("HANDLING ")) {
                            return line;
                        }
                    }
                    return "exited";
                } catch (java.io.IOException e) {
                    return "exited: " + e;
                }
            });
            String line = handling.get(120, TimeUnit.SECONDS);
            assertTrue(line.startsWith("HANDLING "), line + "\n" + Files.readString(log));
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the process itself
            p.waitFor(60, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }
}

package jp.keitai.sns.mail.inbound;

import java.util.HashMap;
import java.util.Map;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;

/**
 * A worker process for {@link WorkerCrashTest}: it claims a spooled mail, writes the "post" inside the handling
 * transaction, says so on stdout and then hangs until it is killed with SIGKILL.
 *
 * <p>args: JDBC URL (empty for H2), user, H2 data directory
 */
public final class KilledWorkerMain {

    private KilledWorkerMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> values = new HashMap<>();
        if (!args[0].isEmpty()) {
            values.put("sns.db.url", args[0]);
            values.put("sns.db.user", args[1]);
        } else {
            values.put("sns.data.dir", args[2]);
        }
        values.put("sns.mail.domain", MailRig.DOMAIN);
        values.put("sns.mail.lease-seconds", "1");
        Database database = Database.open(TestDb.settings(values));
        InboundSettings settings = InboundSettings.from(TestDb.settings(values));
        MailRoutes routes = new MailRoutes();
        routes.register("test", MailRoutes.prefix("d."), (mail, em) -> {
            em.createNativeQuery("insert into test_post (spool_id, subject) values (?, ?)")
                    .setParameter(1, mail.spoolId())
                    .setParameter(2, mail.subject())
                    .executeUpdate();
            em.flush();
            System.out.println("HANDLING " + mail.spoolId());
            System.out.flush();
            while (true) {
                java.util.concurrent.locks.LockSupport.parkNanos(60_000_000_000L); // until SIGKILL
            }
        });
        new SpoolWorker(database, routes, settings, "doomed").runOnce(Clock.now());
    }
}

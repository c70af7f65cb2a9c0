package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SMTP side: who is refused when, and that nothing is answered 250 before it is committed. */
class SmtpListenerTest {

    private static final String POST = "d.k3j5m2p8q9r4t6v7@" + MailRig.DOMAIN;

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void refusesUnknownRecipientsAndOtherDomainsAtRcpt(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of());
                SmtpClient c = new SmtpClient("127.0.0.1", rig.port())) {
            assertEquals(250, c.ehlo().code());
            assertEquals(250, c.mail("a..b.@docomo.ne.jp").code(), "docomo's RFC-violating sender is accepted");
            SmtpClient.Reply unknown = c.rcpt("nobody@" + MailRig.DOMAIN);
            assertEquals(550, unknown.code(), unknown.toString());
            assertTrue(unknown.text().startsWith("5.1.1"), unknown.toString());
            SmtpClient.Reply relay = c.rcpt("d.k3j5m2p8q9r4t6v7@elsewhere.example");
            assertEquals(550, relay.code(), relay.toString());
            assertTrue(relay.text().startsWith("5.7.1"), relay.toString());
            assertEquals(250, c.rcpt("D.K3J5M2P8Q9R4T6V7@SNS.Example.JP").code(), "domain and route ignore case");
            assertEquals(250, c.data(MailRig.fixture("docomo-sjis-emoji.eml")).code());
            assertEquals(1, rig.rows().size());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aMailManyTimesTheReadBufferIsStoredByteForByteWithItsFoldedMessageId(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of());
                SmtpClient c = new SmtpClient("127.0.0.1", rig.port())) {
            ByteArrayOutputStream mail = new ByteArrayOutputStream();
            mail.writeBytes(("From: a@docomo.ne.jp\r\nMessage-ID:\r\n \t<folded.id@docomo.ne.jp>\r\nSubject: x\r\n"
                            + "Content-Type: text/plain; charset=us-ascii\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; mail.size() < 100_000; i++) { // the listener reads 8 KB at a time
                mail.writeBytes(("line " + i + " of a long mail\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            byte[] sent = mail.toByteArray();
            assertEquals(250, c.ehlo().code());
            assertEquals(250, c.mail("a@docomo.ne.jp").code());
            assertEquals(250, c.rcpt(POST).code());
            SmtpClient.Reply r = c.data(sent);
            assertEquals(250, r.code(), r.toString());
            SpoolMessage row = rig.row(MailRig.queuedId(r));
            byte[] raw = row.getRaw();
            // the listener puts its Received: line in front; the rest is the mail as sent
            assertTrue(raw.length >= sent.length, "stored " + raw.length + " of " + sent.length);
            assertEquals(
                    java.util.HexFormat.of().formatHex(sent),
                    java.util.HexFormat.of()
                            .formatHex(java.util.Arrays.copyOfRange(raw, raw.length - sent.length, raw.length)));
            assertEquals("<folded.id@docomo.ne.jp>", row.getMessageId(), "unfolded, whitespace removed");
        }
    }

    @org.junit.jupiter.api.Test
    void aSenderIsPlausibleUnlessItCannotBeAnAddressAtAll() {
        assertTrue(SmtpListener.plausibleSender(""), "bounces");
        assertTrue(SmtpListener.plausibleSender("a..b.@docomo.ne.jp"));
        assertTrue(SmtpListener.plausibleSender("\"a.b.\"@docomo.ne.jp"));
        for (String bad : new String[] {"a b@docomo.ne.jp", "a\t@x.jp", "<a@x.jp>", "a@x.jp>", "nobody", "@x.jp"}) {
            assertTrue(!SmtpListener.plausibleSender(bad), bad);
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void refusesA20MegabyteMailAtDataAndKeepsServing(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of());
                SmtpClient c = new SmtpClient("127.0.0.1", rig.port())) {
            c.ehlo();
            c.mail("big@docomo.ne.jp");
            c.rcpt(POST);
            SmtpClient.Reply big = c.data(twentyMegabytes());
            assertEquals(552, big.code(), big.toString());
            assertTrue(big.text().startsWith("5.3.4"), big.toString());
            assertEquals(0, rig.rows().size(), "nothing spooled");
            // the same connection still speaks SMTP: the rest of the big message was not read as commands
            assertEquals(250, c.command("RSET").code());
            c.mail("hanako-7@docomo.ne.jp");
            c.rcpt(POST);
            assertEquals(250, c.data(MailRig.fixture("docomo-sjis-emoji.eml")).code());
            rig.work();
            assertEquals(1, rig.count(SpoolMessage.DONE));
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedAtMailFrom() {
        try (TestDb db = TestDb.h2();
                MailRig rig = new MailRig(db.database(), Map.of());
                SmtpClient c = new SmtpClient("127.0.0.1", rig.port())) {
            SmtpClient.Reply ehlo = c.ehlo();
            assertTrue(ehlo.text().contains("SIZE " + rig.settings.maxBytes()), ehlo.toString());
            assertEquals(
                    552, c.command("MAIL FROM:<big@docomo.ne.jp> SIZE=20971520").code());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aFailedSpoolWriteAnswers451AndTheRetryArrives(TestDb db) {
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            byte[] mail = MailRig.fixture("au-jis-emoji.eml");
            sql(db.database(), "alter table mail_spool rename to mail_spool_away");
            SmtpClient.Reply failed = rig.send("ogawa.taro@ezweb.ne.jp", POST, mail);
            sql(db.database(), "alter table mail_spool_away rename to mail_spool");
            assertEquals(451, failed.code(), failed.toString());
            assertTrue(failed.text().startsWith("4.3.0"), failed.toString());
            assertEquals(0, rig.rows().size());
            // the sending MTA retries later
            SmtpClient.Reply retried = rig.send("ogawa.taro@ezweb.ne.jp", POST, mail);
            assertEquals(250, retried.code(), retried.toString());
            rig.work();
            assertEquals(1, rig.rows().size());
            assertEquals(SpoolMessage.DONE, rig.rows().get(0).getState());
            assertEquals(1, rig.handled.size());
        }
    }

    /** PostgreSQL itself goes away (connections refused and cut) while a mail is being sent. */
    @Test
    void postgresqlDownDuringASendAnswers451AndTheMailArrivesAfterTheRetry() throws Exception {
        assumeFalse(Boolean.getBoolean("it.skip.postgresql"));
        Path hikari = Files.createTempFile("hikari", ".properties");
        Files.writeString(hikari, "connectionTimeout=1500\nvalidationTimeout=1000\n");
        TestDb db;
        System.setProperty("hikaricp.configurationFile", hikari.toString());
        try {
            db = TestDb.postgresql(); // its pool now gives up on a dead server after 1.5 s instead of 30
        } finally {
            System.clearProperty("hikaricp.configurationFile");
            Files.delete(hikari);
        }
        try (db;
                MailRig rig = new MailRig(db.database(), Map.of())) {
            String name = db.database().jdbc(c -> {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("select current_database()")) {
                    r.next();
                    return r.getString(1);
                }
            });
            byte[] mail = MailRig.fixture("softbank-utf8-emoji.eml");
            SmtpClient.Reply failed;
            admin("alter database " + name + " allow_connections false");
            try {
                admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
                failed = rig.send("ogawa.jpmobile@softbank.ne.jp", POST, mail);
            } finally {
                admin("alter database " + name + " allow_connections true");
            }
            assertEquals(451, failed.code(), failed.toString());
            // as an MTA does: try again until accepted (the pool needs a moment to replace its dead connections)
            SmtpClient.Reply retried = failed;
            for (int attempt = 0; attempt < 30 && retried.code() != 250; attempt++) {
                Thread.sleep(500);
                retried = rig.send("ogawa.jpmobile@softbank.ne.jp", POST, mail);
                assertTrue(retried.code() == 250 || retried.code() == 451, retried.toString());
            }
            assertEquals(250, retried.code(), retried.toString());
            rig.work();
            assertEquals(1, rig.rows().size());
            assertEquals(1, rig.count(SpoolMessage.DONE));
        }
    }

    private static void admin(String sql) throws SQLException {
        String url = System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection c = DriverManager.getConnection(url, System.getProperty("it.pg.user", "postgres"), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void sql(Database database, String sql) {
        database.jdbc(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    /** A 20 MB mail as a phone would send a long video: headers, then base64 lines. */
    private static InputStream twentyMegabytes() {
        byte[] head = ("From: big@docomo.ne.jp\r\nTo: " + POST
                        + "\r\nSubject: big\r\nMessage-ID: <big@docomo.ne.jp>\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: video/3gpp\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(21 * 1024 * 1024);
        out.writeBytes(head);
        while (out.size() < 20 * 1024 * 1024) {
            out.writeBytes(line);
        }
        return new java.io.ByteArrayInputStream(out.toByteArray()) {
            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}

package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: memory at the SMTP listener is bounded by settings. Attacks are run against the real listener (not timed):
 * many large DATAs at once, and many idle connections from one address; afterwards a normal mail is still accepted.
 */
class SmtpMemoryTest {

    private static final String POST = "d.k3j5m2p8q9r4t6v7@" + MailRig.DOMAIN;

    @Test
    void whenTheDataBudgetIsTakenAnotherLargeMailIsAnswered452AndTheFirstStillArrives() throws Exception {
        // a 1 MB limit and a 3 MB budget: one mail of 1 MB in flight holds 2 MB of it
        try (TestDb db = TestDb.h2();
                MailRig rig = new MailRig(
                        db.database(), Map.of("sns.mail.max-bytes", "1100000", "sns.smtp.data-budget-mb", "3"));
                Raw first = new Raw("127.0.0.1", rig.port())) {
            long total = rig.listener.budgetFree();
            assertEquals(3L << 20, total);
            byte[] wire = SmtpClient.wire(mail(1_000_000));
            first.begin(POST);
            first.out.write(wire); // the whole message, but not the end mark: the session holds it
            first.out.flush();
            while (rig.listener.budgetFree() > total - 2L * 900_000) {
                Thread.sleep(20); // until the listener has read most of it
            }
            SmtpClient.Reply second = rig.send("b@docomo.ne.jp", POST, mail(1_000_000));
            assertEquals(452, second.code(), second.toString());
            assertTrue(second.text().startsWith("4.3.1"), second.toString());
            assertEquals(250, first.end().code(), "the mail that holds the budget is spooled");
            assertEquals(total, rig.listener.budgetFree(), "every share given back");
            assertEquals(250, rig.send("b@docomo.ne.jp", POST, mail(1_000_000)).code(), "and taken again");
            assertEquals(
                    250,
                    rig.send("c@docomo.ne.jp", POST, MailRig.fixture("docomo-sjis-emoji.eml"))
                            .code());
            assertEquals(3, rig.rows().size());
        }
    }

    @Test
    void thirtyTwoSessionsSendingTenMegabytesAtOnceAreAnswered250Or452AndTheListenerStillTakesMail() throws Exception {
        // all from this host: the per-client limit raised so that the data budget alone is tried
        try (TestDb db = TestDb.h2();
                MailRig rig = new MailRig(db.database(), Map.of("sns.smtp.max-connections-per-client", "33"))) {
            long total = rig.listener.budgetFree();
            byte[] wire = SmtpClient.wire(mail(10 * 1024 * 1024 - 64 * 1024));
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<Integer>> replies = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    replies.add(pool.submit(() -> {
                        try (Raw c = new Raw("127.0.0.1", rig.port())) {
                            c.begin(POST);
                            c.out.write(wire);
                            return c.end().code();
                        }
                    }));
                }
                int accepted = 0;
                for (Future<Integer> f : replies) {
                    int code = f.get();
                    assertTrue(code == 250 || code == 452, "250 or 452, not " + code);
                    accepted += code == 250 ? 1 : 0;
                }
                assertEquals(accepted, rig.rows().size(), "what was answered 250 is spooled");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(total, rig.listener.budgetFree(), "every share given back");
            SmtpClient.Reply normal = rig.send("hanako-7@docomo.ne.jp", POST, MailRig.fixture("docomo-sjis-emoji.eml"));
            assertEquals(250, normal.code(), normal.toString());
            rig.work();
            assertTrue(rig.count(SpoolMessage.DONE) >= 1);
        }
    }

    @Test
    void fortyIdleConnectionsFromOneAddressDoNotShutIntakeForOthers() throws Exception {
        try (TestDb db = TestDb.h2();
                MailRig rig = new MailRig(db.database(), Map.of())) {
            // another loopback address as the attacker (all of 127/8 is this host on Linux)
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            List<Socket> idle = new ArrayList<>();
            int greeted = 0;
            int refused = 0;
            try {
                for (int i = 0; i < 40; i++) {
                    Socket s = new Socket();
                    idle.add(s);
                    s.bind(new InetSocketAddress(attacker, 0));
                    s.connect(new InetSocketAddress("127.0.0.1", rig.port()), 10_000);
                    s.setSoTimeout(30_000);
                    String greeting = new BufferedReader(
                                    new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))
                            .readLine();
                    if (greeting.startsWith("220")) {
                        greeted++;
                    } else {
                        assertTrue(greeting.startsWith("421"), greeting);
                        refused++;
                    }
                }
                assertEquals(rig.settings.maxConnectionsPerClient(), greeted, "sns.smtp.max-connections-per-client");
                assertEquals(40 - greeted, refused);
                // everyone else still gets in while the attacker's connections stay open
                SmtpClient.Reply normal =
                        rig.send("hanako-7@docomo.ne.jp", POST, MailRig.fixture("docomo-sjis-emoji.eml"));
                assertEquals(250, normal.code(), normal.toString());
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            assertEquals(1, rig.rows().size());
        }
    }

    @Test
    void aWorkerClaimsAtMostSixteenMegabytesOfMailAtOnce() {
        // a worker loads its whole claim: fifty 10 MB mails would be 500 MB
        try (TestDb db = TestDb.h2();
                MailRig rig = new MailRig(db.database(), Map.of())) {
            for (int i = 0; i < 3; i++) {
                SmtpClient.Reply r = rig.send("big" + i + "@docomo.ne.jp", POST, mail(6 * 1024 * 1024));
                assertEquals(250, r.code(), r.toString());
            }
            java.time.Instant now = jp.keitai.sns.system.Clock.now();
            assertEquals(2, rig.worker.claim(now, 50).size(), "6 + 6 MB; a third would pass 16 MB");
            assertEquals(1, rig.worker.claim(now, 50).size(), "the rest in the next claim");
            SmtpClient.Reply small = rig.send("c@docomo.ne.jp", POST, MailRig.fixture("docomo-sjis-emoji.eml"));
            assertEquals(250, small.code());
            assertEquals(1, rig.worker.claim(now, 50).size(), "then the small one");
        }
    }

    /** A plain mail of about {@code size} bytes: headers, then base64-looking lines. */
    static byte[] mail(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        out.writeBytes(("From: big@docomo.ne.jp\r\nTo: " + POST + "\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: video/3gpp\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        while (out.size() + line.length <= size) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    /** An SMTP session whose DATA the test writes itself, to hold it open mid-message. */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Raw(String host, int port) throws IOException {
            this(null, host, port);
        }

        /** @param local the client address to connect from (another loopback address: another client) */
        Raw(InetAddress local, String host, int port) throws IOException {
            socket = new Socket();
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(120_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            expect(220, reply());
        }

        /** EHLO, MAIL, RCPT, DATA: ready for the message. */
        void begin(String to) throws IOException {
            expect(250, command("EHLO test.example"));
            expect(250, command("MAIL FROM:<big@docomo.ne.jp>"));
            expect(250, command("RCPT TO:<" + to + ">"));
            expect(354, command("DATA"));
        }

        /** The end mark, and the reply to the message. */
        SmtpClient.Reply end() throws IOException {
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        }

        SmtpClient.Reply command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return reply();
        }

        SmtpClient.Reply reply() throws IOException {
            StringBuilder text = new StringBuilder();
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    throw new IOException("connection closed");
                }
                text.append(line.length() > 4 ? line.substring(4) : "");
                if (line.length() < 4 || line.charAt(3) != '-') {
                    return new SmtpClient.Reply(Integer.parseInt(line.substring(0, 3)), text.toString());
                }
                text.append('\n');
            }
        }

        private static void expect(int code, SmtpClient.Reply reply) {
            if (reply.code() != code) {
                throw new IllegalStateException("expected " + code + ": " + reply);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                command("QUIT");
            } catch (IOException e) {
                // closed by the server
            }
            socket.close();
        }
    }
}

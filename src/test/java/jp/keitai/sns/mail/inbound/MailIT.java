package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mail channel inside the running Payara Micro: its listener on {@code it.smtp.port} refuses what it must, spools
 * and handles handset mail, and the diagnostic {@code echo@} route's reply lands in {@code <data>/outbox/} in the
 * sender's carrier charset.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIT {

    private static final Charset SJIS = Charset.forName("Windows-31J");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    private static int port() {
        return Integer.getInteger("it.smtp.port");
    }

    private static Path outbox() {
        return Path.of(System.getProperty("it.data.dir"), "outbox");
    }

    @Test
    void unknownRecipientsAndOtherDomainsAreRefusedAtRcpt() {
        try (SmtpClient c = new SmtpClient("127.0.0.1", port())) {
            assertEquals(250, c.ehlo().code());
            assertEquals(250, c.mail("a..b.@docomo.ne.jp").code());
            assertEquals(550, c.rcpt("nobody@sns.example.jp").code());
            assertEquals(550, c.rcpt("echo@elsewhere.example").code());
            assertEquals(250, c.rcpt("echo@sns.example.jp").code());
        }
    }

    @Test
    void aDocomoMailIsSpooledHandledAndAnsweredInShiftJis() {
        String member = "it." + UUID.randomUUID().toString().substring(0, 8) + ".@docomo.ne.jp";
        byte[] mail = personalise("docomo-sjis-emoji.eml", member);
        SmtpClient.Reply reply = SmtpClient.send(port(), member, "echo@sns.example.jp", mail);
        assertEquals(250, reply.code(), reply.toString());

        byte[] answer = awaitReplyTo(member, 1).get(0);
        String raw = new String(answer, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("Content-Type: text/plain; charset=Shift_JIS\r\n"), raw);
        String body = new String(answer, SJIS);
        assertTrue(body.contains("晴れました\uE63E"), "docomo's own sun, F89F: " + body);
        assertTrue(body.contains("キャリア: docomo"), body);
    }

    @Test
    void theSameMailTwiceIsAnsweredOnce() {
        String member = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@ezweb.ne.jp";
        byte[] mail = personalise("au-jis-emoji.eml", member);
        assertEquals(
                250,
                SmtpClient.send(port(), member, "echo@sns.example.jp", mail).code());
        assertEquals(
                250,
                SmtpClient.send(port(), member, "echo@sns.example.jp", mail).code());
        // a later, different mail: once it is answered, the spool (handled in order) is past both copies
        byte[] later = personalise("pc-base64-jis.eml", member);
        assertEquals(
                250,
                SmtpClient.send(port(), member, "echo@sns.example.jp", later).code());
        List<byte[]> answers = awaitReplyTo(member, 2);
        assertEquals(2, answers.size(), "one answer for the doubled mail, one for the later one");
        String au = new String(answers.get(0), Charset.forName("x-windows-50220"));
        assertTrue(au.contains("charset=ISO-2022-JP"), au);
    }

    @Test
    void anOversizedMailIsRefusedAtDataAndTheListenerKeepsServing() {
        StringBuilder big = new StringBuilder("Subject: big\nMessage-ID: <big-it@example.com>\n\n");
        String line = "A".repeat(76) + "\n";
        while (big.length() < 11 * 1024 * 1024) {
            big.append(line);
        }
        SmtpClient.Reply refused = SmtpClient.send(
                port(),
                "big@docomo.ne.jp",
                "echo@sns.example.jp",
                big.toString().getBytes(StandardCharsets.US_ASCII));
        assertEquals(552, refused.code(), refused.toString());
        try (SmtpClient c = new SmtpClient("127.0.0.1", port())) {
            assertEquals(250, c.ehlo().code());
        }
    }

    /**
     * Issue 21, the attacks of a benchmark run against the running server (nothing timed): 40 idle connections from one
     * address, and 32 sessions sending 10 MB at once. Each is answered within the limits (421, 452) and afterwards the
     * server answers {@code /health} and handles a normal mail.
     */
    @Test
    void theServerSurvivesIdleConnectionsAndLargeDataFromManySessions() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            int refused = 0;
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket();
                idle.add(s);
                s.bind(new InetSocketAddress(attacker, 0));
                s.connect(new InetSocketAddress("127.0.0.1", port()), 10_000);
                s.setSoTimeout(30_000);
                String greeting = new BufferedReader(
                                new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))
                        .readLine();
                assertTrue(greeting.startsWith("220") || greeting.startsWith("421"), greeting);
                refused += greeting.startsWith("421") ? 1 : 0;
            }
            assertTrue(refused > 0, "one address may not hold 40 sessions");

            // 32 senders of 10 MB at once, from four other addresses (each under the per-client limit)
            byte[] wire = SmtpClient.wire(SmtpMemoryTest.mail(10 * 1024 * 1024 - 64 * 1024));
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<Integer>> codes = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    InetAddress from = InetAddress.getByName("127.0.0." + (10 + i % 4));
                    codes.add(pool.submit(() -> {
                        try (SmtpMemoryTest.Raw c = new SmtpMemoryTest.Raw(from, "127.0.0.1", port())) {
                            c.begin("echo@sns.example.jp");
                            c.out.write(wire);
                            return c.end().code();
                        }
                    }));
                }
                for (Future<Integer> f : codes) {
                    int code = f.get();
                    assertTrue(code == 250 || code == 452, "250 or 452, not " + code);
                }
            } finally {
                pool.shutdownNow();
            }

            // with the idle connections still open: the service answers and takes a normal mail
            assertEquals(200, new Http(base).get("/health").statusCode());
            String member = "it." + UUID.randomUUID().toString().substring(0, 8) + ".@docomo.ne.jp";
            SmtpClient.Reply normal = SmtpClient.send(
                    port(), member, "echo@sns.example.jp", personalise("docomo-sjis-emoji.eml", member));
            assertEquals(250, normal.code(), normal.toString());
            assertEquals(1, awaitReplyTo(member, 1).size());
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    /** The fixture as this member's mail, with a Message-ID of its own. */
    private static byte[] personalise(String fixture, String member) {
        String raw = new String(MailRig.fixture(fixture), StandardCharsets.ISO_8859_1)
                .replaceFirst("(?m)^From: .*$", "From: " + member)
                .replaceFirst("(?mi)^Message-Id: <", "Message-ID: <" + member.hashCode() + ".");
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Waits (up to a minute) until {@code count} mails to {@code member} are in the outbox; oldest first. */
    static List<byte[]> awaitReplyTo(String member, int count) {
        String to = "\r\nTo: " + member + "\r\n";
        for (int i = 0; i < 600; i++) {
            List<byte[]> found = mailsTo(to);
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no reply to " + member + " in " + outbox());
    }

    private static List<byte[]> mailsTo(String to) {
        if (!Files.isDirectory(outbox())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox())) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted()
                    .map(MailIT::read)
                    .filter(b -> new String(b, StandardCharsets.ISO_8859_1).contains(to))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

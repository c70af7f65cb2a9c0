package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the mail parser and the channel (issue 21): the real fixtures, mutated with a fixed seed (truncated,
 * bytes flipped, charsets lied about, base64 cut short, multiparts nested deep, headers huge, encoded words broken).
 * The parser never lets anything but {@link UnreadableMail} escape; through the listener and a worker, every mail the
 * listener accepts ends posted, refused with an answer, or quarantined with an answer, in one attempt.
 */
class MailFuzzTest {

    private static final long SEED = 20_261_206L;
    private static final Set<String> ENDS = Set.of(SpoolMessage.DONE, SpoolMessage.REFUSED, SpoolMessage.QUARANTINED);

    @Test
    void theParserThrowsNothingButUnreadableMail() throws Exception {
        MailParser parser = new MailParser(
                InboundSettings.from(TestDb.settings(Map.of())), CarrierRegistry.load(java.util.Optional.empty()));
        List<byte[]> seeds = fixtures();
        Random random = new Random(SEED);
        int read = 0;
        int unreadable = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] raw = mutate(seeds.get(random.nextInt(seeds.size())), random);
            SpoolMessage row = new SpoolMessage(
                    Instant.now(),
                    "127.0.0.1",
                    "fuzz",
                    "taro@docomo.ne.jp",
                    "d.x@sns.example.jp",
                    "d.x",
                    null,
                    "k" + i,
                    raw);
            try {
                parser.parse(row);
                read++;
            } catch (UnreadableMail e) {
                assertTrue(!e.reason().isBlank(), "a quarantine names its reason");
                unreadable++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " (seed " + SEED + "): " + e + "\n" + preview(raw), e);
            }
        }
        System.out.printf(
                "MailFuzzTest parser: 3000 mutated mails, %d read, %d unreadable, nothing else%n", read, unreadable);
        // the mutations reach both outcomes, or the test is not testing much
        assertTrue(read > 300 && unreadable > 100, "read " + read + ", unreadable " + unreadable);
    }

    @Test
    void everyAcceptedMailEndsPostedRefusedOrQuarantinedWithAnAnswer() throws Exception {
        List<byte[]> seeds = fixtures();
        Random random = new Random(SEED + 1);
        try (TestDb db = TestDb.h2();
                MailRig rig = new MailRig(db.database(), Map.of())) {
            List<Long> ids = new ArrayList<>();
            int refusedAtSmtp = 0;
            for (int i = 0; i < 200; i++) {
                // a Message-ID of its own, or the spool takes a mutation of a fixture for a copy of the last one
                byte[] raw = withMessageId(mutate(seeds.get(random.nextInt(seeds.size())), random), i);
                SmtpClient.Reply reply = rig.send("taro@docomo.ne.jp", "d.k3j5m2p8q9r4t6v7@" + MailRig.DOMAIN, raw);
                if (reply.code() == 250) {
                    ids.add(MailRig.queuedId(reply));
                } else {
                    assertTrue(reply.code() >= 500 && reply.code() < 600, "case " + i + ": " + reply);
                    refusedAtSmtp++;
                }
            }
            while (rig.work() > 0) {
                // until the spool is empty
            }
            int done = 0;
            for (long id : ids) {
                SpoolMessage row = rig.row(id);
                assertTrue(ENDS.contains(row.getState()), id + " ended " + row.getState() + ": " + row.getReason());
                assertEquals(1, row.getAttempts(), id + ": no exception made the worker try again");
                if (row.getState().equals(SpoolMessage.DONE)) {
                    assertTrue(rig.handled.containsKey(id), id + " done without its handler");
                    done++;
                } else {
                    assertTrue(rig.refusedByChannel.containsKey(id), id + " " + row.getState() + " without an answer");
                    assertEquals(0, rig.posts(id), "nothing half-written");
                }
            }
            System.out.printf(
                    "MailFuzzTest channel: 200 mutated mails, %d refused at SMTP, %d spooled: %d posted, %d refused or"
                            + " quarantined with an answer, all in one attempt%n",
                    refusedAtSmtp, ids.size(), done, ids.size() - done);
            assertTrue(done > 20 && ids.size() - done > 20, "done " + done + " of " + ids.size());
            assertTrue(refusedAtSmtp < 200);
        }
    }

    private static List<byte[]> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(MailFuzzTest.class.getResource("/mail/").toURI());
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                all.add(Files.readAllBytes(p));
            }
        }
        return all;
    }

    /** One to three mutations of one kind or another. */
    static byte[] mutate(byte[] mail, Random random) {
        byte[] out = mail;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            out = switch (random.nextInt(8)) {
                case 0 -> java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
                case 1 -> flip(out, random);
                case 2 -> lie(out, random);
                case 3 -> cutBase64(out, random);
                case 4 -> nest(out, 1 + random.nextInt(14));
                case 5 -> hugeHeader(out, random);
                case 6 -> brokenWord(out, random);
                default -> dropBoundaryLines(out, random);
            };
        }
        return out;
    }

    private static byte[] flip(byte[] b, Random random) {
        byte[] out = b.clone();
        for (int k = 1 + random.nextInt(20); k > 0 && out.length > 0; k--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static final String[] CHARSETS = {
        "ISO-2022-JP", "Shift_JIS", "UTF-8", "EUC-JP", "x-unknown-charset", "", "utf-7", "\"", "ISO-8859-1"
    };

    private static byte[] lie(byte[] b, Random random) {
        String s = latin1(b);
        String to = CHARSETS[random.nextInt(CHARSETS.length)];
        return bytes(s.replaceAll("(?i)charset=\"?[A-Za-z0-9_\\-]+\"?", "charset=" + to));
    }

    private static byte[] cutBase64(byte[] b, Random random) {
        String s = latin1(b);
        int at = s.toLowerCase().indexOf("content-transfer-encoding: base64");
        if (at < 0) {
            return flip(b, random);
        }
        int body = s.indexOf("\r\n\r\n", at);
        if (body < 0) {
            return b;
        }
        int cut = Math.min(s.length(), body + 4 + random.nextInt(200));
        String rest = s.substring(cut);
        int next = rest.indexOf("\r\n--");
        // a line cut in the middle, and the rest of the part gone (the next boundary kept when there is one)
        return bytes(s.substring(0, cut) + (next < 0 ? "" : rest.substring(next)));
    }

    private static byte[] nest(byte[] b, int depth) {
        String s = latin1(b);
        int split = s.indexOf("\r\n\r\n");
        String head = split < 0 ? s : s.substring(0, split);
        String body = split < 0 ? "" : s.substring(split + 4);
        StringBuilder inner = new StringBuilder("Content-Type: text/plain; charset=Shift_JIS\r\n\r\n" + body);
        for (int d = 0; d < depth; d++) {
            String boundary = "fz" + d;
            inner = new StringBuilder("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--"
                    + boundary + "\r\n" + inner + "\r\n--" + boundary + "--\r\n");
        }
        String headers = head.replaceAll("(?im)^content-type:.*(\\r\\n[ \\t].*)*\\r?\\n?", "");
        return bytes(headers + "\r\nMIME-Version: 1.0\r\n" + inner);
    }

    private static byte[] hugeHeader(byte[] b, Random random) {
        StringBuilder extra = new StringBuilder();
        if (random.nextBoolean()) {
            extra.append("X-Long: ")
                    .append("あ".repeat(20_000 + random.nextInt(40_000)))
                    .append("\r\n");
        } else {
            for (int i = 0; i < 2000 + random.nextInt(3000); i++) {
                extra.append("X-Many-").append(i).append(": v\r\n");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(extra.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static final String[] WORDS = {
        "=?UTF-8?B?!!!?=", "=?ISO-2022-JP?B?GyRC?=", "=?Shift_JIS?Q?=8=?=", "=?x-bogus?B?5pel?=", "=?UTF-8?B?", "=??="
    };

    private static byte[] brokenWord(byte[] b, Random random) {
        String s = latin1(b);
        String word = WORDS[random.nextInt(WORDS.length)];
        if (s.matches("(?is).*^subject:.*")) {
            return bytes(s.replaceFirst("(?im)^subject:.*$", "Subject: " + word + " " + word));
        }
        return bytes("Subject: " + word + "\r\n" + s);
    }

    private static byte[] dropBoundaryLines(byte[] b, Random random) {
        String[] lines = latin1(b).split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("--") && random.nextInt(3) == 0) {
                continue;
            }
            out.append(line).append("\r\n");
        }
        return bytes(out.toString());
    }

    private static byte[] withMessageId(byte[] b, int i) {
        String s = latin1(b).replaceAll("(?im)^message-id:.*\\r?\\n", "");
        return bytes("Message-ID: <fuzz." + SEED + "." + i + "@sns.example.jp>\r\n" + s);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String preview(byte[] raw) {
        String s = latin1(raw);
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}

package jp.keitai.sns.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.mail.inbound.InboundSettings;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.mail.inbound.SmtpListener;
import jp.keitai.sns.mail.inbound.Spool;
import jp.keitai.sns.mail.inbound.SpoolWorker;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 安否確認 over a real database (H2 and PostgreSQL) and the real mail channel: an answer is one insert and idempotent
 * per member and check; the friends' list is one statement for 60 friends as for 3; the home page's button reads
 * nothing once warm; answers by empty mail to {@code safe@} from the verified carrier address only; nothing is
 * answered while no check is open.
 */
class SafetyServiceTest {

    record Counted(TestDb db, StatementCounter counter) {}

    static Stream<Named<Counted>> databases() {
        StatementCounter h2 = new StatementCounter();
        Stream<Named<Counted>> out = Stream.of(Named.of("H2", new Counted(TestDb.h2(h2.wrap()), h2)));
        if (Boolean.getBoolean("it.skip.postgresql")) {
            return out;
        }
        StatementCounter pg = new StatementCounter();
        return Stream.concat(out, Stream.of(Named.of("PostgreSQL", new Counted(TestDb.postgresql(pg.wrap()), pg))));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void answersAreOneInsertAndTheListIsOneQuery(Counted c) {
        try (TestDb db = c.db()) {
            Database d = db.database();
            MemberService members = new MemberService(d);
            AccessPolicy policy = new AccessPolicy(new FriendGraph(d), members);
            SafetyService safety = new SafetyService(d, policy, members);
            long me = TestMembers.create(d, "わたし");
            long[] friends = new long[60];
            for (int i = 0; i < friends.length; i++) {
                friends[i] = TestMembers.create(d, "友" + i);
                TestMembers.befriend(d, me, friends[i]);
            }
            assertThrows(Refused.class, () -> safety.answer(friends[0], null, "web"), "no check open");
            assertTrue(safety.home(me).isEmpty());

            long check = safety.open(null, "テスト地震", "東北・関東", "", null, Duration.ofHours(72));
            assertTrue(safety.home(me).isPresent());
            assertFalse(safety.home(me).get().answered());

            // one insert per answer; a second answer changes the message, not the number of rows
            members.isActive(friends[3]); // the member directory is warm on a running node
            c.counter().reset();
            assertTrue(safety.answer(friends[3], null, "web"));
            // one insert; on PostgreSQL also the NOTIFY that tells other nodes' home caches (no statement on H2)
            List<String> sent = c.counter().statements();
            assertEquals(
                    1, sent.stream().filter(q -> q.contains("safety_answer")).count(), sent.toString());
            assertEquals(d.isPostgresql() ? 2 : 1, sent.size(), "nothing else: " + sent);
            assertFalse(safety.answer(friends[3], "家族も無事です", "web"));
            safety.answer(friends[7], "停電中", "mail");
            assertEquals(2, rows(d, "select count(*) from safety_answer where check_id = " + check));

            // the list: newest first, who has not answered too; one statement whatever the number of friends
            safety.board(me); // warm the friends and names
            c.counter().reset();
            SafetyService.Board board = safety.board(me).orElseThrow();
            assertEquals(1, c.counter().count(), c.counter().statements().toString());
            assertEquals(
                    List.of(friends[7], friends[3]),
                    board.answered().stream().map(SafetyService.Friend::id).toList());
            assertEquals("家族も無事です", board.answered().get(1).message());
            assertTrue(board.answered().get(0).byMail());
            assertEquals(58, board.notYet().size());
            assertFalse(board.iAnswered());

            // the home page's button from memory once warm, and it knows the answer at once
            safety.home(friends[3]);
            c.counter().reset();
            SafetyService.Home home = safety.home(friends[3]).orElseThrow();
            assertEquals(0, c.counter().count(), c.counter().statements().toString());
            assertTrue(home.answered());
            assertEquals("家族も無事です", home.message());

            // closed: no button, no answers
            assertTrue(safety.close(check));
            assertTrue(safety.home(me).isEmpty());
            assertThrows(Refused.class, () -> safety.answer(me, null, "web"));
            assertEquals(2, safety.latest(10).get(0).answerCount());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aRegionalCheckAsksItsPrefecturesAndShowsEveryoneTheirFriendsThere(TestDb db) {
        try (db) {
            Database d = db.database();
            MemberService members = new MemberService(d);
            SafetyService safety = new SafetyService(d, new AccessPolicy(new FriendGraph(d), members), members);
            long tokyo = TestMembers.create(d, "東京の人");
            long miyagi = TestMembers.create(d, "宮城の人");
            long osaka = TestMembers.create(d, "大阪の人");
            long unknown = TestMembers.create(d, "どこかの人");
            livesIn(d, tokyo, 13);
            livesIn(d, miyagi, 4);
            livesIn(d, osaka, 27);
            for (long f : new long[] {miyagi, osaka, unknown}) {
                TestMembers.befriend(d, tokyo, f);
            }
            assertEquals(
                    "「ムー大陸」は都道府県の名前ではありません（例: 宮城県・福島県）。空なら全国です。",
                    assertThrows(Refused.class, () -> safety.open(null, "地震", "", "宮城・ムー大陸", null, Duration.ofHours(1)))
                            .getMessage());

            long check = safety.open(null, "宮城県沖地震", "", "宮城, 7", null, Duration.ofHours(72));
            assertEquals("宮城県・福島県", safety.latest(1).get(0).region(), "the label defaults to the names");
            assertTrue(safety.home(miyagi).orElseThrow().asked());
            assertTrue(safety.home(unknown).orElseThrow().asked(), "no 現住所 given: asked by every check");
            SafetyService.Home far = safety.home(osaka).orElseThrow();
            assertFalse(far.asked(), "Osaka is not asked, but sees the link to friends there");
            assertEquals(check, far.checkId());
            assertThrows(Refused.class, () -> safety.answer(osaka, null, "web"));
            assertTrue(safety.answer(miyagi, "無事です", "web"));

            // Tokyo is not asked, and sees its friends the check asks: Miyagi answered, the unknown one not yet
            SafetyService.Board board = safety.board(tokyo).orElseThrow();
            assertFalse(board.asked());
            assertEquals(
                    List.of(miyagi),
                    board.answered().stream().map(SafetyService.Friend::id).toList());
            assertEquals(
                    List.of(unknown),
                    board.notYet().stream().map(SafetyService.Friend::id).toList());

            // a check for the whole country asks everyone, and is the one Osaka answers
            safety.open(null, "訓練", "", "", null, Duration.ofHours(1));
            assertTrue(safety.home(osaka).orElseThrow().asked());
            assertTrue(safety.answer(osaka, null, "web"));
            assertEquals(
                    0,
                    rows(
                            d,
                            "select count(*) from safety_answer where member_id = " + osaka + " and check_id = "
                                    + check));
        }
    }

    private static void livesIn(Database d, long member, int prefecture) {
        d.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member set prefecture = ? where id = ?")) {
                ps.setInt(1, prefecture);
                ps.setLong(2, member);
                return ps.executeUpdate();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void anEmptyMailToSafeFromTheCarrierAddressAnswers(TestDb db) throws IOException {
        try (db) {
            Database d = db.database();
            Settings settings = TestDb.settings(Map.of(
                    "sns.mail.domain",
                    "sns.example.jp",
                    "sns.data.dir",
                    Files.createTempDirectory("sns-safety-").toString()));
            MemberService members = new MemberService(d);
            SafetyService safety = new SafetyService(d, new AccessPolicy(new FriendGraph(d), members), members);
            Mailer mailer = new Mailer(d, OutboundSettings.from(settings), new MailTemplates());
            InboundSettings inbound = InboundSettings.from(settings);
            MailRoutes routes = new MailRoutes();
            routes.register(
                    SafetyMailRoute.NAME, MailRoutes.exactly("safe"), new SafetyMailRoute(safety, members, mailer));
            Spool spool = new Spool(d, inbound.spoolBatch());
            SmtpListener listener = new SmtpListener(inbound, 0, routes, spool, () -> {});
            listener.start();
            SpoolWorker worker = new SpoolWorker(d, routes, inbound, "safety-test");
            try {
                long member = TestMembers.create(d, "ドコモ");
                String address = members.find(member).orElseThrow().mobileEmail();
                byte[] empty = ("From: " + address + "\nTo: safe@sns.example.jp\nSubject: \nMessage-ID: <s1."
                                + System.nanoTime() + "@docomo.ne.jp>\nMIME-Version: 1.0\n"
                                + "Content-Type: text/plain; charset=Shift_JIS\n\n\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                // no check open: the member is told, nothing stored
                assertEquals(250, smtp(listener.port(), address, "safe@sns.example.jp", empty));
                drain(worker);
                assertEquals(0, rows(d, "select count(*) from safety_answer"));
                assertEquals(1, rows(d, "select count(*) from mail_outbox where template = 'safety/refused'"));

                long check = safety.open(null, "訓練", "全国", "", Clock.now(), Duration.ofHours(1));
                byte[] again = new String(empty, StandardCharsets.ISO_8859_1)
                        .replace("<s1.", "<s2.")
                        .getBytes(StandardCharsets.ISO_8859_1);
                assertEquals(250, smtp(listener.port(), address, "safe@sns.example.jp", again));
                assertEquals(250, smtp(listener.port(), address, "safe@sns.example.jp", again)); // retried: once
                drain(worker);
                assertEquals(1, rows(d, "select count(*) from safety_answer where check_id = " + check));
                assertEquals(1, rows(d, "select count(*) from mail_outbox where template = 'safety/answered'"));
                // the same member's mail again (another Message-ID): still one answer, no second confirmation
                byte[] third = new String(empty, StandardCharsets.ISO_8859_1)
                        .replace("<s1.", "<s3.")
                        .getBytes(StandardCharsets.ISO_8859_1);
                smtp(listener.port(), address, "safe@sns.example.jp", third);
                drain(worker);
                assertEquals(1, rows(d, "select count(*) from safety_answer where check_id = " + check));
                assertEquals(1, rows(d, "select count(*) from mail_outbox where template = 'safety/answered'"));

                // someone else's address: nothing, and nobody answered
                byte[] forged = new String(empty, StandardCharsets.ISO_8859_1)
                        .replace(address, "stranger@docomo.ne.jp")
                        .replace("<s1.", "<s4.")
                        .getBytes(StandardCharsets.ISO_8859_1);
                smtp(listener.port(), "stranger@docomo.ne.jp", "safe@sns.example.jp", forged);
                drain(worker);
                assertEquals(1, rows(d, "select count(*) from safety_answer"));
                assertEquals(0, rows(d, "select count(*) from mail_outbox where recipient = 'stranger@docomo.ne.jp'"));
            } finally {
                listener.close();
                spool.close();
            }
        }
    }

    static void drain(SpoolWorker worker) {
        while (worker.runOnce(Clock.now()) > 0) {
            // until the spool is empty
        }
    }

    static int rows(Database d, String sql) {
        return d.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    static int smtp(int port, String from, String to, byte[] message) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            reply(in);
            for (String line : List.of("EHLO test", "MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">", "DATA")) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int code = reply(in);
                if (code >= 400) {
                    return code;
                }
            }
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            StringBuilder data = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            data.append(".\r\n");
            out.write(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int code = reply(in);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line == null ? -1 : Integer.parseInt(line.substring(0, 3));
    }

    static Timestamp now() {
        return Timestamp.from(Clock.now());
    }
}

package jp.keitai.sns.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.diary.PhotoStore;
import jp.keitai.sns.diary.Photos;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.mail.inbound.InboundSettings;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.mail.inbound.SmtpListener;
import jp.keitai.sns.mail.inbound.Spool;
import jp.keitai.sns.mail.inbound.SpoolWorker;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.mail.outbound.OutboxMail;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.PostingSecretsRotated;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * メッセージ over a real database (H2 and PostgreSQL) and the real mail channel (SMTP listener, spool, worker, parser):
 * who may message whom, inbox and sent box, read/unread, replies with quoted text, each side deleting its own copy,
 * photos, paging, the notice mail in the carrier's charset with emoji (no body unless chosen, opt-out, Reply-To
 * {@code m.{secret}@}), and a reply by mail from au with emoji; wrong senders and rotated secrets refused.
 */
class MessageServiceTest {

    static final String DOMAIN = "sns.example.jp";
    static final String SUN = "\u2600\uFE0F";
    static final String CLOUD = "\u2601\uFE0F";

    static final class Rig implements AutoCloseable {
        final Database db;
        final Path dataDir;
        final Settings settings;
        final MemberService members;
        final FriendGraph graph;
        final AccessPolicy policy;
        final Mailer mailer;
        final MessageService messages;
        final MessageBoxService boxes;
        final ReplyAddresses replies;
        final MessageMailRoute route;
        final Spool spool;
        final SmtpListener listener;
        final SpoolWorker worker;

        Rig(Database db) throws IOException {
            this.db = db;
            this.dataDir = Files.createTempDirectory("sns-message-");
            this.settings = TestDb.settings(Map.of("sns.mail.domain", DOMAIN, "sns.data.dir", dataDir.toString()));
            this.members = new MemberService(db);
            this.graph = new FriendGraph(db);
            this.policy = new AccessPolicy(graph, members);
            this.mailer = new Mailer(db, OutboundSettings.from(settings), new MailTemplates());
            Photos photos = new Photos(new PhotoStore(dataDir, 3 * 1024 * 1024, 25_000_000));
            MessageStore store = new MessageStore(db);
            MessageFeed feed = new MessageFeed(db, store);
            this.replies = new ReplyAddresses(store, settings);
            this.messages = new MessageService(db, policy, members, photos, mailer, store, feed, replies);
            this.boxes = new MessageBoxService(db, members, photos, store, feed);
            this.route = new MessageMailRoute(messages, replies, members, mailer);
            InboundSettings inbound = InboundSettings.from(settings);
            MailRoutes routes = new MailRoutes();
            routes.register(MessageMailRoute.NAME, MailRoutes.prefix("m."), route);
            spool = new Spool(db, inbound.spoolBatch());
            listener = new SmtpListener(inbound, 0, routes, spool, () -> {});
            listener.start();
            worker = new SpoolWorker(db, routes, inbound, "message-test");
        }

        long member(String nickname, String mobile) {
            return db.tx(em -> {
                Member m = new Member(nickname, "-", Role.MEMBER, Clock.now());
                m.setMobileEmail(mobile);
                em.persist(m);
                em.flush();
                return m.getId();
            });
        }

        void friends(long a, long b) {
            sql("insert into friendship (member_id, friend_id, created_at) values (?, ?, ?)", a, b);
            sql("insert into friendship (member_id, friend_id, created_at) values (?, ?, ?)", b, a);
        }

        void block(long blocker, long blocked) {
            sql("insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)", blocker, blocked);
        }

        private void sql(String sql, long a, long b) {
            db.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, a);
                    ps.setLong(2, b);
                    ps.setTimestamp(3, Timestamp.from(Clock.now()));
                    return ps.executeUpdate();
                }
            });
            db.changes().resetAll();
        }

        List<OutboxMail> outboxTo(String address) {
            return db.read(em -> em.createQuery(
                            "select o from OutboxMail o where o.recipient = :r order by o.id", OutboxMail.class)
                    .setParameter("r", address)
                    .getResultList());
        }

        int rows(String sql) {
            return db.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }

        /** Sends raw mail over SMTP as {@code from} to {@code to}, then lets the worker empty the spool. */
        int mail(String from, String to, byte[] raw) {
            int code = smtp(listener.port(), from, to, raw);
            while (worker.runOnce(Clock.now()) > 0) {
                // until the spool is empty
            }
            return code;
        }

        String lastState() {
            return db.read(em -> (String)
                    em.createNativeQuery("select state from mail_spool order by id desc fetch first 1 rows only")
                            .getSingleResult());
        }

        @Override
        public void close() {
            listener.close();
            spool.close();
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void whoMayMessageWhom(TestDb db) throws Exception {
        try (db;
                Rig rig = new Rig(db.database())) {
            long a = rig.member("あい", "ai@docomo.ne.jp");
            long b = rig.member("びー", "bee@ezweb.ne.jp");
            long stranger = rig.member("知らない人", "st@softbank.ne.jp");
            rig.friends(a, b);
            MessageService m = rig.messages;
            MessageBoxService box = rig.boxes;

            // マイミクのみ (the default): a friend may, a stranger may not, nobody messages themselves
            m.send(a, b, "こんにちは", "元気？", List.of(), null, null);
            assertThrows(Refused.class, () -> m.send(stranger, b, "t", "x", List.of(), null, null));
            assertThrows(Refused.class, () -> m.send(a, a, "t", "x", List.of(), null, null));
            assertFalse(m.canSend(stranger, b));
            // 全員: the stranger may too
            m.saveSettings(b, "everyone", true, false);
            assertTrue(m.canSend(stranger, b));
            m.send(stranger, b, "はじめまして", "よろしく", List.of(), null, null);
            // 受け取らない: not even a friend
            m.saveSettings(b, "none", true, false);
            assertThrows(Refused.class, () -> m.send(a, b, "t", "x", List.of(), null, null));
            // a block either way, whatever the setting
            m.saveSettings(b, "everyone", true, false);
            rig.block(b, stranger);
            assertThrows(Refused.class, () -> m.send(stranger, b, "t", "x", List.of(), null, null));
            assertThrows(Refused.class, () -> m.send(b, stranger, "t", "x", List.of(), null, null));
            rig.block(a, b);
            assertThrows(Refused.class, () -> m.send(a, b, "t", "x", List.of(), null, null));
            assertThrows(Refused.class, () -> m.send(b, a, "t", "x", List.of(), null, null));
            // a suspended sender may not
            long c = rig.member("しー", "c@docomo.ne.jp");
            m.saveSettings(c, "everyone", true, false);
            rig.members.setStatus(stranger, MemberStatus.SUSPENDED);
            assertThrows(Refused.class, () -> m.send(stranger, c, "t", "x", List.of(), null, null));
            // blank body, too long a title
            assertThrows(Refused.class, () -> m.send(b, c, "t", "  ", List.of(), null, null));
            assertThrows(Refused.class, () -> m.send(b, c, "長".repeat(101), "x", List.of(), null, null));
            assertEquals(2, box.box(b, false, 1, 10).items().size(), "only what was allowed arrived");
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void inboxSentReadReplyDeleteAndPaging(TestDb db) throws Exception {
        try (db;
                Rig rig = new Rig(db.database())) {
            long a = rig.member("あい", "ai2@docomo.ne.jp");
            long b = rig.member("びー", "bee2@ezweb.ne.jp");
            rig.friends(a, b);
            MessageService m = rig.messages;
            MessageBoxService box = rig.boxes;
            long first = m.send(a, b, "週末", "花見に行こう\n土曜日はどう？", List.of(image()), null, "web:key-00000001");
            assertEquals(
                    first,
                    m.send(a, b, "週末", "花見に行こう\n土曜日はどう？", List.of(), null, "web:key-00000001"),
                    "the same form twice sends once");
            assertEquals(1, box.unreadCount(b));
            assertEquals(0, box.unreadCount(a));
            MessageBoxService.Item inInbox = box.box(b, false, 1, 10).items().get(0);
            assertTrue(inInbox.unread());
            assertEquals("あい", inInbox.otherName());
            assertTrue(box.box(a, true, 1, 10).items().get(0).sent());
            assertTrue(box.box(a, false, 1, 10).items().isEmpty());

            // opening marks it read; the photo is there for both sides, nobody else
            MessageBoxService.Item opened = box.open(b, first).orElseThrow();
            assertEquals(1, opened.photoCount());
            assertEquals(0, box.unreadCount(b));
            assertFalse(box.box(b, false, 1, 10).items().get(0).unread());
            long other = rig.member("他人", "o@docomo.ne.jp");
            assertTrue(box.open(other, first).isEmpty());
            assertTrue(box.photo(other, first, 1).isEmpty());
            assertTrue(box.photo(a, first, 1).isPresent());

            // the reply form quotes the text; the reply goes back to the sender in the same thread
            Map<String, String> draft = box.replyDraft(b, first).orElseThrow();
            assertEquals("Re: 週末", draft.get("title"));
            assertTrue(draft.get("body").contains("> 花見に行こう\n> 土曜日はどう？"), draft.get("body"));
            assertTrue(box.replyDraft(a, first).isEmpty(), "one replies to what one received");
            long reply = m.send(b, null, draft.get("title"), "いいね！" + draft.get("body"), List.of(), first, null);
            assertEquals(1, box.unreadCount(a));
            assertEquals("Re: 週末", box.open(a, reply).orElseThrow().title());

            // each side deletes its own copy
            assertTrue(box.delete(b, first));
            assertTrue(box.open(b, first).isEmpty());
            assertTrue(box.open(a, first).isPresent(), "the sender keeps theirs");
            assertFalse(box.delete(other, first));
            assertEquals(1, rig.rows("select count(*) from message_photo"));
            assertTrue(box.delete(a, first));
            assertEquals(0, rig.rows("select count(*) from message where id = " + first));
            assertEquals(0, rig.rows("select count(*) from message_photo"), "gone with the last copy");

            // paging: 10 a page, newest first
            for (int i = 1; i <= 12; i++) {
                m.send(a, b, "件名" + i, "本文" + i, List.of(), null, null);
            }
            MessageBoxService.Page p1 = box.box(b, false, 1, 10);
            assertEquals(10, p1.items().size());
            assertTrue(p1.hasNext());
            assertEquals("件名12", p1.items().get(0).title());
            MessageBoxService.Page p2 = box.box(b, false, 2, 10);
            assertEquals(2, p2.items().size());
            assertFalse(p2.hasNext());
            assertEquals(12, box.unreadCount(b));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void noticeInTheCarriersCharsetAndAReplyByMailFromAuWithEmoji(TestDb db) throws Exception {
        try (db;
                Rig rig = new Rig(db.database())) {
            long dc = rig.member("ドコモ花子", "hanako@docomo.ne.jp");
            long au = rig.member("小川太郎", "ogawa.taro@ezweb.ne.jp");
            rig.friends(dc, au);
            MessageService m = rig.messages;
            MessageBoxService box = rig.boxes;

            long sent = m.send(dc, au, "お天気" + SUN, "ひみつの本文です", List.of(), null, null);
            List<OutboxMail> notices = rig.outboxTo("ogawa.taro@ezweb.ne.jp");
            assertEquals(1, notices.size());
            MimeMessage notice = parse(notices.get(0).getRaw());
            assertTrue(notice.getContentType().toLowerCase().contains("iso-2022-jp"), notice.getContentType());
            String raw = new String(notices.get(0).getRaw(), StandardCharsets.ISO_8859_1);
            String text = new String(notices.get(0).getRaw(), Charset.forName("x-windows-iso2022jp"));
            assertTrue(text.contains("ドコモ花子さんからメッセージが届きました"), text);
            assertFalse(text.contains("ひみつの本文です"), "no body unless the member chose it");
            assertTrue(text.contains("/messages/" + sent), text);
            // the mail emoji (U+1F4E9) as au's own code in JIS, not the text fallback, never '?'
            String body = text.substring(text.indexOf("\r\n\r\n"));
            assertFalse(body.contains("?"), body);
            assertFalse(body.contains("[メール受信]"), body);
            assertTrue(text.contains("読む:"), text);
            String replyTo = notice.getHeader("Reply-To", null);
            assertTrue(replyTo != null && replyTo.matches("m\\.[a-z0-9]{16}@" + DOMAIN), String.valueOf(replyTo));
            assertTrue(raw.contains(replyTo), "the address is in the text too");

            // with the body chosen, the body comes too; notices off: none
            m.saveSettings(au, "friends", true, true);
            m.send(dc, au, "二通目", "本文も届く", List.of(), null, null);
            String second = new String(
                    rig.outboxTo("ogawa.taro@ezweb.ne.jp").get(1).getRaw(), Charset.forName("x-windows-iso2022jp"));
            assertTrue(second.contains("本文も届く"), second);
            m.saveSettings(au, "friends", false, false);
            m.send(dc, au, "三通目", "x", List.of(), null, null);
            assertEquals(2, rig.outboxTo("ogawa.taro@ezweb.ne.jp").size());

            // the au phone answers the first notice's Reply-To: JIS text with au emoji becomes Unicode
            byte[] auMail = read("/mail/au-jis-emoji.eml");
            String mail = new String(auMail, StandardCharsets.ISO_8859_1)
                    .replaceFirst("(?m)^To: .*$", "To: " + replyTo)
                    .replaceFirst("(?m)^Message-Id: .*$", "Message-Id: <reply-" + System.nanoTime() + "@ezweb.ne.jp>");
            byte[] bytes = mail.getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(250, rig.mail("ogawa.taro@ezweb.ne.jp", replyTo, bytes));
            assertEquals("done", rig.lastState());
            // the same mail again (an MTA retry) replies once
            assertEquals(250, rig.mail("ogawa.taro@ezweb.ne.jp", replyTo, bytes));
            MessageBoxService.Page inbox = box.box(dc, false, 1, 10);
            assertEquals(1, inbox.items().size());
            MessageBoxService.Item reply =
                    box.open(dc, inbox.items().get(0).id()).orElseThrow();
            assertEquals("小川太郎", reply.otherName());
            assertEquals("雨\u2614", reply.title(), "the mail's subject, with au's umbrella as Unicode");
            assertEquals("今日は" + SUN + "のち" + CLOUD + "\nFor au", reply.body());
            // the docomo side got its notice in Shift_JIS with docomo's emoji
            OutboxMail back = rig.outboxTo("hanako@docomo.ne.jp").get(0);
            assertTrue(parse(back.getRaw()).getContentType().toLowerCase().contains("shift_jis"));

            // a forged sender is refused and nothing is sent; the member is told at the registered address
            int before = rig.rows("select count(*) from message");
            String forged = mail.replaceFirst("(?m)^Message-Id: .*$", "Message-Id: <forged-1@ezweb.ne.jp>")
                    .replaceFirst("(?m)^From: .*$", "From: someone.else@ezweb.ne.jp");
            rig.mail("someone.else@ezweb.ne.jp", replyTo, forged.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("refused", rig.lastState());
            assertEquals(before, rig.rows("select count(*) from message"));

            // new posting secrets: the old reply address stops working
            rig.db.run(em -> rig.replies.onRotated(new PostingSecretsRotated(au)));
            String again = mail.replaceFirst("(?m)^Message-Id: .*$", "Message-Id: <after-rotate@ezweb.ne.jp>");
            int code = rig.mail("ogawa.taro@ezweb.ne.jp", replyTo, again.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(code == 250 && "refused".equals(rig.lastState()) || code >= 500, "code " + code);
            assertEquals(before, rig.rows("select count(*) from message"));
        }
    }

    static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    static byte[] image() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] read(String resource) {
        try (InputStream in = MessageServiceTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain SMTP exchange; returns the code of the answer to the message data (or the first refusal). */
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
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            for (String line : text.split("\n", -1)) {
                data.writeBytes(
                        ((line.startsWith(".") ? "." : "") + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            data.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(data.toByteArray());
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
}

package jp.keitai.sns.diary;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.mail.outbound.OutboxMail;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.PostingAddresses;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDb;

/**
 * The diary feature wired by hand over a real test database: the same classes CDI wires in the server. Members,
 * friendships (both directions) and blocks are written as rows, as the friend service would leave them.
 */
final class DiaryRig {

    static final String DOMAIN = "sns.example.jp";

    final Database database;
    final Settings settings;
    final Path dataDir;
    final MemberService members;
    final FriendGraph graph;
    final AccessPolicy policy;
    final PhotoStore photos;
    final Mailer mailer;
    final DiaryService diaries;
    final DiaryReader reader;
    final CommentService comments;
    final PostingAddresses addresses;
    final DiaryMailRoute mailRoute;

    DiaryRig(Database database) {
        this.database = database;
        try {
            this.dataDir = Files.createTempDirectory("sns-diary-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = TestDb.settings(Map.of("sns.mail.domain", DOMAIN, "sns.data.dir", dataDir.toString()));
        this.members = new MemberService(database);
        this.graph = new FriendGraph(database);
        this.policy = new AccessPolicy(graph, members);
        this.photos = new PhotoStore(dataDir, 3 * 1024 * 1024, 25_000_000);
        this.mailer = new Mailer(database, OutboundSettings.from(settings), new MailTemplates());
        this.diaries = new DiaryService(database, policy, graph, members, photos, mailer);
        this.reader = diaries.reader;
        this.comments = new CommentService(diaries, policy, mailer);
        this.addresses = new PostingAddresses(database, settings);
        this.mailRoute = new DiaryMailRoute(addresses, members, diaries, policy, mailer);
    }

    long member(String nickname, String mobile) {
        return database.tx(em -> {
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

    void suspend(long member) {
        members.setStatus(member, MemberStatus.SUSPENDED);
    }

    void withdraw(long member) {
        members.setStatus(member, MemberStatus.WITHDRAWN);
    }

    private void sql(String sql, long a, long b) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, a);
                ps.setLong(2, b);
                ps.setTimestamp(3, Timestamp.from(Clock.now()));
                return ps.executeUpdate();
            }
        });
        database.changes().resetAll(); // written behind the services' backs
    }

    List<OutboxMail> outboxTo(String address) {
        return database.read(em -> em.createQuery(
                        "select o from OutboxMail o where o.recipient = :r order by o.id", OutboxMail.class)
                .setParameter("r", address)
                .getResultList());
    }

    long diaryCount(long author) {
        return database.read(em -> em.createQuery("select count(d) from Diary d where d.authorId = :a", Long.class)
                .setParameter("a", author)
                .getSingleResult());
    }

    /** A real image of the given size and format, drawn so it is not blank. */
    static byte[] image(int width, int height, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG carrying an EXIF segment with a GPS position, as a phone camera writes it (APP1 right after SOI). The
     * marker text {@code GPSLatitude} and the coordinates must not survive into any served copy.
     */
    static byte[] jpegWithGps(int width, int height) {
        byte[] plain = image(width, height, "jpeg");
        byte[] payload = ("Exif\0\0MM\0*GPSLatitude=35.681236 GPSLongitude=139.767125 Model=P-01A")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }
}

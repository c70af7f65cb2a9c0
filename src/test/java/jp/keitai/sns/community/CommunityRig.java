package jp.keitai.sns.community;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.diary.PhotoService;
import jp.keitai.sns.diary.PhotoStore;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.mail.outbound.OutboxMail;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDb;

/** The community feature wired by hand over a real test database, as CDI wires it in the server. */
final class CommunityRig {

    static final String DOMAIN = "sns.example.jp";

    final Database database;
    final Settings settings;
    final MemberService members;
    final CommunityStore store;
    final TopicStore topicStore;
    final AccessPolicy policy;
    final PhotoService photos;
    final Mailer mailer;
    final CommunityMailStore mailStore;
    final CommunityFeed feed;
    final CommunityService communities;
    final CommunityMembership membership;
    final CommunityAdministration admins;
    final TopicService topics;
    final TopicComments comments;
    final TopicEvents events;
    final TopicMail mail;
    final TopicPages pages;
    final CommunityHomeSection home;

    CommunityRig(Database database) {
        this.database = database;
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("sns-community-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = TestDb.settings(Map.of("sns.mail.domain", DOMAIN, "sns.data.dir", dataDir.toString()));
        this.members = new MemberService(database);
        this.store = new CommunityStore(database);
        this.topicStore = new TopicStore(database);
        this.mailStore = new CommunityMailStore(database);
        this.feed = new CommunityFeed(database, store, topicStore, mailStore);
        this.policy = new AccessPolicy(new FriendGraph(database), members, new CommunityMembers(feed));
        this.photos = new PhotoService(new PhotoStore(dataDir, 3 * 1024 * 1024, 25_000_000));
        this.mailer = new Mailer(database, OutboundSettings.from(settings), new MailTemplates());
        this.admins = new CommunityAdministration(database, store);
        this.membership = new CommunityMembership(database, store, members);
        this.communities =
                new CommunityService(database, store, topicStore, members, policy, photos, admins, mailStore);
        this.topics = new TopicService(database, store, topicStore, members, policy, photos, feed);
        this.comments =
                new TopicComments(database, store, mailStore, topicStore, topics, members, policy, photos, mailer);
        this.events = new TopicEvents(database, store, topicStore, topics);
        this.mail = new TopicMail(database, mailStore, topicStore, topics, feed, settings);
        this.pages = new TopicPages(feed, policy, members, mail);
        this.home = new CommunityHomeSection();
        this.home.feed = feed;
    }

    long member(String nickname) {
        return database.tx(em -> {
            Member m = new Member(nickname, "-", Role.MEMBER, Clock.now());
            m.setMobileEmail("c" + System.nanoTime() + "@docomo.ne.jp");
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    String mobile(long member) {
        return members.find(member).orElseThrow().mobileEmail();
    }

    long community(long admin, String name, String join, String read) {
        return communities.create(admin, name, "趣味", "説明", join, "all", read, null);
    }

    List<OutboxMail> outboxTo(String address) {
        return database.read(em -> em.createQuery(
                        "select o from OutboxMail o where o.recipient = :r order by o.id", OutboxMail.class)
                .setParameter("r", address)
                .getResultList());
    }

    static byte[] jpeg(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

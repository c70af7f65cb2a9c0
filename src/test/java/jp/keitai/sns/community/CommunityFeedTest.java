package jp.keitai.sns.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDatabases;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link CommunityFeed}: a warm topic page runs no SQL; each kind of change (comment, edit, delete, hide, photo,
 * 参加 and キャンセル, topic hidden or deleted, membership, read setting, posting address) shows at once; the viewer's
 * own part (blocks, suspended writers) is applied on every view although the rows are kept; and on PostgreSQL a change
 * on one node drops the copy on another.
 */
class CommunityFeedTest {

    private static String text(TopicViews.Comment c) {
        StringBuilder b = new StringBuilder();
        c.segments().forEach(s -> b.append(s.lineBreak() ? "\n" : s.text()));
        return b.toString();
    }

    @Test
    void aWarmTopicPageRunsNoStatementAndEachPageIsKeptApart() {
        StatementCounter counter = new StatementCounter();
        try (TestDb db = TestDb.h2(counter.wrap())) {
            CommunityRig rig = new CommunityRig(db.database());
            long admin = rig.member("管理人");
            long viewer = rig.member("読む人");
            long c = rig.community(admin, "部", "open", "members");
            rig.membership.join(viewer, c);
            String tomorrow = java.time.LocalDate.now(Clock.JAPAN).plusDays(2).toString();
            long t = rig.topics.create(
                    admin, c, "会", "本文", new TopicService.EventForm(tomorrow + " 19:00", "渋谷", "5", null), List.of());
            for (int i = 1; i <= TopicService.PAGE + 3; i++) {
                rig.comments.comment(admin, c, t, "c" + i, List.of());
            }
            rig.events.attend(viewer, c, t);
            // a view writes nothing: the posting address is issued when the member asks for it
            assertEquals(null, rig.pages.page(viewer, c, t, null).orElseThrow().postingAddress());
            counter.reset();
            rig.pages.page(viewer, c, t, null).orElseThrow();
            assertTrue(
                    counter.statements().stream().noneMatch(q -> q.toLowerCase().startsWith("insert")),
                    counter.statements().toString());
            rig.mail.issueAddress(viewer, c, t);
            TopicViews.Page cold = rig.pages.page(viewer, c, t, null).orElseThrow();
            rig.pages.page(viewer, c, t, 1).orElseThrow();

            counter.reset();
            TopicViews.Page warm = rig.pages.page(viewer, c, t, null).orElseThrow();
            TopicViews.Page first = rig.pages.page(viewer, c, t, 1).orElseThrow();
            assertEquals(0, counter.count(), counter.statements().toString());
            assertEquals(cold, warm);
            assertEquals(2, warm.pageNumber());
            assertEquals(3, warm.comments().size());
            assertEquals(TopicService.PAGE, first.comments().size());
            assertEquals("c1", text(first.comments().get(0)));
            assertTrue(warm.event().attending());
            assertTrue(warm.postingAddress().startsWith("c."));
            // the read right AccessPolicy answers for other surfaces comes from the same copies
            assertTrue(rig.policy.canReadCommunity(viewer, c));
            assertEquals(0, counter.count(), counter.statements().toString());
        }
    }

    @Test
    void theHomeSectionReadsNothingWarmAndFollowsEveryChangeOfItsTopics() {
        StatementCounter counter = new StatementCounter();
        try (TestDb db = TestDb.h2(counter.wrap())) {
            CommunityRig rig = new CommunityRig(db.database());
            long admin = rig.member("管理人");
            long me = rig.member("わたし");
            long c1 = rig.community(admin, "一部", "open", "members");
            long c2 = rig.community(admin, "二部", "open", "everyone");
            long other = rig.community(admin, "入っていない部", "open", "everyone");
            rig.membership.join(me, c1);
            rig.membership.join(me, c2);
            long a = rig.topics.create(admin, c1, "一部の話題", "本文", null, List.of());
            rig.topics.create(admin, c2, "二部の話題", "本文", null, List.of());
            rig.topics.create(admin, other, "よその話題", "本文", null, List.of());
            assertEquals(List.of("二部の話題", "一部の話題"), home(rig, me));

            counter.reset();
            assertEquals(List.of("二部の話題", "一部の話題"), home(rig, me));
            assertEquals(0, counter.count(), "warm: " + counter.statements());

            rig.comments.comment(admin, c1, a, "上がる", List.of());
            assertEquals(List.of("一部の話題", "二部の話題"), home(rig, me), "a comment moves its topic up");
            long n = rig.topics.create(admin, c2, "新しい話題", "本文", null, List.of());
            assertEquals("新しい話題", home(rig, me).get(0), "a new topic");
            rig.database.tx(em -> {
                rig.topics.hide(n, 0);
                return null;
            });
            assertFalse(home(rig, me).contains("新しい話題"), "a hidden topic");
            long gone = rig.topics.create(admin, c2, "消える話題", "本文", null, List.of());
            assertEquals("消える話題", home(rig, me).get(0));
            rig.topics.deleteTopic(admin, c2, gone);
            assertFalse(home(rig, me).contains("消える話題"), "a deleted topic");
            rig.membership.leave(me, c1);
            assertEquals(List.of("二部の話題"), home(rig, me), "leaving");
            for (int i = 0; i < CommunityHomeSection.SHOWN + 2; i++) {
                rig.topics.create(admin, c2, "話題" + i, "本文", null, List.of());
            }
            List<String> full = home(rig, me);
            assertEquals(CommunityHomeSection.SHOWN, full.size());
            assertEquals("話題" + (CommunityHomeSection.SHOWN + 1), full.get(0));
        }
    }

    private static List<String> home(CommunityRig rig, long member) {
        return ((CommunityHomeSection.Data) rig.home.data(member))
                .lines().stream().map(CommunityHomeSection.Line::title).toList();
    }

    @Test
    void everyChangeToTheTopicShowsAtOnce() {
        try (TestDb db = TestDb.h2()) {
            CommunityRig rig = new CommunityRig(db.database());
            long admin = rig.member("管理人");
            long a = rig.member("あ");
            long b = rig.member("い");
            long c = rig.community(admin, "部", "open", "everyone");
            rig.membership.join(a, c);
            rig.membership.join(b, c);
            String tomorrow = java.time.LocalDate.now(Clock.JAPAN).plusDays(2).toString();
            long t = rig.topics.create(
                    admin, c, "会", "本文", new TopicService.EventForm(tomorrow + " 19:00", "渋谷", "5", null), List.of());
            assertEquals(0, page(rig, a, c, t).commentCount());

            rig.comments.comment(a, c, t, "一番", List.of());
            assertEquals(1, page(rig, a, c, t).commentCount(), "a new comment");
            rig.comments.comment(b, c, t, "二番", List.of(CommunityRig.jpeg(100, 80)));
            assertEquals(List.of(1), page(rig, a, c, t).comments().get(1).photos(), "a comment with a photo");
            rig.comments.editComment(a, c, t, 1, "一番（編集）");
            assertEquals("一番（編集）", text(page(rig, a, c, t).comments().get(0)), "an edit");
            rig.comments.deleteComment(b, c, t, 2);
            TopicViews.Comment deleted = page(rig, a, c, t).comments().get(1);
            assertTrue(deleted.gone(), "a delete");
            assertTrue(deleted.photos().isEmpty());
            rig.database.tx(em -> {
                rig.topics.hide(t, 1);
                return null;
            });
            assertEquals(
                    "（運営により非表示になりました）", page(rig, a, c, t).comments().get(0).goneLabel(), "hidden");

            rig.events.attend(b, c, t);
            TopicViews.Event e = page(rig, b, c, t).event();
            assertEquals(1, e.attendeeCount(), "参加");
            assertTrue(e.attending());
            assertEquals(List.of("い"), e.attendees());
            rig.events.cancel(b, c, t);
            assertEquals(0, page(rig, b, c, t).event().attendeeCount(), "キャンセル");
            assertFalse(page(rig, b, c, t).event().attending());

            rig.database.tx(em -> {
                rig.topics.hide(t, 0);
                return null;
            });
            assertTrue(rig.pages.page(a, c, t, null).isEmpty(), "a hidden topic");
            long t2 = rig.topics.create(a, c, "二つ目", "本文", null, List.of());
            page(rig, admin, c, t2);
            rig.topics.deleteTopic(admin, c, t2);
            assertTrue(rig.pages.page(a, c, t2, null).isEmpty(), "a deleted topic");
        }
    }

    @Test
    void membershipReadSettingsAndAddressesShowAtOnce() {
        try (TestDb db = TestDb.h2()) {
            CommunityRig rig = new CommunityRig(db.database());
            long admin = rig.member("管理人");
            long a = rig.member("あ");
            long b = rig.member("い");
            long c = rig.community(admin, "部", "open", "members");
            long t = rig.topics.create(admin, c, "題", "本文", null, List.of());
            rig.comments.comment(admin, c, t, "管理人のコメント", List.of());
            assertTrue(rig.pages.page(a, c, t, null).isEmpty(), "members only");
            rig.membership.join(a, c);
            TopicViews.Page joined = page(rig, a, c, t);
            assertTrue(joined.member());
            assertFalse(joined.comments().get(0).canDelete());
            rig.membership.leave(a, c);
            assertTrue(rig.pages.page(a, c, t, null).isEmpty(), "left");
            assertFalse(rig.policy.canReadCommunity(a, c));

            rig.membership.join(a, c);
            rig.admins.setSubAdmin(admin, c, a, true);
            assertTrue(page(rig, a, c, t).comments().get(0).canDelete(), "a sub-administrator");
            rig.membership.ban(admin, c, b);
            rig.communities.edit(admin, c, "部", "趣味", "説明", "open", "all", "everyone", null);
            assertTrue(rig.pages.page(b, c, t, null).isEmpty(), "banned");
            long outsider = rig.member("外");
            assertTrue(rig.pages.page(outsider, c, t, null).isPresent(), "now open to every member");
            assertFalse(page(rig, outsider, c, t).member());
            assertEquals(null, page(rig, outsider, c, t).postingAddress());

            assertEquals(null, page(rig, a, c, t).postingAddress(), "not asked for yet");
            String before = rig.mail.issueAddress(a, c, t);
            assertEquals(before, page(rig, a, c, t).postingAddress());
            assertEquals(before, rig.mail.issueAddress(a, c, t), "asking again keeps it");
            rig.mail.issueAddress(admin, c, t);
            assertNotEquals(before, page(rig, admin, c, t).postingAddress(), "each member has their own");
            rig.mail.rotateAddress(a, c, t);
            assertNotEquals(before, page(rig, a, c, t).postingAddress(), "a rotated address");
        }
    }

    @Test
    void blocksAndSuspensionsApplyOnEveryViewOfTheKeptRows() {
        try (TestDb db = TestDb.h2()) {
            CommunityRig rig = new CommunityRig(db.database());
            long admin = rig.member("管理人");
            long a = rig.member("あ");
            long b = rig.member("い");
            long c = rig.community(admin, "部", "open", "everyone");
            rig.membership.join(a, c);
            rig.membership.join(b, c);
            long t = rig.topics.create(admin, c, "題", "本文", null, List.of());
            rig.comments.comment(a, c, t, "あのコメント", List.of());
            assertFalse(page(rig, b, c, t).comments().get(0).gone());

            rig.database.tx(em -> {
                rig.database.jdbc(conn -> {
                    try (var ps = conn.prepareStatement(
                            "insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)")) {
                        ps.setLong(1, b);
                        ps.setLong(2, a);
                        ps.setTimestamp(3, java.sql.Timestamp.from(Clock.now()));
                        return ps.executeUpdate();
                    }
                });
                rig.database.changes().publish(SocialGraph.BLOCKS, a, b);
                return null;
            });
            TopicViews.Comment blocked = page(rig, b, c, t).comments().get(0);
            assertTrue(blocked.gone(), "across a block");
            assertEquals("（表示できないコメントです）", blocked.goneLabel());
            assertEquals("", blocked.authorNickname());
            assertFalse(page(rig, admin, c, t).comments().get(0).gone(), "others still see it");

            rig.members.setStatus(a, MemberStatus.SUSPENDED);
            assertTrue(page(rig, admin, c, t).comments().get(0).gone(), "a suspended writer");
            assertFalse(page(rig, a, c, t).comments().get(0).gone(), "the writer sees their own");
        }
    }

    @Test
    void rowsChangedBehindTheServicesShowAfterAReset() {
        try (TestDb db = TestDb.h2()) {
            CommunityRig rig = new CommunityRig(db.database());
            long admin = rig.member("管理人");
            long c = rig.community(admin, "部", "open", "everyone");
            long t = rig.topics.create(admin, c, "題", "本文", null, List.of());
            assertEquals("題", page(rig, admin, c, t).title());
            rig.database.tx(em -> em.createNativeQuery("update community_topic set title = 'SQL'")
                    .executeUpdate());
            assertEquals("題", page(rig, admin, c, t).title(), "kept");
            rig.database.changes().resetAll();
            assertEquals("SQL", page(rig, admin, c, t).title());
            assertEquals(
                    Map.of("communities", 1L, "standings", 1L, "topics", 1L, "comment pages", 1L, "secrets", 1L),
                    rig.feed.sizes());
        }
    }

    /** Two nodes on one PostgreSQL database: a comment, a membership change and a hide on A show on B. */
    @Test
    void aChangeOnOneNodeDropsTheCopyOnAnother() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("it.skip.postgresql"), "PostgreSQL skipped");
        String adminUrl = System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("it.pg.user", "postgres");
        String name =
                "keitai_unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabases.recreate(adminUrl, user, name);
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        Map<String, String> settings = Map.of("sns.db.url", url, "sns.db.user", user);
        try (Database one = Database.open(TestDb.settings(settings));
                Database two = Database.open(TestDb.settings(settings))) {
            CommunityRig a = new CommunityRig(one);
            CommunityRig b = new CommunityRig(two);
            long admin = a.member("管理人");
            long m = a.member("あ");
            long c = a.community(admin, "部", "open", "members");
            long t = a.topics.create(admin, c, "題", "本文", null, List.of());
            assertTrue(b.pages.page(m, c, t, null).isEmpty());
            assertEquals(0, b.pages.page(admin, c, t, null).orElseThrow().commentCount());
            Thread.sleep(200); // B's listener is up (it starts with B's first subscription)

            a.membership.join(m, c);
            eventually("membership", () -> b.pages.page(m, c, t, null).isPresent());
            a.comments.comment(admin, c, t, "一番", List.of());
            eventually(
                    "comment", () -> b.pages.page(m, c, t, null).orElseThrow().commentCount() == 1);
            a.database.tx(em -> {
                a.topics.hide(t, 0);
                return null;
            });
            eventually("hide", () -> b.pages.page(m, c, t, null).isEmpty());
        } finally {
            TestDatabases.drop(adminUrl, user, name);
        }
    }

    private static TopicViews.Page page(CommunityRig rig, long viewer, long c, long t) {
        return rig.pages.page(viewer, c, t, null).orElseThrow();
    }

    private static void eventually(String what, BooleanSupplier seen) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (!seen.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(what + " not seen on the other node");
            }
            Thread.sleep(50);
        }
    }
}

package jp.keitai.sns.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Communities, membership, topics, comments, events and administrators, on H2 and PostgreSQL. */
class CommunityServiceTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void createSearchAndJoinUnderBothPolicies(TestDb db) {
        CommunityRig rig = new CommunityRig(db.database());
        long admin = rig.member("管理人");
        long a = rig.member("あ");
        long b = rig.member("い");
        CommunityService cs = rig.communities;
        assertEquals(
                "コミュニティ名を入力してください。",
                assertThrows(Refused.class, () -> cs.create(admin, " ", "趣味", "", "open", "all", "everyone", null))
                        .getMessage());
        assertEquals(
                "カテゴリを選んでください。",
                assertThrows(Refused.class, () -> cs.create(admin, "x", "宇宙", "", "open", "all", "everyone", null))
                        .getMessage());
        long open = cs.create(admin, "<b>猫</b>好き", "ペット", "猫の話", "open", "all", "everyone", null);
        long closed = cs.create(admin, "犬 好き", "ペット", "犬", "approval", "all", "everyone", null);
        assertEquals(1, cs.find(open).orElseThrow().memberCount());

        assertEquals("コミュニティに参加しました。", rig.membership.join(a, open));
        assertEquals(
                "すでに参加しています。",
                assertThrows(Refused.class, () -> rig.membership.join(a, open)).getMessage());
        assertEquals(2, cs.find(open).orElseThrow().memberCount());

        assertTrue(rig.membership.join(b, closed).startsWith("参加を申請しました"));
        assertEquals(CommunityStanding.PENDING, cs.standing(closed, b));
        assertEquals(1, cs.find(closed).orElseThrow().memberCount(), "a request is not a member");
        assertEquals("参加の申請を取り下げました。", rig.membership.leave(b, closed));
        assertEquals(CommunityStanding.NONE, cs.standing(closed, b));
        assertEquals(1, cs.find(closed).orElseThrow().memberCount(), "withdrawing changes no count");
        rig.membership.join(b, closed);
        assertThrows(Refused.class, () -> rig.membership.decide(a, closed, b, true), "only administrators approve");
        rig.membership.decide(admin, closed, b, true);
        assertEquals(CommunityStanding.MEMBER, cs.standing(closed, b));
        assertEquals(2, cs.find(closed).orElseThrow().memberCount());

        // search: name without blanks and case, category
        assertEquals(List.of(closed), ids(cs.search(a, "犬好き", null, 1)));
        assertEquals(2, cs.search(a, "", "ペット", 1).size());
        assertEquals(0, cs.search(a, "猫", "音楽", 1).size());
        assertEquals(1, cs.search(a, "<B>", null, 1).size());
        assertEquals(0, cs.search(a, "%", null, 1).size(), "like wildcards are literal");

        // leave, remove, ban
        assertEquals("コミュニティを退会しました。", rig.membership.leave(a, open));
        assertEquals(1, cs.find(open).orElseThrow().memberCount());
        rig.membership.join(a, open);
        rig.membership.remove(admin, open, a);
        assertEquals(CommunityStanding.NONE, cs.standing(open, a));
        rig.membership.join(a, open);
        rig.membership.ban(admin, open, a);
        assertEquals(1, cs.find(open).orElseThrow().memberCount());
        assertEquals(
                "このコミュニティには参加できません。",
                assertThrows(Refused.class, () -> rig.membership.join(a, open)).getMessage());
        assertEquals(1, cs.find(open).orElseThrow().memberCount(), "a refused join changes nothing");
    }

    private static List<Long> ids(List<CommunityViews.Found> found) {
        return found.stream().map(f -> f.card().id()).toList();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void topicsAndNumberedCommentsFollowTheRules(TestDb db) {
        CommunityRig rig = new CommunityRig(db.database());
        long admin = rig.member("管理人");
        long a = rig.member("あ");
        long outsider = rig.member("部外者");
        long c = rig.community(admin, "写真部", "open", "everyone");
        rig.membership.join(a, c);
        TopicService ts = rig.topics;
        long t = ts.create(a, c, "自己紹介", "よろしく", null, List.of());
        assertEquals(1, rig.comments.comment(a, c, t, "はじめまして", List.of(rig.jpeg(400, 300))));
        assertEquals(2, rig.comments.comment(admin, c, t, ">>1 ようこそ\n２行目", List.of()));
        assertEquals(
                "コミュニティに参加するとコメントできます。",
                assertThrows(Refused.class, () -> rig.comments.comment(outsider, c, t, "こんにちは", List.of()))
                        .getMessage());
        // 10,000 characters: refused with the reason, nothing written
        Refused tooLong =
                assertThrows(Refused.class, () -> rig.comments.comment(a, c, t, "あ".repeat(10_000), List.of()));
        assertEquals("コメントは5000文字までです（10000文字あります）。", tooLong.getMessage());
        TopicViews.Page page = rig.pages.page(a, c, t, null).orElseThrow();
        assertEquals(2, page.commentCount());
        assertEquals(List.of(1), page.comments().get(0).photos());
        TopicViews.Segment ref = page.comments().get(1).segments().get(0);
        assertEquals(1, ref.refNumber());
        assertEquals(1, ref.refPage());

        // edit by the writer only, delete by the writer or an administrator; numbers are never reused
        assertThrows(Refused.class, () -> rig.comments.editComment(admin, c, t, 1, "改ざん"));
        rig.comments.editComment(a, c, t, 1, "はじめまして（編集）");
        assertThrows(Refused.class, () -> rig.comments.deleteComment(a, c, t, 2));
        rig.comments.deleteComment(admin, c, t, 1);
        assertEquals(3, rig.comments.comment(a, c, t, "三番目", List.of()));
        page = rig.pages.page(a, c, t, null).orElseThrow();
        assertTrue(page.comments().get(0).gone());
        assertTrue(page.comments().get(0).photos().isEmpty());
        assertTrue(rig.comments
                .photo(a, c, t, 1, 1, jp.keitai.sns.carrier.Handset.PC, false)
                .isEmpty());

        // admin-only topics
        long adminOnly = rig.communities.create(admin, "お知らせ", "その他", "", "open", "admin", "everyone", null);
        rig.membership.join(a, adminOnly);
        assertEquals(
                "このコミュニティでは管理人だけがトピックを作れます。",
                assertThrows(Refused.class, () -> ts.create(a, adminOnly, "t", "b", null, List.of()))
                        .getMessage());
        ts.create(admin, adminOnly, "t", "b", null, List.of());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void commentsArePaged(TestDb db) {
        CommunityRig rig = new CommunityRig(db.database());
        long admin = rig.member("管理人");
        long c = rig.community(admin, "長いトピック", "open", "everyone");
        long t = rig.topics.create(admin, c, "t", "b", null, List.of());
        for (int i = 0; i < TopicService.PAGE * 2 + 3; i++) {
            rig.comments.comment(admin, c, t, "c" + i, List.of());
        }
        TopicViews.Page last = rig.pages.page(admin, c, t, null).orElseThrow();
        assertEquals(3, last.pageCount());
        assertEquals(3, last.pageNumber());
        assertEquals(3, last.comments().size());
        TopicViews.Page first = rig.pages.page(admin, c, t, 1).orElseThrow();
        assertEquals(TopicService.PAGE, first.comments().size());
        assertEquals(1, first.comments().get(0).number());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void concurrentAnswersFillAnEventToExactlyItsCapacity(TestDb db) throws Exception {
        CommunityRig rig = new CommunityRig(db.database());
        long admin = rig.member("管理人");
        long c = rig.community(admin, "飲み会", "open", "everyone");
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long m = rig.member("m" + i);
            rig.membership.join(m, c);
            people.add(m);
        }
        String tomorrow = java.time.LocalDate.now(Clock.JAPAN).plusDays(2).toString();
        long t = rig.topics.create(
                admin, c, "忘年会", "集まろう", new TopicService.EventForm(tomorrow + " 19:00", "渋谷", "5", null), List.of());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (long m : people) {
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    rig.events.attend(m, c, t);
                    return true;
                } catch (Refused e) {
                    assertTrue(e.getMessage().startsWith("定員（5人）に達した"), e.getMessage());
                    return false;
                }
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> f : answers) {
            accepted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(5, accepted);
        TopicViews.Page page = rig.pages.page(admin, c, t, null).orElseThrow();
        assertEquals(5, page.event().attendeeCount());
        assertEquals(5, page.event().attendees().size());
        assertTrue(page.event().full());
        // a キャンセル frees a place
        long going = people.stream()
                .filter(m -> rig.topicStore.attending(t, m))
                .findFirst()
                .orElseThrow();
        rig.events.cancel(going, c, t);
        long waiting = people.stream()
                .filter(m -> !rig.topicStore.attending(t, m) && m != going)
                .findFirst()
                .orElseThrow();
        rig.events.attend(waiting, c, t);
        assertEquals(
                "すでに参加を表明しています。",
                assertThrows(Refused.class, () -> rig.events.attend(waiting, c, t))
                        .getMessage());
        // past the deadline: refused, nothing changes
        Instant later = Clock.now().plus(Duration.ofDays(3));
        assertEquals(
                "締め切りを過ぎたため参加できません。",
                assertThrows(Refused.class, () -> rig.events.attend(going, c, t, later))
                        .getMessage());
        assertEquals(5, rig.pages.page(admin, c, t, null).orElseThrow().event().attendeeCount());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void administrationIsHandedOverOnlyWithConsentAndSucceedsWhenTheAdminLeaves(TestDb db) {
        CommunityRig rig = new CommunityRig(db.database());
        CommunityService cs = rig.communities;
        long admin = rig.member("管理人");
        long c = rig.community(admin, "引き継ぎ", "open", "everyone");
        List<Long> m = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long x = rig.member("m" + i);
            rig.membership.join(x, c);
            m.add(x);
        }
        // at most three sub-administrators
        for (int i = 0; i < 3; i++) {
            rig.admins.setSubAdmin(admin, c, m.get(i), true);
        }
        assertEquals(
                "副管理人は3人までです。",
                assertThrows(Refused.class, () -> rig.admins.setSubAdmin(admin, c, m.get(3), true))
                        .getMessage());
        // a handover changes nothing until the member accepts; another member cannot accept it
        rig.admins.offerHandover(admin, c, m.get(4));
        assertEquals(admin, cs.find(c).orElseThrow().adminId());
        assertThrows(Refused.class, () -> rig.admins.answerHandover(m.get(3), c, true));
        rig.admins.answerHandover(m.get(4), c, false);
        assertEquals(admin, cs.find(c).orElseThrow().adminId());
        rig.admins.offerHandover(admin, c, m.get(4));
        rig.admins.answerHandover(m.get(4), c, true);
        assertEquals(m.get(4), cs.find(c).orElseThrow().adminId());
        assertEquals(CommunityStanding.MEMBER, cs.standing(c, admin));
        assertEquals(CommunityStanding.ADMIN, cs.standing(c, m.get(4)));

        // the administrator leaves: the oldest member who agrees takes over once the window has passed
        Instant left = Clock.now();
        rig.membership.leave(m.get(4), c, left);
        assertEquals(null, cs.find(c).orElseThrow().adminId());
        rig.admins.volunteer(m.get(2), c, left);
        rig.admins.volunteer(m.get(1), c, left);
        assertEquals(null, cs.find(c).orElseThrow().adminId(), "not before the window has passed");
        rig.admins.settle(c, left.plus(CommunityService.SUCCESSION_WINDOW).plusSeconds(1));
        assertEquals(m.get(1), cs.find(c).orElseThrow().adminId(), "m1 joined before m2");

        // nobody agrees: after 30 days any member may claim it
        long c2 = rig.community(admin, "放置", "open", "everyone");
        rig.membership.join(m.get(0), c2);
        Instant gone = Clock.now();
        rig.membership.leave(admin, c2, gone);
        assertEquals(
                "管理人不在から30日たつと引き継げます。",
                assertThrows(Refused.class, () -> rig.admins.claim(m.get(0), c2, gone.plus(Duration.ofDays(29))))
                        .getMessage());
        rig.admins.claim(m.get(0), c2, gone.plus(Duration.ofDays(30)).plusSeconds(1));
        assertEquals(m.get(0), cs.find(c2).orElseThrow().adminId());

        // an administrator who withdraws from the site leaves the community without one, as if they had left
        long c3 = rig.community(m.get(3), "退会する管理人", "open", "everyone");
        rig.membership.join(m.get(0), c3);
        rig.members.setStatus(m.get(3), jp.keitai.sns.member.MemberStatus.WITHDRAWN);
        CommunityViews.Page vacant = cs.page(m.get(0), c3).orElseThrow();
        assertTrue(vacant.vacant());
        assertEquals(1, vacant.card().memberCount());
        assertEquals(CommunityStanding.NONE, cs.standing(c3, m.get(3)));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void membersOnlyCommunitiesAreReadByTheirMembersOnlyOnEverySurface(TestDb db) {
        CommunityRig rig = new CommunityRig(db.database());
        long admin = rig.member("管理人");
        long member = rig.member("メンバー");
        long outsider = rig.member("部外者");
        long c = rig.community(admin, "秘密基地", "approval", "members");
        rig.membership.join(member, c);
        rig.membership.decide(admin, c, member, true);
        long t = rig.topics.create(admin, c, "秘密の話", "本文", null, List.of(rig.jpeg(100, 100)));
        rig.comments.comment(member, c, t, "了解", List.of());

        // the member reads everything
        assertTrue(rig.communities.page(member, c).orElseThrow().canRead());
        assertTrue(rig.pages.page(member, c, t, null).isPresent());
        assertTrue(rig.pages.json(member, c, t).isPresent());
        assertTrue(rig.comments
                .photo(member, c, t, 0, 1, jp.keitai.sns.carrier.Handset.PC, true)
                .isPresent());
        assertEquals(
                "秘密の話", rig.communities.search(member, "秘密", null, 1).get(0).latestTopic());
        assertTrue(homeTitles(rig, member).contains("秘密の話"));

        // the outsider sees the community (to ask to join) but no topic anywhere
        CommunityViews.Page page = rig.communities.page(outsider, c).orElseThrow();
        assertFalse(page.canRead());
        assertTrue(page.topics().isEmpty());
        assertTrue(rig.pages.page(outsider, c, t, null).isEmpty());
        assertTrue(rig.pages.json(outsider, c, t).isEmpty());
        assertTrue(rig.pages.json(null, c, t).isEmpty());
        assertTrue(rig.comments
                .photo(outsider, c, t, 0, 1, jp.keitai.sns.carrier.Handset.PC, true)
                .isEmpty());
        assertTrue(rig.comments
                .photo(null, c, t, 0, 1, jp.keitai.sns.carrier.Handset.PC, true)
                .isEmpty());
        assertEquals(
                null, rig.communities.search(outsider, "秘密", null, 1).get(0).latestTopic());
        assertFalse(homeTitles(rig, outsider).contains("秘密の話"));
        assertThrows(NotFound.class, () -> rig.comments.comment(outsider, c, t, "覗き", List.of()));
        assertThrows(NotFound.class, () -> rig.events.attend(outsider, c, t));

        // a pending member is no member yet; a member removed loses the topics at once
        rig.membership.join(outsider, c);
        assertTrue(rig.pages.page(outsider, c, t, null).isEmpty());
        rig.membership.remove(admin, c, member);
        assertTrue(rig.pages.page(member, c, t, null).isEmpty());
        assertFalse(homeTitles(rig, member).contains("秘密の話"));
    }

    private static List<String> homeTitles(CommunityRig rig, long member) {
        return ((CommunityHomeSection.Data) rig.home.data(member))
                .lines().stream().map(CommunityHomeSection.Line::title).toList();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void noticesGoToWritersAndCommentersWhoAskedForThem(TestDb db) {
        CommunityRig rig = new CommunityRig(db.database());
        long admin = rig.member("管理人");
        long writer = rig.member("書いた人");
        long commenter = rig.member("コメントした人");
        long quiet = rig.member("静か");
        long c = rig.community(admin, "通知", "open", "everyone");
        for (long m : List.of(writer, commenter, quiet)) {
            rig.membership.join(m, c);
        }
        long t = rig.topics.create(writer, c, "話題", "本文", null, List.of());
        rig.comments.comment(commenter, c, t, "一番", List.of());
        rig.comments.comment(quiet, c, t, "二番", List.of());
        rig.communities.saveCommentMail(writer, true);
        rig.communities.saveCommentMail(commenter, true);
        rig.comments.comment(admin, c, t, "三番", List.of());
        assertEquals(1, rig.outboxTo(rig.mobile(writer)).size());
        assertEquals(1, rig.outboxTo(rig.mobile(commenter)).size());
        assertEquals(0, rig.outboxTo(rig.mobile(quiet)).size(), "did not ask");
        assertEquals(0, rig.outboxTo(rig.mobile(admin)).size(), "not on one's own comment");
    }
}

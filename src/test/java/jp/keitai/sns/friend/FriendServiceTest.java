package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.testsupport.RecordingEvent;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The マイミク state machine on a real database: asking, answering, ending, blocking, and both asking at once. */
class FriendServiceTest {

    record Rig(
            FriendService friends,
            FriendGraph graph,
            AccessPolicy access,
            MemberService members,
            RecordingEvent<FriendshipEnded> ended) {
        static Rig of(TestDb db) {
            MemberService members = new MemberService(db.database());
            FriendGraph graph = new FriendGraph(db.database());
            AccessPolicy access = new AccessPolicy(graph, members);
            RecordingEvent<FriendshipEnded> ended = new RecordingEvent<>();
            return new Rig(
                    new FriendService(db.database(), members, graph, access, ended), graph, access, members, ended);
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void askApproveEnd(TestDb db) {
        Rig r = Rig.of(db);
        long a = TestMembers.create(db.database(), "あ");
        long b = TestMembers.create(db.database(), "い");
        assertNotNull(r.friends().request(a, b, "よろしく！"));
        assertThrows(Refused.class, () -> r.friends().request(a, b, null), "asking twice");
        assertThrows(Refused.class, () -> r.friends().request(a, a, null), "asking oneself");
        List<FriendService.Request> incoming = r.friends().incoming(b);
        assertEquals(1, incoming.size());
        assertEquals("あ", incoming.get(0).nickname());
        assertEquals("よろしく！", incoming.get(0).message());
        assertEquals(1, r.friends().outgoing(a).size());
        assertThrows(Refused.class, () -> r.friends().approve(a, incoming.get(0).id()), "only the addressee approves");
        assertNotNull(r.friends().approve(b, incoming.get(0).id()));
        assertThrows(Refused.class, () -> r.friends().approve(b, incoming.get(0).id()), "a request is answered once");
        assertTrue(r.graph().areFriends(a, b) && r.graph().areFriends(b, a));
        assertEquals(0, r.friends().incomingCount(b));
        assertEquals(Relation.FRIEND, r.graph().relation(b, a));
        assertTrue(r.access().canSee(b, a, Visibility.FRIENDS));

        assertNotNull(r.friends().end(b, a));
        assertFalse(r.graph().areFriends(a, b) || r.graph().areFriends(b, a));
        assertEquals(List.of(new FriendshipEnded(b, a)), r.ended().fired);
        assertFalse(r.access().canSee(b, a, Visibility.FRIENDS));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void rejectLeavesNoTrace(TestDb db) {
        Rig r = Rig.of(db);
        long a = TestMembers.create(db.database(), "あ");
        long b = TestMembers.create(db.database(), "い");
        r.friends().request(a, b, null);
        long id = r.friends().incoming(b).get(0).id();
        assertNotNull(r.friends().reject(b, id));
        assertFalse(r.graph().areFriends(a, b));
        assertTrue(r.friends().outgoing(a).isEmpty());
        assertNotNull(r.friends().request(a, b, "もう一度"), "may ask again later");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aRequestMessageHasAtMost500Characters(TestDb db) {
        Rig r = Rig.of(db);
        long a = TestMembers.create(db.database(), "あ");
        long b = TestMembers.create(db.database(), "い");
        assertEquals(
                "メッセージは500文字までです。",
                assertThrows(Refused.class, () -> r.friends().request(a, b, "😺".repeat(501)))
                        .getMessage());
        assertTrue(r.friends().outgoing(a).isEmpty(), "nothing sent");
        assertNotNull(r.friends().request(a, b, " " + "😺".repeat(500) + " "), "500 characters, each outside the BMP");
        assertEquals("😺".repeat(500), r.friends().incoming(b).get(0).message());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void approvingAMemberOneCannotDealWithIsRefusedAndTheRequestGoes(TestDb db) {
        Rig r = Rig.of(db);
        long a = TestMembers.create(db.database(), "あ");
        long b = TestMembers.create(db.database(), "い");
        r.friends().request(a, b, null);
        long id = r.friends().incoming(b).get(0).id();
        r.members().setStatus(a, MemberStatus.SUSPENDED);
        assertEquals(
                "このメンバーとはマイミクになれません。",
                assertThrows(Refused.class, () -> r.friends().approve(b, id)).getMessage());
        assertFalse(r.graph().areFriends(a, b));
        assertTrue(r.friends().outgoing(a).isEmpty(), "the refused request is deleted all the same");
        assertEquals(0, r.friends().incomingCount(b));
        assertEquals(
                "この申請はすでに処理されたか、見つかりません。",
                assertThrows(Refused.class, () -> r.friends().approve(b, id)).getMessage());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void askingBackMakesFriends(TestDb db) {
        Rig r = Rig.of(db);
        long a = TestMembers.create(db.database(), "あ");
        long b = TestMembers.create(db.database(), "い");
        r.friends().request(a, b, null);
        assertEquals("マイミクになりました。", r.friends().request(b, a, null));
        assertTrue(r.graph().areFriends(a, b));
        assertTrue(r.friends().incoming(a).isEmpty() && r.friends().incoming(b).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void bothAskingAtOnceMakeOneFriendship(TestDb db) throws Exception {
        Rig r = Rig.of(db);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                long a = TestMembers.create(db.database(), "あ" + round);
                long b = TestMembers.create(db.database(), "い" + round);
                CountDownLatch go = new CountDownLatch(1);
                Future<String> one = pool.submit(() -> {
                    go.await();
                    return r.friends().request(a, b, null);
                });
                Future<String> two = pool.submit(() -> {
                    go.await();
                    return r.friends().request(b, a, null);
                });
                go.countDown();
                assertNotNull(one.get());
                assertNotNull(two.get());
                assertTrue(r.graph().areFriends(a, b), "round " + round);
                assertEquals(1, r.graph().friendCount(a));
                assertTrue(r.friends().incoming(a).isEmpty()
                        && r.friends().incoming(b).isEmpty());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void blockEndsFriendshipAndKeepsTheOtherAway(TestDb db) {
        Rig r = Rig.of(db);
        long a = TestMembers.create(db.database(), "あ");
        long b = TestMembers.create(db.database(), "い");
        long c = TestMembers.create(db.database(), "う");
        TestMembers.befriend(db.database(), a, b);
        r.friends().request(c, a, null);
        assertNotNull(r.friends().block(a, b));
        assertNotNull(r.friends().block(a, c));
        assertFalse(r.graph().areFriends(a, b));
        assertEquals(List.of(new FriendshipEnded(a, b)), r.ended().fired);
        assertTrue(r.friends().incoming(a).isEmpty(), "the blocked member's request is gone");
        assertThrows(Refused.class, () -> r.friends().request(b, a, null));
        assertThrows(Refused.class, () -> r.friends().request(a, b, null), "the blocker must unblock first");
        for (Visibility v : Visibility.values()) {
            assertFalse(r.access().canSee(b, a, v), "blocked sees nothing: " + v);
            assertFalse(r.access().canSee(a, b, v), "the blocker does not see the blocked either: " + v);
        }
        assertEquals(
                List.of(b, c),
                r.friends().blocked(a).stream()
                        .map(FriendService.Friend::id)
                        .sorted()
                        .toList());
        assertNotNull(r.friends().unblock(a, b));
        assertTrue(r.access().canSee(b, a, Visibility.EVERYONE));
        assertNotNull(r.friends().request(b, a, null));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void suspendedMembersCannotBeAskedAndShowNothing(TestDb db) {
        Rig r = Rig.of(db);
        long a = TestMembers.create(db.database(), "あ");
        long b = TestMembers.create(db.database(), "い");
        TestMembers.befriend(db.database(), a, b);
        r.members().setStatus(b, MemberStatus.SUSPENDED);
        assertFalse(r.access().canSee(a, b, Visibility.EVERYONE));
        assertTrue(r.access().canSee(b, b, Visibility.PRIVATE), "a member always sees their own");
        long c = TestMembers.create(db.database(), "う");
        assertThrows(Refused.class, () -> r.friends().request(c, b, null));
        assertFalse(r.access().canSee(null, a, Visibility.EVERYONE), "guests see no member content");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void requestsFromAndToInactiveMembersAreNeitherCountedNorListed(TestDb db) {
        Rig r = Rig.of(db);
        long me = TestMembers.create(db.database(), "わたし");
        long s = TestMembers.create(db.database(), "停止");
        long w = TestMembers.create(db.database(), "退会");
        long t = TestMembers.create(db.database(), "相手");
        long ok = TestMembers.create(db.database(), "ふつう");
        r.friends().request(s, me, null);
        r.friends().request(w, me, null);
        r.friends().request(ok, me, null);
        r.friends().request(me, t, null);
        assertEquals(3, r.friends().incomingCount(me), "counted (and kept in memory) while all are active");
        r.members().setStatus(s, MemberStatus.SUSPENDED);
        r.members().setStatus(w, MemberStatus.WITHDRAWN);
        r.members().setStatus(t, MemberStatus.SUSPENDED);
        assertEquals(1, r.friends().incomingCount(me), "a suspension counts at once");
        assertEquals(
                List.of(ok),
                r.friends().incoming(me).stream()
                        .map(FriendService.Request::fromId)
                        .toList());
        assertEquals(List.of(), r.friends().outgoing(me));
        r.members().setStatus(s, MemberStatus.ACTIVE);
        assertEquals(2, r.friends().incomingCount(me), "a lifted suspension brings the request back");
        assertEquals(2, r.friends().incoming(me).size());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void friendListsCountsAndFriendsOfFriendsLeaveInactiveMembersOutAtOnce(TestDb db) {
        Rig r = Rig.of(db);
        long me = TestMembers.create(db.database(), "わたし");
        long mid = TestMembers.create(db.database(), "なかま");
        long far = TestMembers.create(db.database(), "とおく");
        TestMembers.befriend(db.database(), me, mid);
        TestMembers.befriend(db.database(), mid, far);
        db.database().changes().resetAll();
        assertEquals(Relation.FRIEND_OF_FRIEND, r.graph().relation(far, me));
        assertTrue(r.access().canSee(far, me, Visibility.FRIENDS_OF_FRIENDS));
        assertEquals(1, r.friends().friendsCount(me));
        r.members().setStatus(mid, MemberStatus.SUSPENDED);
        assertEquals(Relation.MEMBER, r.graph().relation(far, me), "not through a suspended friend");
        assertFalse(r.access().canSee(far, me, Visibility.FRIENDS_OF_FRIENDS));
        assertTrue(r.access().canSee(far, me, Visibility.EVERYONE));
        assertEquals(0, r.friends().friendsCount(me));
        assertEquals(List.of(), r.friends().friends(me, 0, 10));
        assertEquals(0, r.access().visibleFriends(me).length);
        assertEquals(Set.of(), r.access().canSeeAmong(far, List.of(me), Visibility.FRIENDS_OF_FRIENDS));
        r.members().setStatus(mid, MemberStatus.ACTIVE);
        assertEquals(Relation.FRIEND_OF_FRIEND, r.graph().relation(far, me), "back once the suspension is lifted");
        assertEquals(1, r.friends().friendsCount(me));
        r.members().setStatus(mid, MemberStatus.WITHDRAWN);
        assertEquals(Relation.MEMBER, r.graph().relation(far, me), "not through a withdrawn friend");
        assertEquals(Relation.MEMBER, db.database().tx(em -> r.graph().relation(far, me)), "inside a transaction too");
        assertEquals(0, r.friends().friendsCount(me));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void confirmationPagesShowNothingOfInactiveMembersOrOfThoseWhoBlockedTheViewer(TestDb db) {
        Rig r = Rig.of(db);
        long me = TestMembers.create(db.database(), "わたし");
        long other = TestMembers.create(db.database(), "ほか");
        long blocksMe = TestMembers.create(db.database(), "ブロック中");
        long blockedByMe = TestMembers.create(db.database(), "ブロックした");
        long suspended = TestMembers.create(db.database(), "停止");
        long withdrawn = TestMembers.create(db.database(), "退会");
        r.friends().block(blocksMe, me);
        r.friends().block(me, blockedByMe);
        r.members().setStatus(suspended, MemberStatus.SUSPENDED);
        r.members().setStatus(withdrawn, MemberStatus.WITHDRAWN);
        assertTrue(r.friends().shownTo(me, other).isPresent());
        assertTrue(r.friends().shownTo(me, me).isPresent());
        assertTrue(r.friends().shownTo(me, blockedByMe).isPresent(), "one's own block hides nobody from oneself");
        assertFalse(r.friends().shownTo(me, blocksMe).isPresent(), "blocked the viewer");
        assertFalse(r.friends().shownTo(me, suspended).isPresent(), "suspended");
        assertFalse(r.friends().shownTo(me, withdrawn).isPresent(), "withdrawn");
        assertFalse(r.friends().shownTo(me, 999_999_999L).isPresent(), "no such member");
    }
}

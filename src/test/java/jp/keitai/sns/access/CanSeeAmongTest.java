package jp.keitai.sns.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.PreparedStatement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bulk question {@link AccessPolicy#canSeeAmong} gives, for every viewer and level, exactly the owners the single
 * question {@link AccessPolicy#canSee} allows: self, friend, friend of a friend, other member, guest, a block either
 * way, suspended and withdrawn owners.
 */
class CanSeeAmongTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theBulkAnswerIsTheSingleAnswerForEveryViewerOwnerAndLevel(TestDb db) {
        Database d = db.database();
        MemberService members = new MemberService(d);
        AccessPolicy policy = new AccessPolicy(new FriendGraph(d), members);
        long me = member(d, "me");
        long friend = member(d, "friend");
        long fof = member(d, "fof");
        long other = member(d, "other");
        long blockedByMe = member(d, "blockedByMe");
        long blocksMe = member(d, "blocksMe");
        long suspended = member(d, "suspended");
        long withdrawn = member(d, "withdrawn");
        friends(d, me, friend);
        friends(d, friend, fof);
        friends(d, me, blockedByMe);
        friends(d, friend, blocksMe);
        friends(d, me, suspended);
        friends(d, me, withdrawn);
        block(d, me, blockedByMe);
        block(d, blocksMe, me);
        members.setStatus(suspended, MemberStatus.SUSPENDED);
        d.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member set status = ? where id = ?")) {
                ps.setString(1, MemberStatus.WITHDRAWN.name());
                ps.setLong(2, withdrawn);
                return ps.executeUpdate();
            }
        });
        List<Long> everyone = List.of(me, friend, fof, other, blockedByMe, blocksMe, suspended, withdrawn);

        for (Long viewer : new Long[] {me, friend, fof, other, blockedByMe, blocksMe, null}) {
            for (Visibility level : Visibility.values()) {
                Set<Long> single = new LinkedHashSet<>();
                for (long owner : everyone) {
                    if (policy.canSee(viewer, owner, level)) {
                        single.add(owner);
                    }
                }
                assertEquals(
                        single, policy.canSeeAmong(viewer, everyone, level), "viewer " + viewer + ", level " + level);
            }
        }
        assertEquals(Set.of(me, friend), policy.canSeeAmong(me, everyone, Visibility.FRIENDS), "a spot check");

        // the same answers from a node whose member cards are all cold, and from one where only some are in memory
        MemberService cold = new MemberService(d);
        MemberService half = new MemberService(d);
        List.of(friend, suspended, other).forEach(half::isActive);
        for (MemberService m : List.of(cold, half)) {
            AccessPolicy p = new AccessPolicy(new FriendGraph(d), m);
            for (Visibility level : Visibility.values()) {
                assertEquals(policy.canSeeAmong(fof, everyone, level), p.canSeeAmong(fof, everyone, level));
                assertEquals(policy.canSeeAmong(me, everyone, level), p.canSeeAmong(me, everyone, level));
            }
        }
        Set<Long> ids = new LinkedHashSet<>(everyone);
        ids.add(-1L); // no such member
        members.retainActive(ids);
        assertEquals(Set.of(me, friend, fof, other, blockedByMe, blocksMe), ids);
        long[] all = {me, friend, fof, -1L, suspended, other, withdrawn};
        assertArrayEquals(
                new long[] {me, friend, fof, other}, members.active(all), "in order, the unknown id left out");
        long[] allActive = {me, friend, fof};
        assertSame(allActive, members.active(allActive), "nothing to drop: the same array");

        // visibleFriends is canSeeAmong for the viewer's friends at FRIENDS, as an ascending array: on a warm node,
        // cold and half-warm ones, and inside a transaction (read from the database)
        for (MemberService m : List.of(members, new MemberService(d), half)) {
            AccessPolicy p = new AccessPolicy(new FriendGraph(d), m);
            for (long viewer : everyone) {
                long[] expected =
                        policy.canSeeAmong(viewer, new FriendGraph(d).friendIds(viewer), Visibility.FRIENDS).stream()
                                .mapToLong(Long::longValue)
                                .sorted()
                                .toArray();
                assertArrayEquals(expected, p.visibleFriends(viewer), "viewer " + viewer);
                assertArrayEquals(expected, d.tx(em -> p.visibleFriends(viewer)), "in a transaction, viewer " + viewer);
            }
        }
        assertArrayEquals(new long[] {friend}, policy.visibleFriends(me), "a spot check: blocks and suspensions gone");
    }

    static long member(Database d, String nickname) {
        return d.tx(em -> {
            Member m = new Member(nickname, "not-a-hash", Role.MEMBER, Clock.now());
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    static void friends(Database d, long a, long b) {
        TestMembers.befriend(d, a, b);
    }

    static void block(Database d, long blocker, long blocked) {
        TestMembers.block(d, blocker, blocked);
    }
}

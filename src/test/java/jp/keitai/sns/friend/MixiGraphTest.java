package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** mixiGraph on H2 and PostgreSQL: who is drawn, the mutual friends, "you may know", blocks and suspensions. */
class MixiGraphTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void drawsFriendsAndFriendsOfFriendsAndSuggestsByCommonFriends(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long me = rig.member("わたし");
        long a = rig.member("あ");
        long b = rig.member("い");
        long c = rig.member("う");
        long x = rig.member("えええええええええええ"); // long nickname
        long y = rig.member("お");
        long blocker = rig.member("ぶろっく");
        long gone = rig.member("ていし");
        rig.befriend(me, a);
        rig.befriend(me, b);
        rig.befriend(me, c);
        rig.befriend(a, x);
        rig.befriend(b, x);
        rig.befriend(c, y);
        rig.befriend(a, b);
        rig.befriend(a, blocker);
        rig.befriend(b, gone);
        rig.block(blocker, me);
        rig.suspend(gone);
        MixiGraph graph = new MixiGraph(db.database(), rig.graph(), rig.members());

        MixiGraph.Picture mine = graph.picture(me, me);
        assertEquals(me, mine.center().id());
        assertEquals(Set.of(a, b, c), ids(mine, 1));
        assertEquals(Set.of(x, y), ids(mine, 2), "the blocker and the suspended member are not drawn");
        assertEquals(3, mine.friendCount());
        assertEquals(
                List.of(x, y),
                mine.mayKnow().stream().map(MixiGraph.Person::id).toList(),
                "x shares two friends with me, y one");
        assertEquals(2, mine.mayKnow().get(0).commonCount());
        assertEquals(3, mine.mutual().size(), "on one's own graph: all friends");
        assertTrue(mine.innerPath().startsWith("M240 240L"));
        assertEquals(
                "えええええええ…",
                mine.nodes().stream()
                        .filter(n -> n.id() == x)
                        .findFirst()
                        .orElseThrow()
                        .label());
        assertEquals("0 0 " + mine.size() + " " + mine.size(), mine.viewBox(), "four numbers: the whole picture");
        for (MixiGraph.Node n : mine.nodes()) {
            assertTrue(n.x() >= 0 && n.x() <= mine.size() && n.y() >= 0 && n.y() <= mine.size(), n.toString());
        }

        // x looks at a's graph: shares b with a; may know me (through a and b) and a's other friend (that block is
        // between them and me, not x)
        MixiGraph.Picture ofA = graph.picture(x, a);
        assertEquals(List.of(b), ofA.mutual().stream().map(MixiGraph.Person::id).toList());
        assertEquals(
                List.of(me, blocker),
                ofA.mayKnow().stream().map(MixiGraph.Person::id).toList());
        assertEquals(2, ofA.mayKnow().get(0).commonCount());
    }

    /**
     * Nobody is reached through a suspended or withdrawn friend: not drawn on the outer ring, not suggested, and the
     * inactive friends themselves neither drawn nor counted.
     */
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void nobodyIsReachedThroughAnInactiveFriend(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long me = rig.member("わたし");
        long a = rig.member("あ");
        long s = rig.member("ていし");
        long w = rig.member("たいかい");
        long viaS = rig.member("停止の友人");
        long viaW = rig.member("退会の友人");
        long viaBoth = rig.member("両方");
        rig.befriend(me, a);
        rig.befriend(me, s);
        rig.befriend(me, w);
        rig.befriend(s, viaS);
        rig.befriend(w, viaW);
        rig.befriend(s, viaBoth);
        rig.befriend(a, viaBoth);
        MixiGraph graph = new MixiGraph(db.database(), rig.graph(), rig.members());
        assertEquals(Set.of(viaS, viaW, viaBoth), ids(graph.picture(me, me), 2), "all active: all drawn");
        rig.suspend(s);
        rig.update("update member set status = 'WITHDRAWN' where id = ?", w);

        MixiGraph.Picture mine = graph.picture(me, me);
        assertEquals(Set.of(a), ids(mine, 1));
        assertEquals(Set.of(viaBoth), ids(mine, 2), "only through the active friend");
        assertEquals(1, mine.friendCount());
        assertEquals(
                List.of(viaBoth),
                mine.mayKnow().stream().map(MixiGraph.Person::id).toList());
        assertEquals(1, mine.mayKnow().get(0).commonCount(), "the suspended friend in common is not counted");
    }

    private static Set<Long> ids(MixiGraph.Picture p, int ring) {
        return p.nodes().stream()
                .filter(n -> n.ring() == ring)
                .map(MixiGraph.Node::id)
                .collect(Collectors.toSet());
    }
}

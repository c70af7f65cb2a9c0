package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.testsupport.TestDb;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link FriendGraph} against a brute-force computation on random graphs, on H2 and on PostgreSQL: every question
 * (friends, friends of friends, relation, blocks, friend lists and counts, within two steps, everyone blocked either
 * way) for every pair of members, answered from memory (outside a transaction) and from the database (inside one,
 * where the graph asks {@link FriendStore}); so the cached and the uncached answers are equal. Some members are
 * suspended or withdrawn: nobody passes through them (friend lists and counts leave them out, a friend of a friend is
 * one through an active friend).
 */
class FriendGraphPropertyTest {

    static final int N = 10;

    static final Map<String, TestDb> DBS = new LinkedHashMap<>();
    static final Map<String, long[]> IDS = new LinkedHashMap<>();

    @BeforeContainer
    static void open() {
        DBS.put("H2", TestDb.h2());
        if (!Boolean.getBoolean("it.skip.postgresql")) {
            DBS.put("PostgreSQL", TestDb.postgresql());
        }
        DBS.forEach((name, db) -> {
            GraphRig rig = new GraphRig(db.database());
            long[] ids = new long[N];
            for (int i = 0; i < N; i++) {
                ids[i] = rig.member("m" + i);
            }
            IDS.put(name, ids);
        });
    }

    @AfterContainer
    static void close() {
        DBS.values().forEach(TestDb::close);
        DBS.clear();
    }

    /** Pairs as i * N + j; i == j is dropped, (i, j) and (j, i) are the same friendship. */
    @Provide
    Arbitrary<Set<Integer>> pairs() {
        return Arbitraries.integers().between(0, N * N - 1).set().ofMaxSize(N * N / 2);
    }

    /** Each member's status: 0 suspended, 1 withdrawn, anything else active. */
    @Provide
    Arbitrary<List<Integer>> statuses() {
        return Arbitraries.integers().between(0, 5).list().ofSize(N);
    }

    @Property(tries = 60)
    void everyAnswerMatchesBruteForce(
            @ForAll("pairs") Set<Integer> friendships,
            @ForAll("pairs") Set<Integer> blocks,
            @ForAll("statuses") List<Integer> statuses) {
        boolean[] active = new boolean[N];
        for (int i = 0; i < N; i++) {
            active[i] = statuses.get(i) > 1;
        }
        boolean[][] friend = new boolean[N][N];
        boolean[][] blocked = new boolean[N][N];
        for (int p : friendships) {
            int i = p / N;
            int j = p % N;
            if (i != j) {
                friend[i][j] = true;
                friend[j][i] = true;
            }
        }
        for (int p : blocks) {
            if (p / N != p % N && p % 3 == 0) { // fewer blocks than friendships
                blocked[p / N][p % N] = true;
            }
        }
        for (Map.Entry<String, TestDb> e : DBS.entrySet()) {
            check(e.getKey(), e.getValue(), IDS.get(e.getKey()), friend, blocked, statuses, active);
        }
    }

    private static void check(
            String name,
            TestDb db,
            long[] ids,
            boolean[][] friend,
            boolean[][] blocked,
            List<Integer> statuses,
            boolean[] active) {
        GraphRig rig = new GraphRig(db.database());
        rig.update("delete from friendship");
        rig.update("delete from member_block");
        rig.update("update member set status = 'ACTIVE'");
        for (int i = 0; i < N; i++) {
            if (statuses.get(i) == 0) {
                rig.update("update member set status = 'SUSPENDED' where id = ?", ids[i]);
            } else if (statuses.get(i) == 1) {
                rig.update("update member set status = 'WITHDRAWN' where id = ?", ids[i]);
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                if (friend[i][j]) {
                    rig.befriend(ids[i], ids[j]);
                }
            }
            for (int j = 0; j < N; j++) {
                if (blocked[i][j]) {
                    rig.block(ids[i], ids[j]);
                }
            }
        }
        FriendGraph graph = rig.graph();
        answers(name + " (memory)", graph, ids, friend, blocked, active);
        db.database().tx(em -> {
            answers(name + " (database)", graph, ids, friend, blocked, active);
            return null;
        });
    }

    private static void answers(
            String name, FriendGraph graph, long[] ids, boolean[][] friend, boolean[][] blocked, boolean[] active) {
        for (int a = 0; a < N; a++) {
            List<Long> friends = new ArrayList<>();
            Set<Long> twoSteps = new TreeSet<>();
            Set<Long> blocks = new TreeSet<>();
            for (int b = 0; b < N; b++) {
                boolean viaSomeone = false;
                for (int c = 0; c < N; c++) {
                    viaSomeone |= friend[a][c] && friend[c][b] && active[c];
                }
                boolean fof = a != b && viaSomeone;
                Relation expected = a == b
                        ? Relation.SELF
                        : friend[a][b] ? Relation.FRIEND : fof ? Relation.FRIEND_OF_FRIEND : Relation.MEMBER;
                String where = name + ": m" + a + " → m" + b;
                assertEquals(friend[a][b], graph.areFriends(ids[a], ids[b]), where + " areFriends");
                assertEquals(fof, graph.areFriendsOfFriends(ids[a], ids[b]), where + " areFriendsOfFriends");
                assertEquals(expected, graph.relation(ids[a], ids[b]), where + " relation");
                assertEquals(blocked[a][b], graph.hasBlocked(ids[a], ids[b]), where + " hasBlocked");
                assertEquals(
                        blocked[a][b] || blocked[b][a],
                        graph.blockedEitherWay(ids[a], ids[b]),
                        where + " blockedEitherWay");
                if (friend[a][b] && active[b]) {
                    friends.add(ids[b]);
                }
                if (blocked[a][b] || blocked[b][a]) {
                    blocks.add(ids[b]);
                }
                if (a != b && (friend[a][b] || viaSomeone)) {
                    twoSteps.add(ids[b]);
                }
            }
            assertEquals(Relation.GUEST, graph.relation(null, ids[a]));
            assertEquals(friends, graph.friendIds(ids[a]), name + ": friends of m" + a);
            assertEquals(friends.size(), graph.friendCount(ids[a]), name + ": friend count of m" + a);
            assertEquals(
                    friends,
                    java.util.Arrays.stream(graph.friendIdArray(ids[a])).boxed().toList(),
                    name + ": friend array of m" + a);
            assertEquals(
                    List.copyOf(blocks),
                    java.util.Arrays.stream(graph.blockedIds(ids[a])).boxed().toList(),
                    name + ": blocked ids of m" + a);
            assertEquals(twoSteps, new TreeSet<>(graph.withinTwoSteps(ids[a])), name + ": two steps of m" + a);
            assertEquals(blocks, new TreeSet<>(graph.blockedEitherWay(ids[a])), name + ": blocks of m" + a);
            // the same answer restricted to a candidate list: every other member, and every second one
            List<Long> everyone = new ArrayList<>();
            List<Long> half = new ArrayList<>();
            for (int b = 0; b < ids.length; b++) {
                everyone.add(ids[b]);
                if (b % 2 == 0) {
                    half.add(ids[b]);
                }
            }
            assertEquals(
                    twoSteps, new TreeSet<>(graph.withinTwoStepsAmong(ids[a], everyone)), name + ": among all, m" + a);
            TreeSet<Long> halfExpected = new TreeSet<>(twoSteps);
            halfExpected.retainAll(half);
            assertEquals(
                    halfExpected, new TreeSet<>(graph.withinTwoStepsAmong(ids[a], half)), name + ": among half, m" + a);
        }
    }
}

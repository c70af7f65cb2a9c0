package jp.keitai.sns.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The visibility matrix at service level, on H2 and PostgreSQL: random friend graphs with blocks and suspended
 * members (jqwik), every member writing a diary with a photo at each of the four levels, and every viewer (each
 * member and a guest) asked on every surface the service offers — the diary, its page and JSON, its photo, the
 * member's list, count and monthly archive, friends' latest diaries on /home, commenting, and the comment notice mail.
 * Expectations come from the rules written out here, not from {@code AccessPolicy}.
 */
class DiaryVisibilityTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final byte[] PHOTO = DiaryRig.image(8, 6, "png");
    private static List<TestDb> dbs;
    private static List<DiaryRig> rigs;

    @BeforeContainer
    static void open() {
        dbs = new ArrayList<>();
        dbs.add(TestDb.h2());
        if (!Boolean.getBoolean("it.skip.postgresql")) {
            dbs.add(TestDb.postgresql());
        }
        rigs = dbs.stream().map(db -> new DiaryRig(db.database())).toList();
    }

    @AfterContainer
    static void close() {
        dbs.forEach(TestDb::close);
    }

    /** A friend graph over n members: friend and block relations (i ≠ j) and suspended members. */
    record Graph(int n, boolean[][] friend, boolean[][] block, boolean[] suspended) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("n=" + n);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (friend[i][j]) {
                        b.append(" ").append(i).append("~").append(j);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (block[i][j]) {
                        b.append(" ").append(i).append("⊘").append(j);
                    }
                }
                if (suspended[i]) {
                    b.append(" suspended:").append(i);
                }
            }
            return b.toString();
        }
    }

    @Provide
    Arbitrary<Graph> graphs() {
        return Arbitraries.integers().between(3, 7).flatMap(n -> Arbitraries.integers()
                .between(0, 99)
                .list()
                .ofSize(n * n)
                .map(r -> {
                    boolean[][] friend = new boolean[n][n];
                    boolean[][] block = new boolean[n][n];
                    boolean[] suspended = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        suspended[i] = r.get(i * n + i) < 8;
                        for (int j = 0; j < n; j++) {
                            int x = r.get(i * n + j);
                            if (i < j && x < 40) {
                                friend[i][j] = friend[j][i] = true;
                            }
                            if (i != j && x >= 90) {
                                block[i][j] = true;
                            }
                        }
                    }
                    return new Graph(n, friend, block, suspended);
                }));
    }

    @Property(tries = 10, seed = "20261130")
    void everySurfaceFollowsTheRulesOnRandomGraphs(@ForAll("graphs") Graph g) {
        rigs.forEach(rig -> check(rig, g));
    }

    /**
     * The named matrix: 0 author, 1 friend, 2 friend of friend (through 1), 3 stranger member, 4 blocked (by the
     * author) though a friend, 5 who blocked the author; the guest is asked too.
     */
    @Example
    void theNamedRoles() {
        int n = 6;
        boolean[][] friend = new boolean[n][n];
        boolean[][] block = new boolean[n][n];
        friend[0][1] = friend[1][0] = true;
        friend[1][2] = friend[2][1] = true;
        friend[0][4] = friend[4][0] = true;
        block[0][4] = true;
        block[5][0] = true;
        rigs.forEach(rig -> check(rig, new Graph(n, friend, block, new boolean[n])));
    }

    private static Set<Visibility> expected(Graph g, Integer viewer, int owner) {
        if (viewer == null) {
            return EnumSet.noneOf(Visibility.class);
        }
        if (viewer == owner) {
            return EnumSet.allOf(Visibility.class);
        }
        if (g.suspended()[owner] || g.block()[viewer][owner] || g.block()[owner][viewer]) {
            return EnumSet.noneOf(Visibility.class);
        }
        if (g.friend()[viewer][owner]) {
            return EnumSet.of(Visibility.FRIENDS, Visibility.FRIENDS_OF_FRIENDS, Visibility.EVERYONE);
        }
        for (int k = 0; k < g.n(); k++) {
            if (g.friend()[viewer][k] && g.friend()[k][owner]) {
                return EnumSet.of(Visibility.FRIENDS_OF_FRIENDS, Visibility.EVERYONE);
            }
        }
        return EnumSet.of(Visibility.EVERYONE);
    }

    private static boolean canDeal(Graph g, Integer viewer, int owner) {
        if (viewer == null) {
            return false;
        }
        return viewer == owner || !(g.suspended()[owner] || g.block()[viewer][owner] || g.block()[owner][viewer]);
    }

    private static void check(DiaryRig rig, Graph g) {
        int run = SEQ.incrementAndGet();
        long[] id = new long[g.n()];
        String[] mail = new String[g.n()];
        for (int i = 0; i < g.n(); i++) {
            mail[i] = "v" + run + "." + i + "@docomo.ne.jp";
            id[i] = rig.member("m" + i, mail[i]);
            rig.diaries.saveSettings(id[i], "friends", true);
        }
        for (int i = 0; i < g.n(); i++) {
            for (int j = 0; j < g.n(); j++) {
                if (i < j && g.friend()[i][j]) {
                    rig.friends(id[i], id[j]);
                }
                if (g.block()[i][j]) {
                    rig.block(id[i], id[j]);
                }
            }
        }
        // diaries first, then suspensions (a suspended member cannot post)
        long[][] diary = new long[g.n()][Visibility.values().length];
        for (int i = 0; i < g.n(); i++) {
            for (Visibility v : Visibility.values()) {
                diary[i][v.ordinal()] =
                        rig.diaries.create(id[i], "t" + i + v.value(), "本文☀️", v.value(), List.of(PHOTO), false);
            }
        }
        for (int i = 0; i < g.n(); i++) {
            if (g.suspended()[i]) {
                rig.suspend(id[i]);
            }
        }
        List<Integer> viewers = new ArrayList<>();
        for (int i = 0; i < g.n(); i++) {
            viewers.add(i);
        }
        viewers.add(null);
        int[] comments = new int[g.n() * Visibility.values().length];
        for (Integer v : viewers) {
            Long viewer = v == null ? null : id[v];
            String who = rig.database.isPostgresql() + " " + g + " viewer " + v;
            Set<Long> home = viewer == null
                    ? Set.of()
                    : rig.diaries.friendsLatest(viewer, 1000).stream()
                            .map(DiaryViews.Entry::getId)
                            .collect(Collectors.toSet());
            for (int o = 0; o < g.n(); o++) {
                Set<Visibility> levels = expected(g, v, o);
                String at = who + " owner " + o;
                Optional<DiaryViews.ListPage> list = rig.reader.list(viewer, id[o], null, 1);
                assertEquals(canDeal(g, v, o), list.isPresent(), at + " list");
                Set<Long> listed = list.map(l -> l.getEntries().stream()
                                .map(DiaryViews.Entry::getId)
                                .collect(Collectors.toSet()))
                        .orElse(Set.of());
                assertEquals(levels.size(), rig.reader.count(viewer, id[o]), at + " count");
                assertEquals(
                        levels.size(),
                        list.map(DiaryViews.ListPage::getTotalCount).orElse(0L),
                        at + " total");
                assertEquals(
                        levels.size(),
                        list.map(l -> l.getMonths().stream()
                                        .mapToLong(DiaryViews.Month::getCount)
                                        .sum())
                                .orElse(0L),
                        at + " archive");
                for (Visibility level : Visibility.values()) {
                    long d = diary[o][level.ordinal()];
                    boolean see = levels.contains(level);
                    String here = at + " " + level;
                    assertEquals(see, rig.reader.visible(viewer, d).isPresent(), here + " visible");
                    assertEquals(see, rig.reader.page(viewer, d).isPresent(), here + " page");
                    assertEquals(see, rig.reader.json(viewer, d).isPresent(), here + " json");
                    assertEquals(
                            see,
                            rig.reader
                                    .photo(viewer, d, 1, PhotoStore.Size.KEITAI, List.of("gif", "jpeg"))
                                    .isPresent(),
                            here + " photo");
                    assertEquals(see, listed.contains(d), here + " listed");
                    boolean onHome = v != null && v != o && g.friend()[v][o] && see;
                    assertEquals(onHome, home.contains(d), here + " home");
                    if (viewer != null) {
                        boolean commented = commented(rig, viewer, d);
                        assertEquals(see, commented, here + " comment");
                        if (commented) {
                            comments[o * Visibility.values().length + level.ordinal()]++;
                        }
                    }
                }
            }
        }
        // what each author sees on their own diaries: every comment made; notices mailed to the author only
        for (int o = 0; o < g.n(); o++) {
            int noticed = 0;
            for (Visibility level : Visibility.values()) {
                int made = comments[o * Visibility.values().length + level.ordinal()];
                DiaryViews.Page page =
                        rig.reader.page(id[o], diary[o][level.ordinal()]).orElseThrow();
                assertEquals(made, page.getComments().size());
                assertEquals(made, page.getDiary().getCommentCount());
                long self = id[o];
                noticed += (int) page.getComments().stream()
                        .filter(c -> c.getAuthorId() != self)
                        .count();
            }
            assertEquals(noticed, rig.outboxTo(mail[o]).size(), "comment notices to " + o);
        }
    }

    private static boolean commented(DiaryRig rig, long viewer, long diary) {
        try {
            rig.comments.comment(viewer, diary, "こんにちは");
            return true;
        } catch (Refused e) {
            return false;
        }
    }
}

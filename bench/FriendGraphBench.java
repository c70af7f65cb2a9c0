import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongBinaryOperator;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;

/**
 * Friends-of-friends check on PostgreSQL with 100,000 members, each with exactly 45 friends (a circulant graph with 22
 * random offsets plus the opposite member: 4,500,000 friendship rows). Times FriendGraph.areFriendsOfFriends and
 * FriendGraph.relation for member 1 (45 friends, whose friends have 45 each) against members two steps away (found)
 * and far away (every one of the 45 friends probed), through the application's own pool, one call at a time.
 *
 * <p>Run with bench/friend-graph.sh (builds, then runs this file with the project's classpath). Not a test.
 */
public class FriendGraphBench {

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final int CALLS = Integer.getInteger("bench.calls", 20_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);

    public static void main(String[] args) throws Exception {
        String admin = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("bench.pg.user", "postgres");
        String name = System.getProperty("bench.pg.database", "keitai_sns_bench_friend");
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        boolean fresh = Boolean.getBoolean("bench.fresh");
        try (Connection c = DriverManager.getConnection(admin, user, "");
                Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("drop database if exists " + name);
            }
            try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!r.next()) {
                    s.execute("create database " + name);
                }
            }
        }
        Map<String, String> settings = Map.of("sns.db.url", url, "sns.db.user", user);
        try (Database db = Database.open(Settings.load(k -> Optional.ofNullable(settings.get(k))))) {
            load(db);
            FriendGraph graph = new FriendGraph(db);
            long me = 1;
            List<Long> friends = graph.friendIds(me);
            Set<Long> near = new LinkedHashSet<>();
            for (long f : friends) {
                near.addAll(graph.friendIds(f));
            }
            near.removeAll(friends);
            near.remove(me);
            long[] twoSteps = near.stream().mapToLong(Long::longValue).toArray();
            Random random = new Random(7);
            long[] far = new long[1000];
            for (int i = 0; i < far.length; ) {
                long b = 2 + random.nextInt(MEMBERS - 1);
                if (!near.contains(b) && !friends.contains(b)) {
                    far[i++] = b;
                }
            }
            System.out.printf(
                    "members %,d; member 1 has %d friends, %,d friends of friends; friends' friend counts %d..%d%n",
                    MEMBERS,
                    friends.size(),
                    twoSteps.length,
                    friends.stream().mapToInt(graph::friendCount).min().orElse(0),
                    friends.stream().mapToInt(graph::friendCount).max().orElse(0));
            LongBinaryOperator fof = (a, b) -> graph.areFriendsOfFriends(a, b) ? 1 : 0;
            LongBinaryOperator rel =
                    (a, b) -> graph.relation(a, b) == jp.keitai.sns.access.Relation.FRIEND_OF_FRIEND ? 1 : 0;
            time("warm-up (not reported)", fof, me, twoSteps, far, WARMUP);
            time("areFriendsOfFriends(1, friend of a friend)", fof, me, twoSteps, null, CALLS);
            time("areFriendsOfFriends(1, not within two steps)", fof, me, far, null, CALLS);
            time("relation(1, friend of a friend)", rel, me, twoSteps, null, CALLS);
            time("relation(1, not within two steps)", rel, me, far, null, CALLS);
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("explain analyze select 1 from friendship x join friendship y"
                            + " on y.member_id = x.friend_id where x.member_id = 1 and y.friend_id = " + far[0]
                            + " fetch first 1 rows only")) {
                System.out.println("plan for a miss (every friend probed):");
                while (r.next()) {
                    System.out.println("  " + r.getString(1));
                }
            }
        }
    }

    static void time(String what, LongBinaryOperator op, long me, long[] targets, long[] more, int calls) {
        long[] ns = new long[calls];
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            long[] from = more != null && i % 2 == 1 ? more : targets;
            long b = from[i % from.length];
            long t = System.nanoTime();
            sink += op.applyAsLong(me, b);
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        if (!what.startsWith("warm-up")) {
            System.out.printf(
                    "%-48s calls %,d  median %.3f ms  p90 %.3f ms  p99 %.3f ms  (answered friend of a friend: %,d)%n",
                    what,
                    calls,
                    ns[calls / 2] / 1e6,
                    ns[calls * 9 / 10] / 1e6,
                    ns[calls * 99 / 100] / 1e6,
                    sink);
        }
    }

    /** Members 1..N and a 45-regular friend graph, unless already there. */
    static void load(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select count(*) from member")) {
                r.next();
                if (r.getLong(1) == MEMBERS) {
                    System.out.println("data already loaded (run with -Dbench.fresh=true to rebuild)");
                    return;
                }
            }
            long t0 = System.nanoTime();
            s.execute("truncate friendship, member cascade");
            s.execute("insert into member (id, nickname, password_hash, role, status, created_at)"
                    + " select g, 'bench' || g, 'x', 'MEMBER', 'ACTIVE', now() from generate_series(1, " + MEMBERS
                    + ") g");
            // the rows are known to be consistent: skip the per-row foreign key checks while loading
            s.execute("alter table friendship drop constraint friendship_pkey");
            s.execute("set session_replication_role = replica");
            Random random = new Random(42);
            Set<Integer> offsets = new LinkedHashSet<>();
            while (offsets.size() < 22) {
                offsets.add(1 + random.nextInt(MEMBERS / 2 - 1));
            }
            List<Integer> all = new ArrayList<>(offsets);
            for (int o : all) {
                // i <-> i + o (mod N), both directions
                s.execute("insert into friendship (member_id, friend_id, created_at) select g, (g - 1 + " + o + ") % "
                        + MEMBERS + " + 1, now() from generate_series(1, " + MEMBERS + ") g");
                s.execute("insert into friendship (member_id, friend_id, created_at) select (g - 1 + " + o + ") % "
                        + MEMBERS + " + 1, g, now() from generate_series(1, " + MEMBERS + ") g");
            }
            // and the opposite member: i <-> i + N/2 gives both directions in one pass
            s.execute("insert into friendship (member_id, friend_id, created_at) select g, (g - 1 + " + MEMBERS / 2
                    + ") % " + MEMBERS + " + 1, now() from generate_series(1, " + MEMBERS + ") g");
            s.execute("set session_replication_role = origin");
            s.execute("alter table friendship add primary key (member_id, friend_id)");
            s.execute("select setval(pg_get_serial_sequence('member', 'id'), " + MEMBERS + ")");
            s.execute("vacuum analyze friendship");
            s.execute("vacuum analyze member");
            System.out.printf(
                    "loaded %,d members and %,d friendship rows in %.0f s (offsets %s)%n",
                    MEMBERS,
                    45L * MEMBERS,
                    (System.nanoTime() - t0) / 1e9,
                    all);
        }
    }
}

// Loads a benchmark dataset at Mixi's shape into PostgreSQL (COPY) or H2 (batched inserts).
// Run through bench/generate.sh, which builds the classpath; see bench/README.md.
//
//   java -cp target/classes:$(cat bench/out/classpath) bench/Generate.java \
//        --db jdbc:postgresql://127.0.0.1:5432/keitai_bench --user postgres --members 100000 --out bench/out
//
// The schema comes from the application's own Flyway migrations (system/Database). Every member gets one password
// ("bench-password") and a URL session whose token is written to <out>/sessions.txt for the wrk scripts.

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import jp.keitai.sns.member.Passwords;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import org.postgresql.PGConnection;

public class Generate {

    static final double MEAN_FRIENDS = 45.6;
    static final int MAX_FRIENDS = 1000;
    static final String[] WORDS = {
        "今日は", "会社の帰りに", "友だちと", "ラーメンを食べた", "雨が降って", "電車が遅れて", "猫がかわいい", "明日は休み",
        "新しいケータイ", "買い物に行った", "映画を見た", "眠い", "仕事が忙しい", "桜がきれい", "ライブ最高", "カラオケで",
        "ダイエット中", "ケーキ", "旅行の計画", "実家に帰った", "～", "①", "㈱", "ｶﾀｶﾅ", "☀", "☔", "❤", "😊", "🍜", "🐱"
    };

    final Map<String, String> args = new HashMap<>();
    /** Friends of each member by offset from the first generated id (for picking scenario pairs). */
    int[][] adjacency;
    /** Per generated diary (by offset from the first diary id): level index into LEVELS, and comment count. */
    byte[] diaryLevel;
    byte[] diaryComments;
    long firstDiary;
    final SplittableRandom random = new SplittableRandom(20110311);
    Connection c;
    boolean postgresql;

    public static void main(String[] argv) throws Exception {
        Generate g = new Generate();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            g.args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        g.run();
    }

    String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    void run() throws Exception {
        int n = Integer.parseInt(arg("members", "100000"));
        Path out = Path.of(arg("out", "bench/out"));
        Files.createDirectories(out);
        Map<String, String> settings = new HashMap<>();
        settings.put("sns.db.url", arg("db", ""));
        settings.put("sns.db.user", arg("user", "postgres"));
        settings.put("sns.db.password", arg("password", ""));
        settings.put("sns.data.dir", out.resolve("data").toString());
        long t0 = System.nanoTime();
        try (Database db = Database.open(Settings.load(k -> Optional.ofNullable(settings.get(k))))) {
            postgresql = db.isPostgresql();
            try (Connection conn = db.dataSource().getConnection()) {
                c = conn;
                c.setAutoCommit(false);
                long first = members(n, out);
                friendships(first, n);
                c.commit();
                diaries(first, n, Integer.parseInt(arg("diaries", "10")));
                voices(first, n, Integer.parseInt(arg("voices", "20")));
                footprints(first, n);
                communities(first, n, Integer.parseInt(arg("communities", "10000")));
                try (Statement s = c.createStatement()) {
                    if (postgresql) {
                        c.setAutoCommit(true);
                        s.execute("analyze");
                    }
                }
            }
        }
        System.out.printf("generated %d members in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    /** Members with one shared password hash, and a URL session each; returns the first member id. */
    long members(int n, Path out) throws Exception {
        String hash = Passwords.hash("bench-password");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long first;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from member")) {
            rs.next();
            first = rs.getLong(1);
        }
        Rows members = new Rows("member", "id", "nickname", "mobile_email", "password_hash", "role", "status",
                "created_at");
        Rows sessions = new Rows("member_session", "token_hash", "member_id", "csrf_token", "via_url", "created_at",
                "last_seen_at", "bound_to")
                .manual();
        Rows secrets = new Rows("posting_secret", "member_id", "kind", "secret", "created_at").manual();
        StringBuilder tokens = new StringBuilder();
        StringBuilder addresses = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long id = first + i;
            members.add(id, "ベンチ" + id, "bench" + id + "@docomo.ne.jp", hash, "MEMBER", "ACTIVE", now);
            String token = token(id);
            // bound as a docomo handset behind its gateway without an i-mode ID sends them (web.SessionBinding)
            sessions.add(sha256Hex(token), id, "csrf" + id, true, now, now, "docomo:gw");
            tokens.append(id).append(' ').append(token).append('\n');
            String d = secret(id, "diary"), v = secret(id, "voice");
            secrets.add(id, "diary", d, now);
            secrets.add(id, "voice", v, now);
            addresses.append(id).append(' ').append("bench" + id + "@docomo.ne.jp").append(' ').append(d).append(' ')
                    .append(v).append('\n');
        }
        members.flush();
        sessions.flush();
        secrets.flush();
        Files.writeString(out.resolve("addresses.txt"), addresses, StandardCharsets.UTF_8);
        restart("member", first + n);
        Files.writeString(out.resolve("sessions.txt"), tokens, StandardCharsets.UTF_8);
        System.out.println("members: " + n + ", sessions in " + out.resolve("sessions.txt"));
        return first;
    }

    /**
     * Friendships with a heavy-tailed degree distribution (Pareto, alpha 2, so the mean is twice the minimum),
     * paired by the configuration model: a list of "stubs", one per wanted friend, shuffled and matched.
     */
    void friendships(long first, int n) throws Exception {
        double alpha = 2.0;
        // 1.01: pairs lost to self-pairs, duplicates and the cap (at 100,000 members 1.00 gave a mean of 45.1)
        double xmin = 1.01 * MEAN_FRIENDS * (alpha - 1) / alpha;
        List<Long> stubs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int degree = (int) Math.min(MAX_FRIENDS, Math.round(xmin * Math.pow(1 - random.nextDouble(), -1 / alpha)));
            for (int k = 0; k < degree; k++) {
                stubs.add(first + i);
            }
        }
        for (int i = stubs.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = stubs.get(i);
            stubs.set(i, stubs.get(j));
            stubs.set(j, t);
        }
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        int[] degree = new int[n];
        List<Integer> pairA = new ArrayList<>();
        List<Integer> pairB = new ArrayList<>();
        Rows rows = new Rows("friendship", "member_id", "friend_id", "created_at");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long pairs = 0;
        for (int i = 0; i + 1 < stubs.size(); i += 2) {
            long a = stubs.get(i), b = stubs.get(i + 1);
            if (a == b || !seen.add(Math.min(a, b) * 4_000_000L + Math.max(a, b))) {
                continue;
            }
            rows.add(a, b, now);
            rows.add(b, a, now);
            degree[(int) (a - first)]++;
            degree[(int) (b - first)]++;
            pairA.add((int) (a - first));
            pairB.add((int) (b - first));
            pairs++;
        }
        rows.flush();
        adjacency = new int[n][];
        for (int i = 0; i < n; i++) {
            adjacency[i] = new int[degree[i]];
            degree[i] = 0;
        }
        for (int k = 0; k < pairA.size(); k++) {
            int a = pairA.get(k), b = pairB.get(k);
            adjacency[a][degree[a]++] = b;
            adjacency[b][degree[b]++] = a;
        }
        System.out.printf("friendships: %d (mean %.1f friends)%n", pairs, 2.0 * pairs / n);
    }

    String text(int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(5) == 0) {
                b.append("。");
            }
        }
        return b.toString();
    }

    static String token(long id) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(("bench-session-" + id).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    }

    /** A posting secret as the app makes them (16 characters of its alphabet), derived from the id. */
    static String secret(long id, String kind) throws Exception {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        byte[] d = MessageDigest.getInstance("SHA-256").digest((kind + id).getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt((d[i] & 0xff) % alphabet.length()));
        }
        return b.toString();
    }

    static String sha256Hex(String v) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8)));
    }

    static final String[] LEVELS = {"private", "friends", "friends", "friends", "friends_of_friends",
        "friends_of_friends", "friends_of_friends", "everyone", "everyone", "friends"};

    /** About {@code perMember} diaries each over the last year, all four levels, with numbered comments. */
    void diaries(long first, int n, int perMember) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = nextId("diary");
        firstDiary = id;
        diaryLevel = new byte[n * perMember];
        diaryComments = new byte[n * perMember];
        Rows diaries = new Rows("diary", "id", "author_id", "title", "body", "visibility", "month_jst",
                "comment_count", "next_comment_no", "via_mail", "created_at", "updated_at");
        Rows comments = new Rows("diary_comment", "diary_id", "number", "author_id", "body", "created_at").manual();
        long count = 0, commentCount = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < perMember; k++) {
                Instant at = now.minusSeconds(random.nextLong(365L * 24 * 3600));
                java.time.ZonedDateTime jst = at.atZone(java.time.ZoneId.of("Asia/Tokyo"));
                int ncomments = random.nextInt(4) == 0 ? random.nextInt(1, 8) : 0;
                int level = random.nextInt(LEVELS.length);
                diaryLevel[(int) (id - firstDiary)] = (byte) level;
                diaryComments[(int) (id - firstDiary)] = (byte) ncomments;
                diaries.add(id, first + i, text(2), text(20 + random.nextInt(60)), LEVELS[level],
                        jst.getYear() * 100 + jst.getMonthValue(), ncomments, ncomments + 1, random.nextInt(5) == 0,
                        at, at);
                for (int no = 1; no <= ncomments; no++) {
                    comments.add(id, no, first + random.nextInt(n), (no > 1 ? ">>" + (no - 1) + " " : "") + text(5),
                            at.plusSeconds(60L * no));
                    commentCount++;
                }
                id++;
                count++;
            }
            if (comments.pending > 100_000) {
                diaries.flush();
                comments.flush();
            }
        }
        diaries.flush();
        comments.flush();
        restart("diary", id);
        System.out.println("diaries: " + count + ", comments: " + commentCount);
        fofDiaries(first, n, perMember);
    }

    /**
     * Scenario 3's pairs: a viewer and a diary with comments kept at 友人の友人まで by a friend of a friend of the
     * viewer (not a friend), written to fof-diaries.txt as "viewer-token diary-id".
     */
    void fofDiaries(long first, int n, int perMember) throws Exception {
        StringBuilder out = new StringBuilder();
        int found = 0;
        for (int tries = 0; tries < n * 20 && found < 20_000; tries++) {
            int v = random.nextInt(n);
            if (adjacency[v].length == 0) {
                continue;
            }
            int f = adjacency[v][random.nextInt(adjacency[v].length)];
            if (adjacency[f].length == 0) {
                continue;
            }
            int g = adjacency[f][random.nextInt(adjacency[f].length)];
            if (g == v || java.util.Arrays.stream(adjacency[v]).anyMatch(x -> x == g)) {
                continue;
            }
            for (int k = 0; k < perMember; k++) {
                int d = g * perMember + k;
                if (LEVELS[diaryLevel[d]].equals("friends_of_friends") && diaryComments[d] > 0) {
                    out.append(token(first + v)).append(' ').append(firstDiary + d).append('\n');
                    found++;
                    break;
                }
            }
        }
        Files.writeString(Path.of(arg("out", "bench/out"), "fof-diaries.txt"), out, StandardCharsets.UTF_8);
        System.out.println("friend-of-friend diary pairs: " + found);
    }

    /** About {@code perMember} voices each, one in ten a reply, and some イイネ!. */
    void voices(long first, int n, int perMember) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = nextId("voice");
        long start = id;
        Rows voices = new Rows("voice", "id", "author_id", "body", "reply_to", "created_at");
        Rows likes = new Rows("voice_like", "voice_id", "member_id", "created_at").manual();
        java.util.HashSet<Long> liked = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < perMember; k++) {
                Instant at = now.minusSeconds(random.nextLong(30L * 24 * 3600));
                Long replyTo = id > start && random.nextInt(10) == 0 ? start + random.nextLong(id - start) : null;
                voices.add(id, first + i, text(3 + random.nextInt(6)), replyTo, at);
                if (random.nextInt(5) == 0) {
                    long who = first + random.nextInt(n);
                    if (liked.add(id * 4_000_000L + who)) {
                        likes.add(id, who, at.plusSeconds(30));
                    }
                }
                id++;
            }
            if (likes.pending > 100_000) {
                voices.flush();
                likes.flush();
                liked.clear();
            }
        }
        voices.flush();
        likes.flush();
        restart("voice", id);
        System.out.println("voices: " + (id - start));
    }

    /** A few footprints per member over the last week. */
    void footprints(long first, int n) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rows rows = new Rows("footprint", "visited_id", "visitor_id", "visited_at");
        long count = 0;
        for (int i = 0; i < n; i++) {
            int visits = random.nextInt(10);
            for (int k = 0; k < visits; k++) {
                long visitor = first + random.nextInt(n);
                if (visitor != first + i) {
                    rows.add(first + i, visitor, now.minusSeconds(random.nextLong(7L * 24 * 3600)));
                    count++;
                }
            }
        }
        rows.flush();
        System.out.println("footprints: " + count);
    }

    /**
     * コミュニティ (issue 23): {@code count} communities with heavy-tailed sizes (Pareto, alpha 1.3, at least 3
     * members), the first with 100,000 members (or all of them, if fewer); a fifth of them members-only. Each has a few
     * topics with comments; the big one has a topic with 1,000 comments. Writes community-topics.txt as "token
     * community-id topic-id", a member of the community and one of its topics (half of them the 1,000-comment topic),
     * for the {@code community} scenario.
     */
    void communities(long first, int n, int count) throws Exception {
        if (count <= 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long cid = nextId("community");
        long tid = nextId("community_topic");
        Rows communities = new Rows("community", "id", "name", "name_key", "category", "description", "join_policy",
                "topic_policy", "read_policy", "admin_id", "member_count", "topic_count", "last_activity_at",
                "created_at");
        Rows memberships = new Rows("community_member", "community_id", "member_id", "role", "volunteer",
                "joined_at").manual();
        Rows topics = new Rows("community_topic", "id", "community_id", "author_id", "title", "body", "is_event",
                "attendee_count", "comment_count", "hidden", "last_activity_at", "created_at", "updated_at").manual();
        Rows comments = new Rows("community_comment", "topic_id", "number", "author_id", "body", "deleted", "hidden",
                "via_mail", "created_at", "updated_at").manual();
        String[] categories = {"音楽", "映画", "本・マンガ", "スポーツ", "趣味", "地域", "学校", "会社・団体", "グルメ", "ペット",
            "ゲーム", "PC・インターネット", "その他"};
        StringBuilder pairs = new StringBuilder();
        long rows = 0, topicRows = 0, commentRows = 0;
        long bigTopic = -1;
        long bigCommunity = -1;
        int[] bigMembers = null;
        for (int k = 0; k < count; k++) {
            int size = k == 0
                    ? Math.min(100_000, n)
                    : (int) Math.min(n, Math.round(3 * Math.pow(1 - random.nextDouble(), -1 / 1.3)));
            int[] who;
            if (size == n) {
                who = new int[n];
                for (int i = 0; i < n; i++) {
                    who[i] = i;
                }
            } else if (k == 0) {
                int start = random.nextInt(n - size + 1);
                who = new int[size];
                for (int i = 0; i < size; i++) {
                    who[i] = start + i;
                }
            } else {
                java.util.LinkedHashSet<Integer> picked = new java.util.LinkedHashSet<>();
                while (picked.size() < size) {
                    picked.add(random.nextInt(n));
                }
                who = picked.stream().mapToInt(Integer::intValue).toArray();
            }
            long id = cid + k;
            boolean membersOnly = random.nextInt(5) == 0;
            String name = (k == 0 ? "巨大コミュ" : "コミュ" + k) + text(1);
            int ntopics = Math.min(30, 1 + size / 5);
            Instant created = now.minusSeconds(random.nextLong(365L * 24 * 3600));
            communities.add(id, name, name.toLowerCase(java.util.Locale.ROOT), categories[k % categories.length],
                    text(10), random.nextInt(3) == 0 ? "approval" : "open", "all",
                    membersOnly ? "members" : "everyone", first + who[0], size, ntopics, now, created);
            for (int i = 0; i < who.length; i++) {
                memberships.add(id, first + who[i], i == 0 ? "admin" : "member", false, created.plusSeconds(i));
                rows++;
            }
            for (int t = 0; t < ntopics; t++) {
                int ncomments = k == 0 && t == 0 ? 1_000 : random.nextInt(4) == 0 ? random.nextInt(1, 30) : 0;
                Instant at = now.minusSeconds(random.nextLong(30L * 24 * 3600));
                topics.add(tid, id, first + who[random.nextInt(who.length)], text(2), text(30), false, 0, ncomments,
                        false, at, at, at);
                for (int no = 1; no <= ncomments; no++) {
                    comments.add(tid, no, first + who[random.nextInt(who.length)],
                            (no > 1 && random.nextInt(3) == 0 ? ">>" + (no - 1) + " " : "") + text(6), false, false,
                            false, at.plusSeconds(no), at.plusSeconds(no));
                    commentRows++;
                }
                if (k == 0 && t == 0) {
                    bigTopic = tid;
                    bigCommunity = id;
                    bigMembers = who;
                } else if (random.nextInt(4) == 0) {
                    int v = who[random.nextInt(who.length)];
                    pairs.append(token(first + v)).append(' ').append(id).append(' ').append(tid).append('\n');
                }
                tid++;
                topicRows++;
            }
            if (memberships.pending > 200_000 || comments.pending > 200_000) {
                communities.flush();
                memberships.flush();
                topics.flush();
                comments.flush();
            }
        }
        communities.flush();
        memberships.flush();
        topics.flush();
        comments.flush();
        restart("community", cid + count);
        restart("community_topic", tid);
        if (bigMembers != null) {
            int lines = pairs.toString().split("\n").length;
            for (int i = 0; i < Math.max(1, lines); i++) {
                int v = bigMembers[random.nextInt(bigMembers.length)];
                pairs.append(token(first + v)).append(' ').append(bigCommunity).append(' ').append(bigTopic)
                        .append('\n');
            }
        }
        Files.writeString(Path.of(arg("out", "bench/out"), "community-topics.txt"), pairs, StandardCharsets.UTF_8);
        System.out.printf("communities: %d, memberships %d, topics %d, comments %d%n", count, rows, topicRows,
                commentRows);
    }

    long nextId(String table) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** After rows with explicit ids, the identity continues above them. */
    void restart(String table, long next) throws Exception {
        try (Statement s = c.createStatement()) {
            if (postgresql) {
                s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + (next - 1) + ")");
            } else {
                s.execute("alter table " + table + " alter column id restart with " + next);
            }
        }
        c.commit();
    }

    /** Rows for one table: COPY on PostgreSQL, batched inserts on H2, flushed every 50,000 rows. */
    final class Rows {
        final String table;
        final String[] columns;
        final StringBuilder copy = new StringBuilder();
        final List<Object[]> batch = new ArrayList<>();
        int pending;
        /** Rows referring to rows of another table are flushed by hand, after that table. */
        int flushEvery = 50_000;

        Rows manual() {
            flushEvery = Integer.MAX_VALUE;
            return this;
        }

        Rows(String table, String... columns) {
            this.table = table;
            this.columns = columns;
        }

        void add(Object... values) throws Exception {
            if (postgresql) {
                for (int i = 0; i < values.length; i++) {
                    copy.append(i == 0 ? "" : "\t").append(copyValue(values[i]));
                }
                copy.append('\n');
            } else {
                batch.add(values);
            }
            if (++pending >= flushEvery) {
                flush();
            }
        }

        void flush() throws Exception {
            if (pending == 0) {
                return;
            }
            if (postgresql) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy " + table + " (" + String.join(",", columns) + ") from stdin",
                                new StringReader(copy.toString()));
                copy.setLength(0);
            } else {
                String marks = String.join(",", java.util.Collections.nCopies(columns.length, "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into " + table + " (" + String.join(",", columns) + ") values (" + marks + ")")) {
                    for (Object[] row : batch) {
                        for (int i = 0; i < row.length; i++) {
                            Object v = row[i];
                            ps.setObject(i + 1, v instanceof Instant t ? Timestamp.from(t) : v);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                batch.clear();
            }
            c.commit();
            pending = 0;
        }

        String copyValue(Object v) {
            if (v == null) {
                return "\\N";
            }
            if (v instanceof Instant t) {
                return Timestamp.from(t).toString();
            }
            return v.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
        }
    }
}

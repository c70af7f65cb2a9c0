package jp.keitai.sns.friend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.system.Database;

/**
 * The マイミク tables, in JDBC: {@code friendship} (each friendship stored in both directions, see V4__friends.sql) and
 * {@code member_block}. Every question about the graph is one indexed query (lists of members 500 at a time). Writes
 * run in the caller's transaction. Requests are {@link RequestStore}'s.
 */
final class FriendStore {

    /** Members per {@code in (…)} list. */
    private static final int CHUNK = 500;

    private static final long[] NONE = new long[0];

    private final Database database;

    FriendStore(Database database) {
        this.database = database;
    }

    // ---- friendships

    /** Makes a and b friends (both rows). */
    void befriend(long a, long b, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into friendship (member_id, friend_id, created_at) values (?, ?, ?)")) {
                for (long[] pair : new long[][] {{a, b}, {b, a}}) {
                    ps.setLong(1, pair[0]);
                    ps.setLong(2, pair[1]);
                    ps.setTimestamp(3, Timestamp.from(at));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Ends the friendship of a and b (both rows). */
    void unfriend(long a, long b) {
        update(
                "delete from friendship where (member_id = ? and friend_id = ?) or (member_id = ? and friend_id = ?)",
                a,
                b,
                b,
                a);
    }

    boolean areFriends(long a, long b) {
        return exists("select 1 from friendship where member_id = ? and friend_id = ?", a, b);
    }

    /** Each owner's friends, ascending; every owner gets an array, maybe empty. */
    Map<Long, long[]> friendLists(Set<Long> owners) {
        return adjacency(owners, "select member_id, friend_id from friendship where member_id in (%s) order by 1, 2");
    }

    /** (friend, friend of that friend) of the member, ordered by both: the mixiGraph's outer ring. */
    List<long[]> friendsOfFriendsVia(long member) {
        return pairs(
                "select x.friend_id, y.friend_id from friendship x join friendship y on y.member_id = x.friend_id"
                        + " where x.member_id = ? order by x.friend_id, y.friend_id",
                member);
    }

    // ---- blocks

    void block(long blocker, long blocked, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)")) {
                ps.setLong(1, blocker);
                ps.setLong(2, blocked);
                ps.setTimestamp(3, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /** Lifts the block; returns whether there was one. */
    boolean unblock(long blocker, long blocked) {
        return update("delete from member_block where blocker_id = ? and blocked_id = ?", blocker, blocked) > 0;
    }

    boolean hasBlocked(long blocker, long blocked) {
        return exists("select 1 from member_block where blocker_id = ? and blocked_id = ?", blocker, blocked);
    }

    boolean blockedEitherWay(long a, long b) {
        return exists(
                "select 1 from member_block where (blocker_id = ? and blocked_id = ?)"
                        + " or (blocker_id = ? and blocked_id = ?)",
                a,
                b,
                b,
                a);
    }

    /** Everyone the member has blocked or is blocked by. */
    Set<Long> blockedEitherWay(long member) {
        return new HashSet<>(ids(
                "select blocked_id from member_block where blocker_id = ?"
                        + " union select blocker_id from member_block where blocked_id = ?",
                member,
                member));
    }

    /** Members the blocker has blocked, the latest first. */
    List<Long> blockedBy(long blocker) {
        return ids("select blocked_id from member_block where blocker_id = ? order by created_at desc", blocker);
    }

    /** Each owner's blocks either way, ascending; every owner gets an array, maybe empty. */
    Map<Long, long[]> blockLists(Set<Long> owners) {
        return adjacency(
                owners,
                "select blocker_id, blocked_id from member_block where blocker_id in (%1$s)"
                        + " union select blocked_id, blocker_id from member_block where blocked_id in (%1$s)"
                        + " order by 1, 2");
    }

    // ---- plumbing

    /** Runs an (owner, other) query for these owners, 500 at a time; every owner gets an array, maybe empty. */
    private Map<Long, long[]> adjacency(Set<Long> owners, String sql) {
        Map<Long, long[]> out = new HashMap<>();
        List<Long> all = new ArrayList<>(owners);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Map<Long, List<Long>> rows = database.jdbc(c -> {
                String q = String.format(sql, Database.placeholders(chunk.size()));
                int params = q.split("\\?", -1).length - 1;
                try (PreparedStatement ps = c.prepareStatement(q)) {
                    for (int i = 0; i < params; i++) {
                        ps.setLong(i + 1, chunk.get(i % chunk.size()));
                    }
                    Map<Long, List<Long>> found = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(rs.getLong(2));
                        }
                    }
                    return found;
                }
            });
            for (Long owner : chunk) {
                List<Long> ids = rows.get(owner);
                out.put(
                        owner,
                        ids == null
                                ? NONE
                                : ids.stream().mapToLong(Long::longValue).toArray());
            }
        }
        return out;
    }

    private boolean exists(String sql, long... args) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private List<Long> ids(String sql, long... args) {
        List<Long> out = new ArrayList<>();
        pairsOrIds(sql, args, rs -> out.add(rs.getLong(1)));
        return out;
    }

    private List<long[]> pairs(String sql, long... args) {
        List<long[]> out = new ArrayList<>();
        pairsOrIds(sql, args, rs -> out.add(new long[] {rs.getLong(1), rs.getLong(2)}));
        return out;
    }

    private interface Row {
        void read(ResultSet rs) throws java.sql.SQLException;
    }

    private void pairsOrIds(String sql, long[] args, Row row) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
            return null;
        });
    }

    private int update(String sql, long... args) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}

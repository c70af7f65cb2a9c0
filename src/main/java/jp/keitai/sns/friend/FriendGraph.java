package jp.keitai.sns.friend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.keitai.sns.system.Database;

/**
 * Answers questions about the friend graph: are two members friends, friends of a friend, or blocked; who is within
 * two steps. Reads only; friendships change through the friend service. Each answer is one indexed query, whatever
 * the number of friends (friendship rows are stored in both directions, see V4__friends.sql).
 */
@ApplicationScoped
public class FriendGraph {

    @Inject
    Database database;

    protected FriendGraph() {}

    public FriendGraph(Database database) {
        this.database = database;
    }

    /** The viewer's relation to the owner; {@code viewer} null is a guest. Blocks are a separate question. */
    public Relation relation(Long viewer, long owner) {
        if (viewer == null) {
            return Relation.GUEST;
        }
        if (viewer == owner) {
            return Relation.SELF;
        }
        if (areFriends(viewer, owner)) {
            return Relation.FRIEND;
        }
        return areFriendsOfFriends(viewer, owner) ? Relation.FRIEND_OF_FRIEND : Relation.MEMBER;
    }

    public boolean areFriends(long a, long b) {
        return exists("select 1 from friendship where member_id = ? and friend_id = ?", a, b);
    }

    /** Whether some member is a friend of both (a and b themselves need not be friends). */
    public boolean areFriendsOfFriends(long a, long b) {
        return a != b
                && exists(
                        "select 1 from friendship x join friendship y on y.member_id = x.friend_id"
                                + " where x.member_id = ? and y.friend_id = ? fetch first 1 rows only",
                        a,
                        b);
    }

    /** Whether either member has blocked the other. */
    public boolean blockedEitherWay(long a, long b) {
        return exists(
                "select 1 from member_block where (blocker_id = ? and blocked_id = ?)"
                        + " or (blocker_id = ? and blocked_id = ?)",
                a,
                b,
                b,
                a);
    }

    /** Everyone the member has blocked or is blocked by, in one query (blocks are few). */
    public Set<Long> blockedEitherWay(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select blocked_id from member_block where blocker_id = ?"
                    + " union select blocker_id from member_block where blocked_id = ?")) {
                ps.setLong(1, member);
                ps.setLong(2, member);
                Set<Long> out = new java.util.HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    /** Whether {@code blocker} has blocked {@code blocked}. */
    public boolean hasBlocked(long blocker, long blocked) {
        return exists("select 1 from member_block where blocker_id = ? and blocked_id = ?", blocker, blocked);
    }

    /** Ids of the member's friends, ascending. */
    public List<Long> friendIds(long member) {
        return ids("select friend_id from friendship where member_id = ? order by friend_id", member);
    }

    public int friendCount(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from friendship where member_id = ?")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Members within two steps of {@code member} (friends and friends of friends), excluding the member. */
    public Set<Long> withinTwoSteps(long member) {
        Set<Long> out = new LinkedHashSet<>(friendIds(member));
        out.addAll(ids(
                "select distinct y.friend_id from friendship x join friendship y on y.member_id = x.friend_id"
                        + " where x.member_id = ? order by y.friend_id",
                member));
        out.remove(member);
        return out;
    }

    /**
     * Which of {@code candidates} are within two steps of {@code member}: friends, or sharing a friend. Costs one probe
     * of the primary key per (friend, candidate) pair, so it stays cheap however large the member's two-step circle
     * is (a member whose friends have hundreds of friends each can have tens of thousands of friends of friends).
     */
    public Set<Long> withinTwoStepsAmong(long member, java.util.Collection<Long> candidates) {
        Set<Long> out = new LinkedHashSet<>();
        if (candidates.isEmpty()) {
            return out;
        }
        Set<Long> wanted = new LinkedHashSet<>(candidates);
        wanted.remove(member);
        for (Long friend : friendIds(member)) {
            if (wanted.remove(friend)) {
                out.add(friend);
            }
        }
        List<Long> rest = new ArrayList<>(wanted);
        for (int from = 0; from < rest.size(); from += 500) {
            List<Long> chunk = rest.subList(from, Math.min(rest.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            out.addAll(database.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "select distinct y.friend_id from friendship x join friendship y on y.member_id = x.friend_id"
                                + " where x.member_id = ? and y.friend_id in (" + marks + ")")) {
                    ps.setLong(1, member);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 2, chunk.get(i));
                    }
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                    return found;
                }
            }));
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

    private List<Long> ids(String sql, long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, member);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }
}

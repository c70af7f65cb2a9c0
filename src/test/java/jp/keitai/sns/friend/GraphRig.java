package jp.keitai.sns.friend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestMembers;

/**
 * Members, friendships and blocks written straight into a test database, for service tests of the friend graph and
 * what depends on it. (The friend service makes them in the application; these tests check what is built on top.)
 */
public final class GraphRig {

    private final Database database;

    public GraphRig(Database database) {
        this.database = database;
    }

    public long member(String nickname) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member (nickname, password_hash, role, status, created_at)"
                            + " values (?, 'x', 'MEMBER', 'ACTIVE', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, nickname);
                ps.setTimestamp(2, Timestamp.from(Clock.now()));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public void befriend(long a, long b) {
        TestMembers.befriend(database, a, b);
    }

    public void unfriend(long a, long b) {
        update(
                "delete from friendship where (member_id = ? and friend_id = ?) or (member_id = ? and friend_id = ?)",
                a,
                b,
                b,
                a);
    }

    public void block(long blocker, long blocked) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)")) {
                ps.setLong(1, blocker);
                ps.setLong(2, blocked);
                ps.setTimestamp(3, Timestamp.from(Clock.now()));
                ps.executeUpdate();
            }
            return null;
        });
        database.changes().resetAll(); // written behind the services' backs
    }

    public void suspend(long member) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update member set status = 'SUSPENDED' where id = ?")) {
                ps.setLong(1, member);
                return ps.executeUpdate();
            }
        });
        database.changes().resetAll(); // written behind the services' backs
    }

    public void update(String sql, long... args) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
        database.changes().resetAll(); // written behind the services' backs
    }

    public FriendGraph graph() {
        return new FriendGraph(database);
    }

    public MemberService members() {
        return new MemberService(database);
    }

    public AccessPolicy policy() {
        return new AccessPolicy(graph(), members());
    }
}

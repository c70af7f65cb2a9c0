package jp.keitai.sns.voice;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/** Real services over a test database, and members, friendships and blocks written as the friend feature keeps them. */
final class VoiceRig {

    final Database db;
    final MemberService members;
    final FriendGraph graph;
    final AccessPolicy policy;
    final VoiceService voices;

    VoiceRig(Database db) {
        this.db = db;
        this.members = new MemberService(db);
        this.graph = new FriendGraph(db);
        this.policy = new AccessPolicy(graph, members);
        this.voices = new VoiceService(db, policy, graph, members);
    }

    long member(String nickname) {
        return db.tx(em -> {
            Member m = new Member(nickname, "not-a-hash", Role.MEMBER, Clock.now());
            m.setMobileEmail(nickname + "." + System.nanoTime() + "@docomo.ne.jp");
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    /** マイミク, stored in both directions as V4__friends.sql says. */
    void friends(long a, long b) {
        db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into friendship (member_id, friend_id, created_at) values (?, ?, ?), (?, ?, ?)")) {
                Timestamp now = Timestamp.from(Clock.now());
                ps.setLong(1, a);
                ps.setLong(2, b);
                ps.setTimestamp(3, now);
                ps.setLong(4, b);
                ps.setLong(5, a);
                ps.setTimestamp(6, now);
                return ps.executeUpdate();
            }
        });
    }

    void block(long blocker, long blocked) {
        db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)")) {
                ps.setLong(1, blocker);
                ps.setLong(2, blocked);
                ps.setTimestamp(3, Timestamp.from(Clock.now()));
                return ps.executeUpdate();
            }
        });
    }

    long post(long author, String body) {
        VoiceService.Posted p = voices.post(author, body, null, null);
        if (!p.ok()) {
            throw new AssertionError(p.problem());
        }
        return p.id();
    }

    long reply(long author, long to, String body) {
        VoiceService.Posted p = voices.post(author, body, to, null);
        if (!p.ok()) {
            throw new AssertionError(p.problem());
        }
        return p.id();
    }
}

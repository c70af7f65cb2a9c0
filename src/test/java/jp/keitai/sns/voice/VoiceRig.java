package jp.keitai.sns.voice;

import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestMembers;

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
        TestMembers.befriend(db, a, b);
    }

    void block(long blocker, long blocked) {
        TestMembers.block(db, blocker, blocked);
    }

    long post(long author, String body) {
        return voices.post(author, body, null, null).id();
    }

    long reply(long author, long to, String body) {
        return voices.post(author, body, to, null).id();
    }
}

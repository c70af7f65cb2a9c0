package jp.keitai.sns.testsupport;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicInteger;
import jp.keitai.sns.member.Member;
import jp.keitai.sns.member.Passwords;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Members and friendships straight into a test database, for service tests that need many of them (random graphs).
 * Integration tests make members the real way ({@link Members}) and friends through the pages ({@link Friends}).
 */
public final class TestMembers {

    public static final String PASSWORD = "password-1234";

    /** One slow hash for all: hashing per member would make a 200-member graph take minutes. */
    private static final String HASH = Passwords.hash(PASSWORD);

    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestMembers() {}

    /** A new active member with a unique docomo address; returns its id. */
    public static long create(Database database, String nickname) {
        return database.tx(em -> {
            Member m = new Member(nickname, HASH, Role.MEMBER, Clock.now());
            m.setMobileEmail("t" + System.nanoTime() + "." + SEQ.incrementAndGet() + "@docomo.ne.jp");
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    /** Makes a and b マイミク (both rows), bypassing requests. */
    public static void befriend(Database database, long a, long b) {
        database.tx(em -> database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into friendship (member_id, friend_id, created_at) values (?, ?, ?)")) {
                for (long[] pair : new long[][] {{a, b}, {b, a}}) {
                    ps.setLong(1, pair[0]);
                    ps.setLong(2, pair[1]);
                    ps.setTimestamp(3, Timestamp.from(Clock.now()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        }));
        database.changes().resetAll(); // rows written behind the services' backs: drop the read caches
    }

    /** {@code blocker} blocks {@code blocked}. */
    public static void block(Database database, long blocker, long blocked) {
        database.tx(em -> database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)")) {
                ps.setLong(1, blocker);
                ps.setLong(2, blocked);
                ps.setTimestamp(3, Timestamp.from(Clock.now()));
                ps.executeUpdate();
            }
            return null;
        }));
        database.changes().resetAll();
    }
}

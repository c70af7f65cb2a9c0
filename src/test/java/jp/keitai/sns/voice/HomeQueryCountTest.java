package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Stream;
import jp.keitai.sns.friend.FriendService;
import jp.keitai.sns.friend.RequestsHomeSection;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.HomeSection;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The home page's fast path (issue 8): what {@code /home} asks the database for a member with 45 friends is the same
 * number of SQL statements as for a member with 5, counted at the JDBC level (JPA and plain JDBC alike) on H2 and
 * PostgreSQL. The page reads the member, then each {@link HomeSection} in order; a feature adding a section adds it
 * to {@link #sections} so its queries are counted too.
 */
class HomeQueryCountTest {

    record Counted(TestDb db, StatementCounter counter) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    static Stream<Named<Counted>> databases() {
        StatementCounter h2 = new StatementCounter();
        Stream<Named<Counted>> out = Stream.of(Named.of("H2", new Counted(TestDb.h2(h2.wrap()), h2)));
        if (Boolean.getBoolean("it.skip.postgresql")) {
            return out;
        }
        StatementCounter pg = new StatementCounter();
        return Stream.concat(out, Stream.of(Named.of("PostgreSQL", new Counted(TestDb.postgresql(pg.wrap()), pg))));
    }

    /** The sections of the home page, as CDI would give them to {@code member/HomeResource}. */
    static List<HomeSection> sections(VoiceRig rig) {
        VoiceHomeSection voice = new VoiceHomeSection();
        voice.voices = rig.voices;
        return List.of(voice, inject(new RequestsHomeSection(), "friends", friendService(rig)));
    }

    static FriendService friendService(VoiceRig rig) {
        return new FriendService(rig.db, rig.members, rig.graph, rig.policy, null);
    }

    /** Sets a section's injected field, as CDI would. */
    static <T> T inject(T bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one request to /home runs: the member, then every section's data. */
    static int homeStatements(VoiceRig rig, StatementCounter counter, long me) {
        counter.reset();
        rig.members.find(me).orElseThrow();
        for (HomeSection s : sections(rig)) {
            s.data(me);
        }
        return counter.count();
    }

    /** A member with {@code n} friends who each posted, replied and liked. */
    static long memberWithFriends(VoiceRig rig, int n) {
        long me = rig.member("me" + n);
        long mine = rig.post(me, "おはよう☀️");
        for (int i = 0; i < n; i++) {
            long f = rig.member("f" + n + "-" + i);
            rig.friends(me, f);
            long p = rig.post(f, "ボイス" + i);
            rig.post(f, "もうひとつ" + i);
            rig.reply(me, p, "返信" + i);
            rig.reply(f, mine, "おはよう" + i);
            rig.voices.like(me, p);
            rig.voices.like(f, mine);
        }
        // and a pending マイミク request, so the requests section shows too
        friendService(rig).request(rig.member("asker" + n), me, "よろしく");
        return me;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theHomePageIssuesNoQueryPerFriend(Counted counted) {
        VoiceRig rig = new VoiceRig(counted.db().database());
        long few = memberWithFriends(rig, 5);
        long many = memberWithFriends(rig, 45);
        // one more member who has blocked one of the 45: the block is one more row, not one more query
        rig.block(many, rig.graph.friendIds(many).get(0));

        homeStatements(rig, counted.counter(), many); // warm-up: the first use of JPA queries prepares them
        int withFew = homeStatements(rig, counted.counter(), few);
        List<String> fewSql = counted.counter().statements();
        int withMany = homeStatements(rig, counted.counter(), many);
        List<String> manySql = counted.counter().statements();

        assertEquals(
                withFew,
                withMany,
                "5 friends:\n" + String.join("\n", fewSql) + "\n45 friends:\n" + String.join("\n", manySql));
        // the counter sees both kinds: JPA's generated SQL and the friend graph's plain JDBC
        assertTrue(manySql.stream().anyMatch(q -> q.toLowerCase().contains("from voice")), manySql.toString());
        assertTrue(manySql.stream().anyMatch(q -> q.toLowerCase().contains("from friendship")), manySql.toString());
        assertTrue(withMany <= 12, withMany + " statements:\n" + String.join("\n", manySql));
        System.out.println("home page statements, 5 and 45 friends: " + withFew + ", " + withMany + "\n"
                + String.join("\n", manySql));
    }
}

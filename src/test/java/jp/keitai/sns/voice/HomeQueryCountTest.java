package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.keitai.sns.diary.DiaryHomeSection;
import jp.keitai.sns.diary.DiaryService;
import jp.keitai.sns.footprint.FootprintHomeSection;
import jp.keitai.sns.footprint.Footprints;
import jp.keitai.sns.friend.FriendService;
import jp.keitai.sns.friend.RequestsHomeSection;
import jp.keitai.sns.home.HomePrimer;
import jp.keitai.sns.home.HomeSection;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.SessionStore;
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

    /** The home page's beans, made once as CDI makes them (application scoped: one copy, one set of caches). */
    static final class Home {
        final VoiceRig rig;
        final DiaryService diaries;
        final FriendService friends;
        final Footprints footprints;
        final List<HomeSection> sections;

        Home(VoiceRig rig) {
            this.rig = rig;
            this.diaries = new DiaryService(rig.db, rig.policy, rig.graph, rig.members, null, null);
            this.friends = new FriendService(
                    rig.db, rig.members, rig.graph, rig.policy, new jp.keitai.sns.testsupport.RecordingEvent<>());
            this.footprints = new Footprints(rig.db, rig.policy, rig.graph, Duration.ofMinutes(5), Duration.ofDays(90));
            VoiceHomeSection voice = new VoiceHomeSection();
            voice.voices = rig.voices;
            this.sections = List.of(
                    voice,
                    inject(new DiaryHomeSection(), "diaries", diaries),
                    inject(new RequestsHomeSection(), "friends", friends),
                    inject(new FootprintHomeSection(), "footprints", footprints));
        }

        /** What one request to /home reads: the member's name, then every section's data. */
        Map<Integer, Object> render(long me) {
            rig.members.nicknames(List.of(me));
            Map<Integer, Object> out = new java.util.TreeMap<>();
            for (HomeSection s : sections) {
                Object data = s.data(me);
                if (data != null) {
                    out.put(s.order(), data);
                }
            }
            return out;
        }

        int statements(StatementCounter counter, long me) {
            counter.reset();
            render(me);
            return counter.count();
        }
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

    /** A member with {@code n} friends who each posted, replied and liked. */
    static long memberWithFriends(Home home, int n) {
        VoiceRig rig = home.rig;
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
            home.diaries.create(f, "日記" + i, "今日のこと", "friends", List.of(), false);
            home.footprints.record(f, me);
        }
        // and a pending マイミク request, so the requests section shows too
        home.friends.request(rig.member("asker" + n), me, "よろしく");
        return me;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theHomePageIssuesNoQueryPerFriend(Counted counted) {
        VoiceRig rig = new VoiceRig(counted.db().database());
        Home home = new Home(rig);
        long few = memberWithFriends(home, 5);
        long many = memberWithFriends(home, 45);
        // one more member who has blocked one of the 45: the block is one more row, not one more query
        rig.block(many, rig.graph.friendIds(many).get(0));

        int coldFew = home.statements(counted.counter(), few);
        int coldMany = home.statements(counted.counter(), many);
        List<String> coldSql = counted.counter().statements();
        assertEquals(coldFew, coldMany, "a cold home page loads all friends at once:\n" + String.join("\n", coldSql));
        assertTrue(coldSql.stream().anyMatch(q -> q.toLowerCase().contains("from voice")), coldSql.toString());
        assertTrue(coldSql.stream().anyMatch(q -> q.toLowerCase().contains("from friendship")), coldSql.toString());

        int warmFew = home.statements(counted.counter(), few);
        int warmMany = home.statements(counted.counter(), many);
        List<String> warmSql = counted.counter().statements();
        assertEquals(warmFew, warmMany, String.join("\n", warmSql));
        assertTrue(
                warmMany <= WARM_STATEMENTS,
                warmMany + " statements on a warm home page:\n" + String.join("\n", warmSql));
        System.out.println("home page statements, cold and warm (45 friends): " + coldMany + ", " + warmMany + "\n"
                + String.join("\n", warmSql));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void primingAtStartLeavesNothingForTheFirstHomePage(Counted counted) {
        VoiceRig rig = new VoiceRig(counted.db().database());
        long me = memberWithFriends(new Home(rig), 45);
        String token = new SessionStore(rig.db).start(me, true);
        long asleep = memberWithFriends(new Home(rig), 5); // no session: not primed
        // a restarted node: new beans, empty caches
        VoiceRig restarted = new VoiceRig(counted.db().database());
        Home home = new Home(restarted);
        SessionStore sessions = new SessionStore(restarted.db);

        int primed = HomePrimer.prime(
                new jp.keitai.sns.web.SignIn(sessions), restarted.members, home.sections, Duration.ofHours(1), 1000);

        assertEquals(1, primed);
        counted.counter().reset();
        assertEquals(me, sessions.find(token).orElseThrow().memberId());
        home.render(me);
        assertEquals(
                0,
                counted.counter().count(),
                String.join("\n", counted.counter().statements()));
        home.render(asleep);
        assertTrue(counted.counter().count() > 0, "a member without a recent session is read when asked for");
    }

    /** What a warm home page asks the database: nothing. */
    static final int WARM_STATEMENTS = 0;
}

package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.RecordingEvent;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FriendFeed} answers from memory exactly what the database answers (inside a transaction the feed reads the
 * database): waiting requests and 紹介文 of every member, after each of a random series of requests, answers, ended
 * friendships, blocks and introductions written and deleted through the services.
 */
class FriendFeedTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void cachedAnswersEqualTheDatabasesThroughRandomChanges(TestDb db) {
        Database database = db.database();
        GraphRig rig = new GraphRig(database);
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rig.member("m" + i);
        }
        FriendGraph graph = rig.graph();
        Introductions intros = new Introductions(database, graph, rig.policy(), rig.members());
        FriendService friends = new FriendService(
                database, rig.members(), graph, rig.policy(), new RecordingEvent<>(intros::friendshipEnded));
        FriendFeed feed = new FriendFeed(database);
        Random random = new Random(20);
        for (int step = 0; step < 80; step++) {
            long a = ids[random.nextInt(ids.length)];
            long b = ids[random.nextInt(ids.length)];
            try { // random changes: a refused one changes nothing
                switch (random.nextInt(8)) {
                    case 0, 1 -> friends.request(a, b, "よろしく" + step);
                    case 2 -> friends.incoming(a).stream().findFirst().ifPresent(r -> friends.approve(a, r.id()));
                    case 3 -> friends.end(a, b);
                    case 4 -> {
                        if (step % 3 == 0) {
                            friends.block(a, b);
                        } else {
                            friends.unblock(a, b);
                        }
                    }
                    case 5 -> intros.delete(a, a, b);
                    default -> intros.write(a, b, "紹介文" + step);
                }
            } catch (Refused refused) {
            }
            for (long m : ids) {
                String where = "step " + step + ", member " + m;
                int fromDatabase = database.tx(em -> feed.incomingCount(m));
                assertEquals(fromDatabase, feed.incomingCount(m), where + ": requests");
                assertEquals(friends.incoming(m).size(), feed.incomingCount(m), where + ": requests as listed");
                List<Introductions.Introduction> cached = feed.introductionsOf(m);
                assertEquals(database.tx(em -> feed.introductionsOf(m)), cached, where + ": introductions");
                assertEquals(cached, feed.introductionsOf(m), where + ": introductions, asked again from memory");
                for (long writer : ids) {
                    assertEquals(
                            database.tx(em -> feed.introduction(m, writer)),
                            feed.introduction(m, writer),
                            where + ": introduction by " + writer);
                }
            }
        }
    }
}

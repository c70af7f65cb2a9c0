package jp.keitai.sns.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import jp.keitai.sns.friend.GraphRig;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FootprintFeed} answers from memory exactly what the database answers (inside a transaction the feed reads
 * the database): the home count of new footprints and 忍び足, for every member, after each of a random series of
 * visits, list views, 忍び足 changes and blocks.
 */
class FootprintFeedTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void cachedAnswersEqualTheDatabasesThroughRandomChanges(TestDb db) {
        Database database = db.database();
        GraphRig rig = new GraphRig(database);
        long[] ids = new long[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rig.member("m" + i);
        }
        Footprints footprints =
                new Footprints(database, rig.policy(), rig.graph(), Duration.ofMinutes(5), Duration.ofDays(30));
        FootprintFeed feed =
                new FootprintFeed(new FootprintStore(database), database, rig.graph(), Duration.ofMinutes(5));
        Random random = new Random(20);
        Instant now = T0;
        for (int step = 0; step < 80; step++) {
            long a = ids[random.nextInt(ids.length)];
            long b = ids[random.nextInt(ids.length)];
            now = now.plusSeconds(random.nextInt(400));
            switch (random.nextInt(10)) {
                case 0 -> footprints.setStealth(a, random.nextBoolean());
                case 1 -> footprints.markSeen(a, now);
                case 2 -> {
                    if (a != b && step % 4 == 0) {
                        rig.block(a, b);
                    }
                }
                default -> footprints.record(a, b, now);
            }
            for (long m : ids) {
                String where = "step " + step + ", member " + m;
                Footprints.Fresh cached = feed.fresh(m);
                assertEquals(database.tx(em -> feed.fresh(m)), cached, where + ": fresh");
                assertEquals(cached, feed.fresh(m), where + ": fresh, asked again from memory");
                assertEquals(database.tx(em -> feed.isStealth(m)), feed.isStealth(m), where + ": 忍び足");
                assertEquals(footprints.fresh(m), cached, where + ": as the service answers");
            }
        }
    }
}

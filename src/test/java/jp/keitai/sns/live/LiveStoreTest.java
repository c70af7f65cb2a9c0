package jp.keitai.sns.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;

/**
 * An event exists, and is announced on the change feed, only if the transaction that recorded it commits; the table
 * answers replays after an id within the window, and the purge deletes what is older.
 */
class LiveStoreTest {

    @Test
    void anEventIsAnnouncedOnlyAfterItsTransactionCommits() {
        try (TestDb db = TestDb.h2()) {
            LiveEvents live = new LiveEvents(db.database());
            List<Long> announced = new CopyOnWriteArrayList<>();
            db.database().changes().subscribe(LiveEvents.TOPIC, announced::add);

            db.database().run(em -> {
                live.record(LiveEvent.VOICE, 1, 10, null);
                assertTrue(announced.isEmpty(), "not before the commit");
            });
            assertEquals(1, announced.size());
            assertThrows(IllegalStateException.class, () -> db.database().run(em -> {
                live.record(LiveEvent.DIARY, 1, 11, null);
                throw new IllegalStateException("rolled back");
            }));
            assertEquals(1, announced.size(), "a rolled-back event is never announced");

            LiveStore store = new LiveStore(db.database());
            List<LiveEvent> all = store.since(0, Instant.EPOCH, 100);
            assertEquals(1, all.size(), "nor stored");
            LiveEvent e = all.get(0);
            assertEquals(announced.get(0), e.id());
            assertEquals(LiveEvent.VOICE, e.kind());
            assertEquals(10, e.objectId());
            assertEquals(List.of(e), store.byIds(List.of(e.id())));
        }
    }

    @Test
    void replayAndPurgeKeepToTheWindow() {
        try (TestDb db = TestDb.h2()) {
            LiveStore store = new LiveStore(db.database());
            Instant now = Instant.now();
            long old = store.insert(LiveEvent.COMMENT, 2, 20, 3, now.minus(Duration.ofHours(2)));
            long recent = store.insert(LiveEvent.REQUEST, 2, 5, null, now.minus(Duration.ofMinutes(5)));
            long newest = store.insert(LiveEvent.VOICE, 2, 21, null, now);
            assertTrue(old < recent && recent < newest);
            Instant windowStart = now.minus(Duration.ofMinutes(30));
            assertEquals(
                    List.of(recent, newest),
                    store.since(0, windowStart, 100).stream().map(LiveEvent::id).toList());
            assertEquals(
                    List.of(newest),
                    store.since(recent, windowStart, 100).stream()
                            .map(LiveEvent::id)
                            .toList());
            assertEquals(Integer.valueOf(3), store.byIds(List.of(old)).get(0).detail());
            assertEquals(newest, store.latestId());
            assertEquals(1, store.deleteBefore(windowStart));
            assertEquals(2, store.since(0, Instant.EPOCH, 100).size());
        }
    }
}

package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VoiceFeed}'s first page from memory is the first page from the database, for every viewer and page size it
 * serves, after every kind of write that changes it. The database's answer is the same question asked inside a
 * transaction (which never reads memory) and asked of a new feed with nothing in memory.
 */
class VoiceFeedTest {

    private record World(VoiceRig rig, VoiceFeed feed, List<Long> viewers) {}

    private static World world(TestDb db) {
        VoiceRig rig = new VoiceRig(db.database());
        VoiceFeed feed = feed(rig);
        long me = rig.member("わたし");
        long a = rig.member("あいこ");
        long b = rig.member("ぶんた");
        long c = rig.member("ちか");
        long stranger = rig.member("しらない人");
        rig.friends(me, a);
        rig.friends(me, b);
        rig.friends(me, c);
        rig.friends(a, b);
        for (int i = 0; i < VoiceFeed.DEPTH + 2; i++) {
            rig.post(a, "あいこのボイス" + i); // more than the feed keeps of one author
        }
        long mine = rig.post(me, "おはよう☀️");
        rig.post(b, "ぶんたです");
        rig.post(stranger, "見えない");
        rig.reply(c, mine, "おはよう");
        rig.reply(b, mine, "おはようございます");
        rig.voices.like(a, mine);
        rig.voices.like(me, mine);
        return new World(rig, feed, List.of(me, a, b, c, stranger));
    }

    private static VoiceFeed feed(VoiceRig rig) {
        return new VoiceFeed(rig.db, new VoiceStore(rig.db), rig.policy, rig.graph, rig.members);
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theCachedFirstPageIsTheUncachedOneAfterEveryWrite(TestDb db) {
        World w = world(db);
        VoiceRig rig = w.rig();
        long me = w.viewers().get(0);
        long a = w.viewers().get(1);
        long b = w.viewers().get(2);
        long c = w.viewers().get(3);
        same(w); // and warm: every step below changes what is in memory

        long newest = rig.post(a, "ラーメン食べた🍜");
        assertEquals(newest, w.feed().timeline(me, 1, 1).getItems().get(0).getId(), "a new voice shows at once");
        same(w);
        assertNull(rig.voices.like(b, newest));
        same(w);
        rig.voices.unlike(b, newest);
        same(w);
        long reply = rig.reply(b, newest, "いいね");
        same(w);
        assertDoesNotThrow(() -> rig.voices.delete(b, reply));
        same(w);
        rig.reply(b, newest, "もう一度");
        rig.block(c, b); // b's reply to my post no longer counts for c, from memory or not
        same(w);
        rig.members.setStatus(a, MemberStatus.SUSPENDED);
        same(w);
        rig.members.setStatus(a, MemberStatus.ACTIVE);
        same(w);
        assertDoesNotThrow(() -> rig.voices.delete(a, newest));
        same(w);
    }

    @Test
    void aWarmFirstPageAsksTheDatabaseNothing() {
        StatementCounter counter = new StatementCounter();
        try (TestDb db = TestDb.h2(counter.wrap())) {
            World w = world(db);
            long me = w.viewers().get(0);
            VoicePage warm = w.feed().timeline(me, 1, VoiceHomeSection.SHOWN);
            counter.reset();
            VoicePage cached = w.feed().timeline(me, 1, VoiceHomeSection.SHOWN);
            assertEquals(0, counter.count(), String.join("\n", counter.statements()));
            assertEquals(describe(warm), describe(cached));
            VoicePage stored = w.rig().db.tx(em -> w.feed().timeline(me, 1, VoiceHomeSection.SHOWN));
            assertTrue(counter.count() > 0, "inside a transaction the feed reads the database");
            assertEquals(describe(stored), describe(cached));
        }
    }

    /** Memory, a transaction and a cold feed answer alike for every viewer and every size memory serves. */
    private static void same(World w) {
        VoiceFeed cold = feed(w.rig());
        for (long viewer : w.viewers()) {
            for (int size = 1; size < VoiceFeed.DEPTH; size++) {
                int n = size;
                String cached = describe(w.feed().timeline(viewer, 1, n));
                String stored = describe(w.rig().db.tx(em -> w.feed().timeline(viewer, 1, n)));
                assertEquals(stored, cached, "viewer " + viewer + ", " + n + " per page");
                assertEquals(stored, describe(cold.timeline(viewer, 1, n)), "a cold feed");
            }
        }
    }

    private static String describe(VoicePage page) {
        return page.getItems().stream()
                        .map(v -> v.getId() + "|" + v.getAuthorId() + "|" + v.getAuthorName() + "|" + v.getBody() + "|"
                                + v.getReplyTo() + "|" + v.getTime() + "|" + v.getLikeCount() + "|" + v.isLiked() + "|"
                                + v.getReplyCount() + "|" + v.isMine() + "|" + v.getReplies())
                        .collect(Collectors.joining("\n"))
                + "\nnext " + page.isHasNext() + ", page " + page.getPage();
    }
}

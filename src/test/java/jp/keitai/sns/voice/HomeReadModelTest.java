package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.keitai.sns.diary.DiaryViews;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The home page served from memory (issue 9) answers exactly what the database answers, after every kind of write
 * that changes it: posts, replies, likes, diaries written, hidden and deleted, a suspended friend, an ended
 * friendship, a block, a マイミク request. Each step compares the in-memory answer with the same question asked inside a
 * transaction (which always reads the database), on H2 and PostgreSQL.
 */
class HomeReadModelTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theHomeFromMemoryIsTheHomeFromTheDatabaseAfterEveryWrite(TestDb db) {
        VoiceRig rig = new VoiceRig(db.database());
        HomeQueryCountTest.Home home = new HomeQueryCountTest.Home(rig);
        long me = rig.member("わたし");
        long a = rig.member("あいこ");
        long b = rig.member("ぶんた");
        long c = rig.member("ちか");
        rig.friends(me, a);
        rig.friends(me, b);
        rig.friends(me, c);
        rig.friends(a, b);
        long early = rig.post(c, "はじめまして");
        same(home, me); // warm: everything below changes what is cached

        long va = rig.post(a, "ラーメン食べた🍜");
        assertEquals(va, voices(home, me).get(0).getId(), "a new voice shows at once");
        same(home, me);

        long da = home.diaries.create(a, "旅行", "京都へ", "friends", List.of(), false);
        assertEquals(da, diaries(home, me).get(0).getId(), "a new diary shows at once");
        home.diaries.edit(a, da, "旅行", "京都へ", "private", Set.of(), List.of());
        assertTrue(diaries(home, me).stream().noneMatch(e -> e.getId() == da), "a diary made private goes at once");
        same(home, me);
        home.diaries.edit(a, da, "旅行（続き）", "京都へ", "friends_of_friends", Set.of(), List.of());
        assertEquals("旅行（続き）", diaries(home, me).get(0).getTitle(), "an edited title shows at once");
        long db2 = home.diaries.create(b, "二つ目", "本文", "everyone", List.of(), false);
        assertTrue(home.diaries.delete(b, db2));
        assertTrue(diaries(home, me).stream().noneMatch(e -> e.getId() == db2), "a deleted diary goes at once");
        same(home, me);

        assertNull(rig.voices.like(me, va));
        assertTrue(voices(home, me).get(0).isLiked());
        assertEquals(1, voices(home, me).get(0).getLikeCount());
        rig.voices.unlike(me, va);
        assertFalse(voices(home, me).get(0).isLiked());
        same(home, me);

        long reply = rig.reply(b, va, "いいね");
        assertEquals(1, voices(home, me).get(0).getReplyCount());
        same(home, me);
        assertDoesNotThrow(() -> rig.voices.delete(b, reply));
        assertEquals(0, voices(home, me).get(0).getReplyCount(), "a deleted reply stops counting");
        rig.reply(b, va, "もう一度");
        same(home, me);

        // a block between the viewer and a replier: the reply no longer counts for the viewer
        home.friends.block(me, b);
        assertEquals(0, voices(home, me).get(0).getReplyCount());
        assertTrue(voices(home, me).stream().noneMatch(v -> v.getAuthorId() == b));
        same(home, me);

        rig.members.setStatus(a, MemberStatus.SUSPENDED);
        assertTrue(voices(home, me).stream().noneMatch(v -> v.getAuthorId() == a), "a suspended friend's voices go");
        assertTrue(diaries(home, me).stream().noneMatch(e -> e.getAuthorId() == a));
        same(home, me);
        rig.members.setStatus(a, MemberStatus.ACTIVE);
        same(home, me);

        home.friends.end(me, c);
        assertTrue(voices(home, me).stream().noneMatch(v -> v.getId() == early), "an ended friendship's voices go");
        same(home, me);

        // あしあと: the home count follows new visits, the list being opened, and a block of the visitor
        long visitor = rig.member("ほうもん");
        assertEquals(0, fresh(home, me));
        assertTrue(home.footprints.record(visitor, me));
        assertEquals(1, fresh(home, me), "a new footprint counts at once");
        home.footprints.markSeen(me, jp.keitai.sns.system.Clock.now().plusSeconds(1));
        assertEquals(0, fresh(home, me), "opening the list resets the count");
        assertTrue(
                home.footprints.record(a, me, jp.keitai.sns.system.Clock.now().plusSeconds(2)));
        assertEquals(1, fresh(home, me));
        home.friends.block(me, a);
        assertEquals(0, fresh(home, me), "a blocked visitor is not counted");
        home.friends.unblock(me, a);
        assertEquals(1, fresh(home, me));

        long asker = rig.member("しらない人");
        assertNull(home.sections.get(2).data(me), "no request, no section");
        home.friends.request(asker, me, "よろしく");
        assertEquals(1, home.sections.get(2).data(me));
        home.friends.block(me, asker);
        assertNull(home.sections.get(2).data(me), "blocking the asker ends the request");
    }

    private static int fresh(HomeQueryCountTest.Home home, long me) {
        int cached = home.footprints.fresh(me).count();
        assertEquals(home.rig.db.tx(em -> home.footprints.fresh(me)).count(), cached, "footprint count");
        return cached;
    }

    private static List<VoiceItem> voices(HomeQueryCountTest.Home home, long me) {
        return home.rig.voices.timeline(me, 1, VoiceHomeSection.SHOWN).getItems();
    }

    private static List<DiaryViews.Entry> diaries(HomeQueryCountTest.Home home, long me) {
        return home.diaries.friendsLatest(me, 10);
    }

    /** The in-memory answers equal the database's (a transaction reads the database). */
    private static void same(HomeQueryCountTest.Home home, long me) {
        VoiceRig rig = home.rig;
        VoicePage cached = rig.voices.timeline(me, 1, VoiceHomeSection.SHOWN);
        VoicePage stored = rig.db.tx(em -> rig.voices.timeline(me, 1, VoiceHomeSection.SHOWN));
        assertEquals(
                describe(stored.getItems()) + stored.isHasNext(), describe(cached.getItems()) + cached.isHasNext());
        List<DiaryViews.Entry> cachedDiaries = home.diaries.friendsLatest(me, 10);
        List<DiaryViews.Entry> storedDiaries = rig.db.tx(em -> home.diaries.friendsLatest(me, 10));
        assertEquals(entries(storedDiaries), entries(cachedDiaries));
        assertEquals(
                (int) rig.db.tx(em -> home.friends.incomingCount(me)),
                home.friends.incomingCount(me),
                "pending requests");
    }

    private static String describe(List<VoiceItem> items) {
        return items.stream()
                .map(v -> v.getId() + "|" + v.getAuthorName() + "|" + v.getBody() + "|" + v.getTime() + "|"
                        + v.getLikeCount() + "|" + v.isLiked() + "|" + v.getReplyCount() + "|" + v.isMine())
                .collect(Collectors.joining("\n"));
    }

    private static String entries(List<DiaryViews.Entry> entries) {
        return entries.stream()
                .map(e -> e.getId() + "|" + e.getTitle() + "|" + e.getAuthorNickname() + "|" + e.getWhen() + "|"
                        + e.getVisibilityLabel() + "|" + e.getCommentCount())
                .collect(Collectors.joining("\n"));
    }
}

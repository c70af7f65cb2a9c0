package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** VoiceService on H2 and PostgreSQL: limits, who sees voices and replies, イイネ!, deleting, posting once. */
class VoiceServiceTest {

    static List<Long> ids(List<VoiceItem> items) {
        return items.stream().map(VoiceItem::getId).toList();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void limitsAreCountedInCharactersAndBlankIsRefused(TestDb db) {
        VoiceRig rig = new VoiceRig(db.database());
        long a = rig.member("a");
        String empty = assertThrows(Refused.class, () -> rig.voices.post(a, "", null, null))
                .getMessage();
        assertEquals("ボイスを入力してください（空白だけでは投稿できません）。", empty);
        assertThrows(Refused.class, () -> rig.voices.post(a, null, null, null));
        assertEquals(
                empty,
                assertThrows(Refused.class, () -> rig.voices.post(a, " \u3000\r\n ", null, null))
                        .getMessage());
        assertEquals(
                "ボイスは150文字までです（いま151文字）。",
                assertThrows(Refused.class, () -> rig.voices.post(a, "😀".repeat(151), null, null))
                        .getMessage());
        assertThrows(Refused.class, () -> rig.voices.post(a, "あ".repeat(151), null, null));
        assertEquals(
                "ボイスは150文字までです（いま1000文字）。",
                assertThrows(Refused.class, () -> rig.voices.post(a, "あ".repeat(1000), null, null))
                        .getMessage());
        assertThrows(Refused.class, () -> rig.voices.post(a, "☀️".repeat(151), null, null));

        String emoji = "😀".repeat(50) + "☀️".repeat(50) + "𠮷".repeat(50);
        long id = rig.post(a, emoji);
        assertEquals(emoji, rig.voices.visible(a, id).orElseThrow().getBody(), "4-byte characters stored intact");
        assertEquals(1, rig.voices.timeline(a, 1, 10).getItems().size());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void friendsAndTheAuthorSeeVoicesStrangersBlockedAndGuestsDoNot(TestDb db) {
        VoiceRig rig = new VoiceRig(db.database());
        long a = rig.member("author");
        long friend = rig.member("friend");
        long stranger = rig.member("stranger");
        long blocked = rig.member("blocked");
        long friendOfFriend = rig.member("fof");
        rig.friends(a, friend);
        rig.friends(a, blocked);
        rig.friends(friend, friendOfFriend);
        rig.block(a, blocked);
        long p = rig.post(a, "無事です☀️");

        assertEquals(List.of(p), ids(rig.voices.timeline(a, 1, 10).getItems()), "the author");
        assertEquals(List.of(p), ids(rig.voices.timeline(friend, 1, 10).getItems()), "a friend");
        assertEquals(List.of(), ids(rig.voices.timeline(stranger, 1, 10).getItems()), "a stranger");
        assertEquals(List.of(), ids(rig.voices.timeline(blocked, 1, 10).getItems()), "a friend the author blocked");
        assertEquals(List.of(), ids(rig.voices.timeline(friendOfFriend, 1, 10).getItems()), "friends only");

        for (Long viewer : new Long[] {stranger, blocked, friendOfFriend, null}) {
            assertTrue(rig.voices.visible(viewer, p).isEmpty(), "visible to " + viewer);
            assertTrue(rig.voices.thread(viewer, p).isEmpty(), "thread for " + viewer);
            assertEquals(List.of(), rig.voices.latestBy(viewer, a, 5), "profile for " + viewer);
        }
        assertEquals(List.of(p), ids(rig.voices.latestBy(friend, a, 5)));
        assertEquals(List.of(p), ids(rig.voices.latestBy(a, a, 5)));

        // the block works the other way too: a member who blocked the author sees nothing of theirs
        long other = rig.member("other");
        rig.friends(a, other);
        assertEquals(List.of(p), ids(rig.voices.timeline(other, 1, 10).getItems()));
        rig.block(other, a);
        assertEquals(List.of(), ids(rig.voices.timeline(other, 1, 10).getItems()));
        assertTrue(rig.voices.visible(other, p).isEmpty());

        // strangers, blocked members and guests cannot reply or like either
        assertThrows(Refused.class, () -> rig.voices.post(stranger, "こんにちは", p, null));
        assertThrows(Refused.class, () -> rig.voices.post(blocked, "こんにちは", p, null));
        assertNotNull(rig.voices.like(stranger, p));
        assertNotNull(rig.voices.like(blocked, p));

        // a suspended author's voices disappear for everyone else
        rig.members.setStatus(a, MemberStatus.SUSPENDED);
        assertEquals(List.of(), ids(rig.voices.timeline(friend, 1, 10).getItems()));
        assertTrue(rig.voices.visible(friend, p).isEmpty());
        assertEquals(List.of(p), ids(rig.voices.timeline(a, 1, 10).getItems()), "the author still sees their own");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void repliesThreadUnderThePostAndFollowItsVisibility(TestDb db) {
        VoiceRig rig = new VoiceRig(db.database());
        long a = rig.member("author");
        long f1 = rig.member("f1");
        long f2 = rig.member("f2");
        long stranger = rig.member("stranger");
        rig.friends(a, f1);
        rig.friends(a, f2);
        long p = rig.post(a, "地震大丈夫？");
        long r1 = rig.reply(f1, p, "無事です");
        long r2 = rig.reply(f2, r1, "こちらも無事"); // a reply to a reply goes under the same post
        long r3 = rig.reply(a, p, "よかった");

        VoiceItem thread = rig.voices.thread(f2, p).orElseThrow();
        assertEquals(List.of(r1, r2, r3), ids(thread.getReplies()), "oldest first, all under the post");
        assertEquals(3, thread.getReplyCount());
        assertEquals(p, rig.voices.thread(f2, r2).orElseThrow().getId(), "a reply's page is its post's thread");
        assertEquals(p, rig.voices.visible(f1, r2).orElseThrow().getReplyTo());
        assertEquals(List.of(p), ids(rig.voices.timeline(f1, 1, 10).getItems()), "replies are not posts of the feed");
        assertEquals(3, rig.voices.timeline(a, 1, 10).getItems().get(0).getReplyCount());

        // f2 is not f1's friend, yet sees f1's reply: replies belong to the thread. A stranger sees none of it.
        assertTrue(rig.voices.visible(f2, r1).isPresent());
        assertTrue(rig.voices.visible(stranger, r1).isEmpty());
        assertTrue(rig.voices.thread(stranger, r1).isEmpty());

        // across a block, the other member's replies are left out (and not counted)
        rig.block(f2, f1);
        VoiceItem forF2 = rig.voices.thread(f2, p).orElseThrow();
        assertEquals(List.of(r2, r3), ids(forF2.getReplies()));
        assertEquals(2, forF2.getReplyCount());
        assertEquals(2, rig.voices.timeline(f2, 1, 10).getItems().get(0).getReplyCount());
        assertTrue(rig.voices.visible(f2, r1).isEmpty());
        assertEquals(3, rig.voices.thread(a, p).orElseThrow().getReplyCount(), "the author still sees all three");
        assertThrows(Refused.class, () -> rig.voices.post(f2, "返信", r1, null), "no reply to a blocked member's reply");
        assertNotNull(rig.voices.post(f2, "返信", p, null));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aLikeIsOnePerMemberHoweverOftenAndHoweverFastItIsClicked(TestDb db) throws Exception {
        VoiceRig rig = new VoiceRig(db.database());
        long a = rig.member("author");
        long f = rig.member("friend");
        rig.friends(a, f);
        long p = rig.post(a, "イイネして");
        assertNull(rig.voices.like(f, p));
        assertNull(rig.voices.like(f, p), "the second click is no error");
        VoiceItem seen = rig.voices.visible(f, p).orElseThrow();
        assertEquals(1, seen.getLikeCount());
        assertTrue(seen.isLiked());
        assertFalse(rig.voices.visible(a, p).orElseThrow().isLiked());

        // eight clicks arriving at once: the primary key keeps one, and no click fails
        long q = rig.post(a, "もう一度");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> clicks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<String> click = () -> {
                    start.await();
                    return rig.voices.like(f, q);
                };
                clicks.add(pool.submit(click));
            }
            start.countDown();
            for (Future<String> c : clicks) {
                assertNull(c.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rig.voices.visible(a, q).orElseThrow().getLikeCount());
        assertNull(rig.voices.like(a, q), "the author may like their own");
        assertEquals(2, rig.voices.timeline(f, 1, 10).getItems().get(0).getLikeCount());

        rig.voices.unlike(f, q);
        rig.voices.unlike(f, q);
        assertEquals(1, rig.voices.visible(a, q).orElseThrow().getLikeCount());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void onlyTheAuthorDeletesAndRepliesAndLikesGoWithThePost(TestDb db) {
        VoiceRig rig = new VoiceRig(db.database());
        long a = rig.member("author");
        long f = rig.member("friend");
        rig.friends(a, f);
        long p = rig.post(a, "消すかも");
        long r = rig.reply(f, p, "返信");
        rig.voices.like(f, p);
        assertEquals(
                "削除できるのは自分のボイスだけです。",
                assertThrows(Refused.class, () -> rig.voices.delete(f, p), "not the friend's")
                        .getMessage());
        assertTrue(rig.voices.visible(a, p).isPresent());
        VoiceService.Deleted reply = assertDoesNotThrow(() -> rig.voices.delete(f, r), "but the friend's own reply");
        assertEquals(p, reply.thread(), "a deleted reply leads back to its thread");
        long r2 = rig.reply(f, p, "もう一度返信");
        assertEquals(new VoiceService.Deleted(null), rig.voices.delete(a, p), "a deleted post leads to the list");
        assertThrows(Refused.class, () -> rig.voices.delete(a, p), "gone already");
        assertTrue(rig.voices.visible(f, r2).isEmpty());
        assertEquals(0, rig.voices.countBy(f), "the reply went with its post");
        assertNotNull(rig.voices.like(f, p));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theSameFormOrMailPostsOnceEvenWhenSentTwiceAtOnce(TestDb db) throws Exception {
        VoiceRig rig = new VoiceRig(db.database());
        long a = rig.member("author");
        VoiceService.Posted first = rig.voices.post(a, "一回だけ", null, "web:key-0001");
        VoiceService.Posted again = rig.voices.post(a, "一回だけ", null, "web:key-0001");
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.id(), again.id());

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<VoiceService.Posted>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    return rig.voices.post(a, "連打", null, "web:key-0002");
                }));
            }
            start.countDown();
            Long id = null;
            for (Future<VoiceService.Posted> f : posts) {
                VoiceService.Posted posted = f.get();
                assertTrue(posted.id() > 0);
                id = id == null ? posted.id() : id;
                assertEquals(id, posted.id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, rig.voices.countBy(a));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theFeedIsNewestFirstInPages(TestDb db) {
        VoiceRig rig = new VoiceRig(db.database());
        long me = rig.member("me");
        long f = rig.member("friend");
        long stranger = rig.member("stranger");
        rig.friends(me, f);
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posted.add(rig.post(i % 2 == 0 ? f : me, "ボイス" + i));
            rig.post(stranger, "見えない" + i);
        }
        VoicePage one = rig.voices.timeline(me, 1, 10);
        VoicePage two = rig.voices.timeline(me, 2, 10);
        List<Long> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst.subList(0, 10), ids(one.getItems()));
        assertTrue(one.isHasNext());
        assertEquals(newestFirst.subList(10, 12), ids(two.getItems()));
        assertFalse(two.isHasNext());
        assertEquals("friend", one.getItems().get(1).getAuthorName());
        assertTrue(one.getItems().get(0).isMine());
        assertEquals(List.of(posted.get(10), posted.get(8)), ids(rig.voices.latestBy(me, f, 2)));
    }
}

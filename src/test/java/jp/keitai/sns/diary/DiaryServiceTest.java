package jp.keitai.sns.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing, editing, deleting, comments and lists, on H2 and PostgreSQL. */
class DiaryServiceTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void limitsAreCheckedAndNothingIsHalfWritten(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        long me = rig.member("たろう", "taro@docomo.ne.jp");
        DiaryService d = rig.diaries;
        assertEquals(
                "タイトルを入力してください。",
                assertThrows(Refused.class, () -> d.create(me, " ", "本文", "friends", List.of(), false))
                        .getMessage());
        assertEquals(
                "本文を入力してください。",
                assertThrows(Refused.class, () -> d.create(me, "t", "\n ", "friends", List.of(), false))
                        .getMessage());
        assertEquals(
                "公開範囲を選んでください。",
                assertThrows(Refused.class, () -> d.create(me, "t", "b", "world", List.of(), false))
                        .getMessage());
        // 10,000 characters as members count them: an emoji is one
        String full = "☀".repeat(5_000) + "😺".repeat(5_000);
        d.create(me, "t", full, "private", List.of(), false);
        assertEquals(
                "本文は10,000文字までです。",
                assertThrows(Refused.class, () -> d.create(me, "t", full + "あ", "private", List.of(), false))
                        .getMessage());
        byte[] photo = DiaryRig.image(20, 20, "jpeg");
        assertEquals(
                "写真は3枚までです。",
                assertThrows(
                                Refused.class,
                                () -> d.create(me, "t", "b", "friends", List.of(photo, photo, photo, photo), false))
                        .getMessage());
        // one bad photo refuses the whole diary and leaves no file
        assertThrows(
                Refused.class, () -> d.create(me, "t", "b", "friends", List.of(photo, "no image".getBytes()), false));
        assertEquals(1, rig.diaryCount(me));
        long id = rig.reader
                .list(me, me, null, 1)
                .orElseThrow()
                .getEntries()
                .get(0)
                .getId();
        assertEquals(full, rig.reader.visible(me, id).orElseThrow().getBody());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void commentsAreNumberedRepliesLinkAndDeletionFollowsTheRules(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        long author = rig.member("作者", "a@docomo.ne.jp");
        long friend = rig.member("友人", "f@ezweb.ne.jp");
        long other = rig.member("友人2", "g@softbank.ne.jp");
        rig.friends(author, friend);
        rig.friends(author, other);
        long id = rig.diaries.create(author, "t", "b", "friends", List.of(), false);
        assertEquals(1, rig.comments.comment(friend, id, "一番"));
        assertEquals(2, rig.comments.comment(other, id, "二番"));
        assertEquals(3, rig.comments.comment(author, id, ">>1 ありがとう\n＞＞２ どうも"));
        // a commenter deletes only their own; numbers are never reused
        assertFalse(rig.comments.deleteComment(friend, id, 2));
        assertTrue(rig.comments.deleteComment(friend, id, 1));
        assertEquals(4, rig.comments.comment(friend, id, "もう一度"));
        // the author deletes any
        assertTrue(rig.comments.deleteComment(author, id, 2));
        DiaryViews.Page page = rig.reader.page(author, id).orElseThrow();
        assertEquals(
                List.of(3, 4),
                page.getComments().stream().map(DiaryViews.Comment::getNumber).toList());
        assertEquals(2, page.getDiary().getCommentCount());
        List<DiaryText.Segment> reply = page.getComments().get(0).getSegments();
        assertEquals(1, reply.get(0).getRefNumber());
        assertEquals(" ありがとう", reply.get(1).getText());
        assertTrue(reply.get(2).isLineBreak());
        assertEquals(2, reply.get(3).getRefNumber());
        // comment notices are off by default
        assertEquals(0, rig.outboxTo("a@docomo.ne.jp").size());
        rig.diaries.saveSettings(author, "friends", true);
        rig.comments.comment(friend, id, "通知されるはず");
        assertEquals(1, rig.outboxTo("a@docomo.ne.jp").size());
        assertEquals("diary/comment", rig.outboxTo("a@docomo.ne.jp").get(0).getTemplate());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void onlyTheAuthorEditsAndDeletes(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        long author = rig.member("作者", "a@docomo.ne.jp");
        long friend = rig.member("友人", "f@ezweb.ne.jp");
        rig.friends(author, friend);
        byte[] photo = DiaryRig.image(20, 20, "png");
        long id = rig.diaries.create(author, "t", "b", "everyone", List.of(photo, photo), false);
        assertThrows(Refused.class, () -> rig.diaries.edit(friend, id, "x", "y", "everyone", Set.of(), List.of()));
        assertFalse(rig.diaries.delete(friend, id));
        assertEquals(
                "写真は3枚までです。",
                assertThrows(
                                Refused.class,
                                () -> rig.diaries.edit(
                                        author, id, "t2", "b2", "private", Set.of(), List.of(photo, photo)))
                        .getMessage());
        rig.diaries.edit(author, id, "t2", "b2", "private", Set.of(1), List.of(photo, photo));
        DiaryViews.Page page = rig.reader.page(author, id).orElseThrow();
        assertEquals("t2", page.getDiary().getTitle());
        assertEquals(
                List.of(1, 2, 3),
                page.getPhotos().stream().map(DiaryPhoto::getPosition).toList());
        assertTrue(rig.reader.visible(friend, id).isEmpty(), "now private");
        rig.comments.comment(author, id, "自分で");
        assertTrue(rig.diaries.delete(author, id));
        assertTrue(rig.reader.visible(author, id).isEmpty());
        assertEquals(0, rig.diaryCount(author));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void listsArePagedWithAMonthlyArchiveAndSettingsHaveDefaults(TestDb db) {
        DiaryRig rig = new DiaryRig(db.database());
        long me = rig.member("日記家", "n@docomo.ne.jp");
        long stranger = rig.member("他人", "s@docomo.ne.jp");
        assertEquals("friends", rig.diaries.settings(me).getDefaultVisibility());
        assertFalse(rig.diaries.settings(me).isCommentMail());
        for (int i = 0; i < 23; i++) {
            rig.diaries.create(me, "日記" + i, "b", i % 2 == 0 ? "everyone" : "friends", List.of(), false);
        }
        DiaryViews.ListPage first = rig.reader.list(me, me, null, 1).orElseThrow();
        assertEquals(23, first.getTotalCount());
        assertEquals(3, first.getPageCount());
        assertEquals("日記22", first.getEntries().get(0).getTitle());
        DiaryViews.ListPage last = rig.reader.list(me, me, null, 3).orElseThrow();
        assertEquals(3, last.getEntries().size());
        DiaryViews.ListPage theirs = rig.reader.list(stranger, me, null, 1).orElseThrow();
        assertEquals(12, theirs.getTotalCount());
        DiaryViews.Month month = theirs.getMonths().get(0);
        assertEquals(12, month.getCount());
        assertEquals(
                12,
                rig.reader
                        .list(stranger, me, month.getMonthNumber(), 1)
                        .orElseThrow()
                        .getTotalCount());
        assertEquals(0, rig.reader.list(stranger, me, 190001, 1).orElseThrow().getTotalCount());
        assertEquals(
                "公開範囲を選んでください。",
                assertThrows(Refused.class, () -> rig.diaries.saveSettings(me, "all", true))
                        .getMessage());
        rig.diaries.saveSettings(me, "private", true);
        assertEquals("private", rig.diaries.settings(me).getDefaultVisibility());
        assertTrue(rig.diaries.settings(me).isCommentMail());
    }

    @Test
    void textSegmentsKeepEveryCharacter() {
        List<DiaryText.Segment> s = DiaryText.segments("a<b>&\r\nc>>12d", true);
        assertEquals("a<b>&", s.get(0).getText());
        assertTrue(s.get(1).isLineBreak());
        assertEquals("c", s.get(2).getText());
        assertEquals(12, s.get(3).getRefNumber());
        assertEquals("d", s.get(4).getText());
        assertEquals(1, DiaryText.segments(">>12", false).size());
    }
}

package jp.keitai.sns.diary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.access.Visibility;
import org.junit.jupiter.api.Test;

/** The weight the diary page cache counts ({@code sns.cache.diaries-mb}) follows what members wrote. */
class DiaryPageWeightTest {

    private static DiaryFeed.PageRows page(int bodyChars, int comments, int commentChars) {
        Instant at = Instant.parse("2026-12-07T00:00:00Z");
        Diary d = new Diary(1, "題名", "あ".repeat(bodyChars), Visibility.FRIENDS, false, at);
        List<DiaryComment> cs = new ArrayList<>();
        for (int i = 1; i <= comments; i++) {
            cs.add(new DiaryComment(1, i, 2, "い".repeat(commentChars), at));
        }
        return new DiaryFeed.PageRows(d, cs, List.of());
    }

    @Test
    void aPageWeighsItsTextInUtf16AndItsComments() {
        int small = DiaryFeed.bytesOf(page(200, 0, 0));
        int longDiary = DiaryFeed.bytesOf(page(10_000, 0, 0));
        int commented = DiaryFeed.bytesOf(page(200, 100, 50));
        assertTrue(small >= 400 && small < 2_000, "a short diary: " + small);
        assertTrue(longDiary >= 20_000, "10,000 characters are at least 20,000 bytes: " + longDiary);
        assertTrue(commented >= small + 100 * 100, "100 comments of 50 characters: " + commented);
    }
}

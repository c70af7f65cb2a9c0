package jp.keitai.sns.community;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weight the topic caches count ({@code sns.cache.topics-mb}) follows what members wrote: a topic's text, and each
 * kept page of comments — a topic may have thousands of comments of 5,000 characters, so a count alone bounds nothing.
 */
class TopicPageWeightTest {

    private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");

    private static CommunityFeed.TopicRows topic(int bodyChars) {
        String body = "あ".repeat(bodyChars);
        Topic t = new Topic(1, 2, 3, "題", body, false, null, null, null, null, 0, 0, false, AT, AT);
        return new CommunityFeed.TopicRows(
                t, "12/07", TopicViews.segments(body, TopicService.PAGE), List.of(), List.of(), 1);
    }

    private static CommunityFeed.KeptPage page(CommunityFeed.TopicRows rows, int comments, int chars) {
        List<CommunityFeed.CommentLine> lines = new ArrayList<>();
        for (int i = 1; i <= comments; i++) {
            lines.add(new CommunityFeed.CommentLine(
                    i,
                    4,
                    "12/07",
                    TopicViews.segments("い".repeat(chars), TopicService.PAGE),
                    List.of(),
                    false,
                    false,
                    false));
        }
        return new CommunityFeed.KeptPage(rows.read(), lines);
    }

    @Test
    void aTopicWeighsItsTextTwiceRawAndCut() {
        int small = CommunityFeed.bytesOf(topic(100));
        int longest = CommunityFeed.bytesOf(topic(TopicService.MAX_BODY));
        assertTrue(small >= 400 && small < 2_000, "a short topic: " + small);
        assertTrue(longest >= 4 * TopicService.MAX_BODY, "10,000 characters, raw and in segments: " + longest);
    }

    @Test
    void aPageOfCommentsWeighsEachCommentsText() {
        CommunityFeed.TopicRows rows = topic(10);
        int empty = CommunityFeed.bytesOf(page(rows, 0, 0));
        int full = CommunityFeed.bytesOf(page(rows, TopicService.PAGE, TopicService.MAX_COMMENT));
        assertTrue(empty < 500, "no comments: " + empty);
        assertTrue(
                full >= 2 * TopicService.PAGE * TopicService.MAX_COMMENT,
                "20 comments of 5,000 characters are at least 200,000 bytes: " + full);
    }
}

package jp.keitai.sns.news;

import java.util.List;
import jp.keitai.sns.diary.DiaryText;
import jp.keitai.sns.diary.DiaryViews;

/** What the news pages show; records, read by the templates as properties. */
public final class NewsViews {

    private NewsViews() {}

    /** An article in a list. */
    public record Line(long id, String title, String source, String when, int commentCount, long score) {
        static Line of(ArticleStore.ArticleRow a) {
            return new Line(a.id(), a.title(), a.source(), DiaryText.shortWhen(a.publishedAt()), a.commentCount(), 0);
        }

        static Line ranked(NewsFeed.RankedArticle r) {
            ArticleStore.ArticleRow a = r.article();
            return new Line(
                    a.id(), a.title(), a.source(), DiaryText.shortWhen(a.publishedAt()), a.commentCount(), r.score());
        }
    }

    /** A category with its newest articles (the top page), or with its rankings too (the category page). */
    public record Category(
            String value, String label, List<Line> articles, List<Line> mostCommented, List<Line> mostRead) {}

    /** One comment as a viewer sees it. */
    public record Comment(
            long id, long authorId, String nickname, String when, List<DiaryText.Segment> segments, boolean hidden) {}

    /** The article page. */
    public record Article(
            long id,
            String title,
            String source,
            String categoryValue,
            String categoryLabel,
            String when,
            String summary,
            String link,
            String imageUrl,
            int commentCount,
            List<Comment> comments,
            List<DiaryViews.Entry> diaries,
            boolean canComment) {}

    /** A comment in the console, hidden ones too. */
    public record ConsoleComment(
            long id,
            long articleId,
            String articleTitle,
            long authorId,
            String nickname,
            String body,
            String when,
            boolean hidden) {}

    /** A partner feed in the console. */
    public record FeedLine(
            long id,
            String name,
            String categoryLabel,
            String url,
            int intervalMinutes,
            boolean active,
            boolean failing,
            int failures,
            String lastError,
            String lastSuccess,
            String nextPoll,
            int articleCount) {
        static FeedLine of(PartnerFeedStore.FeedRow f) {
            return new FeedLine(
                    f.id(),
                    f.name(),
                    f.category().getLabel(),
                    f.url(),
                    f.intervalMinutes(),
                    f.active(),
                    f.failures() > 0,
                    f.failures(),
                    f.lastError(),
                    f.lastSuccessAt() == null ? "—" : DiaryText.when(f.lastSuccessAt()),
                    f.nextPollAt() == null ? "—" : DiaryText.when(f.nextPollAt()),
                    f.articleCount());
        }
    }
}

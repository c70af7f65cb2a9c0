package jp.keitai.sns.news;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.admin.AuditLog;
import jp.keitai.sns.diary.DiaryService;
import jp.keitai.sns.diary.DiaryText;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * Reading the news, commenting on it, hiding comments (operators, audited), diaries about an article, and the
 * rankings. Who sees a comment or a diary is the access policy's: comments follow the rule of diary comments (none
 * across a block, either way, none by suspended or withdrawn members; one's own always), diaries their 公開範囲.
 */
@ApplicationScoped
public class NewsService {

    public static final String NOT_FOUND = "ニュースが見つかりません。";
    public static final int MAX_COMMENT = 1000;
    /** Articles per category on the top page, and on the category page. */
    static final int TOP = 5;

    static final int LIST = NewsFeed.KEPT;

    @Inject
    Database database;

    @Inject
    ArticleStore store;

    @Inject
    NewsFeed feed;

    @Inject
    AccessPolicy policy;

    @Inject
    MemberService members;

    @Inject
    DiaryService diaries;

    @Inject
    AuditLog audit;

    protected NewsService() {}

    NewsService(
            Database database,
            ArticleStore store,
            NewsFeed feed,
            AccessPolicy policy,
            MemberService members,
            DiaryService diaries,
            AuditLog audit) {
        this.database = database;
        this.store = store;
        this.feed = feed;
        this.policy = policy;
        this.members = members;
        this.diaries = diaries;
        this.audit = audit;
    }

    /** Every category with its newest articles (categories without articles left out). */
    public List<NewsViews.Category> top() {
        List<NewsViews.Category> out = new ArrayList<>();
        for (NewsCategory c : NewsCategory.values()) {
            List<NewsViews.Line> lines =
                    feed.latest(c, TOP).stream().map(NewsViews.Line::of).toList();
            if (!lines.isEmpty()) {
                out.add(new NewsViews.Category(c.getValue(), c.getLabel(), lines, List.of(), List.of()));
            }
        }
        return out;
    }

    /** A category's newest articles and its rankings of the last 24 hours. */
    public Optional<NewsViews.Category> category(String value, Instant now) {
        return NewsCategory.parse(value)
                .map(c -> new NewsViews.Category(
                        c.getValue(),
                        c.getLabel(),
                        feed.latest(c, LIST).stream().map(NewsViews.Line::of).toList(),
                        ranking(c, true, now),
                        ranking(c, false, now)));
    }

    private List<NewsViews.Line> ranking(NewsCategory c, boolean byComments, Instant now) {
        return feed.ranking(c, byComments, now, TOP).stream()
                .map(NewsViews.Line::ranked)
                .toList();
    }

    /**
     * The article page for a member, counted as one read for the ranking: the comments the viewer may see, with
     * nicknames, and the diaries about it the viewer may see.
     */
    public NewsViews.Article read(long viewer, long id, Instant now) {
        ArticleStore.ArticleRow a = store.article(id).orElseThrow(() -> new NotFound(NOT_FOUND));
        store.count(a.id(), a.category(), NewsFeed.hourOf(now), 1, 0);
        List<ArticleStore.CommentRow> rows = store.comments(id);
        Set<Long> writers = new HashSet<>();
        rows.forEach(c -> writers.add(c.authorId()));
        Set<Long> shown = policy.canSeeAmong(viewer, writers, Visibility.EVERYONE);
        Map<Long, String> nick = members.nicknames(shown);
        List<NewsViews.Comment> comments = rows.stream()
                .filter(c -> shown.contains(c.authorId()))
                .map(c -> new NewsViews.Comment(
                        c.id(),
                        c.authorId(),
                        nick.getOrDefault(c.authorId(), ""),
                        DiaryText.when(c.createdAt()),
                        DiaryText.segments(c.body(), false),
                        false))
                .toList();
        boolean canComment = members.isActive(viewer);
        return new NewsViews.Article(
                a.id(),
                a.title(),
                a.source(),
                a.category().getValue(),
                a.category().getLabel(),
                DiaryText.when(a.publishedAt()),
                a.summary(),
                a.link(),
                a.imageUrl(),
                comments.size(),
                comments,
                diaries.aboutNews(viewer, id, 20),
                canComment);
    }

    /** The article's title, for the diary form; 404 when there is no such article. */
    public String title(long id) {
        return store.article(id).map(ArticleStore.ArticleRow::title).orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    /** A member's comment on an article (1 to {@value #MAX_COMMENT} characters). */
    public long comment(long me, long articleId, String body, Instant now) {
        ArticleStore.ArticleRow a = store.article(articleId).orElseThrow(() -> new NotFound(NOT_FOUND));
        String text = body == null
                ? ""
                : body.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new Refused("コメントを入力してください。");
        }
        if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
            throw new Refused("コメントは" + MAX_COMMENT + "文字までです。");
        }
        Optional<MemberSummary> m = members.find(me);
        if (m.isEmpty() || m.get().status() != MemberStatus.ACTIVE) {
            throw new Refused("アカウントが停止されているためコメントできません。");
        }
        long id = database.tx(em -> store.insertComment(articleId, me, text, now));
        store.count(articleId, a.category(), NewsFeed.hourOf(now), 0, 1);
        feed.changed(a.category());
        return id;
    }

    /**
     * Hides (or shows again) a comment: an operator's decision, recorded in the audit log in the same transaction.
     * The article's comment count and the ranking counter of the comment's hour follow.
     */
    public void hide(long operator, long commentId, boolean hide, String note) {
        ArticleStore.CommentRow c = store.comment(commentId).orElseThrow(() -> new NotFound("コメントが見つかりません。"));
        boolean changed = database.tx(em -> {
            if (!store.setHidden(commentId, hide)) {
                return false;
            }
            store.addToCommentCount(c.articleId(), hide ? -1 : 1);
            audit.record(operator, hide ? "news.comment.hide" : "news.comment.show", "news_comment:" + commentId, note);
            return true;
        });
        if (changed) {
            store.article(c.articleId()).ifPresent(a -> {
                store.count(a.id(), a.category(), NewsFeed.hourOf(c.createdAt()), 0, hide ? -1 : 1);
                feed.changed(a.category());
            });
        }
    }

    /** The newest comments on any article, hidden ones too, for the console. */
    public List<NewsViews.ConsoleComment> latestComments(int limit, int offset) {
        List<ArticleStore.CommentRow> rows = store.latestComments(limit, offset);
        Set<Long> authors = new HashSet<>();
        rows.forEach(c -> authors.add(c.authorId()));
        Map<Long, String> nick = members.nicknames(authors);
        return rows.stream()
                .map(c -> new NewsViews.ConsoleComment(
                        c.id(),
                        c.articleId(),
                        c.articleTitle(),
                        c.authorId(),
                        nick.getOrDefault(c.authorId(), ""),
                        c.body(),
                        DiaryText.when(c.createdAt()),
                        c.hidden()))
                .toList();
    }

    /** このニュースについて日記を書く: a diary (at any 公開範囲) that names the article. */
    public long writeDiary(long me, long articleId, String title, String body, String visibility) {
        store.article(articleId).orElseThrow(() -> new NotFound(NOT_FOUND));
        return diaries.createAboutNews(me, title == null ? "" : title, body == null ? "" : body, visibility, articleId);
    }
}

package jp.keitai.sns.diary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.Clock;

/** One diary. The visibility is stored as {@link Visibility#value()}. */
@Entity
@Table(name = "diary")
public class Diary {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String visibility;

    @Column(name = "month_jst", nullable = false)
    private int monthJst;

    @Column(name = "comment_count", nullable = false)
    private int commentCount;

    @Column(name = "next_comment_no", nullable = false)
    private int nextCommentNo = 1;

    @Column(name = "via_mail", nullable = false)
    private boolean viaMail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The mixiニュース article this diary is about (このニュースについて日記を書く), if any. */
    @Column(name = "news_article_id")
    private Long newsArticleId;

    protected Diary() {}

    Diary(long authorId, String title, String body, Visibility visibility, boolean viaMail, Instant at) {
        this.authorId = authorId;
        this.title = title;
        this.body = body;
        this.visibility = visibility.value();
        this.viaMail = viaMail;
        this.createdAt = at;
        this.updatedAt = at;
        this.monthJst = monthOf(at);
    }

    static int monthOf(Instant at) {
        var t = at.atZone(Clock.JAPAN);
        return t.getYear() * 100 + t.getMonthValue();
    }

    void edit(String title, String body, Visibility visibility, Instant at) {
        this.title = title;
        this.body = body;
        this.visibility = visibility.value();
        this.updatedAt = at;
    }

    /** Takes the next comment number (numbers are never reused). */
    int takeCommentNumber() {
        commentCount++;
        return nextCommentNo++;
    }

    void commentRemoved() {
        commentCount = Math.max(0, commentCount - 1);
    }

    public Long getId() {
        return id;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Visibility visibility() {
        return Visibility.parse(visibility).orElse(Visibility.PRIVATE);
    }

    /** The form value ({@code friends}, …), for templates. */
    public String getVisibility() {
        return visibility;
    }

    public String getVisibilityLabel() {
        return visibility().label();
    }

    public int getMonthJst() {
        return monthJst;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public boolean isViaMail() {
        return viaMail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getNewsArticleId() {
        return newsArticleId;
    }

    void aboutNews(Long articleId) {
        this.newsArticleId = articleId;
    }
}

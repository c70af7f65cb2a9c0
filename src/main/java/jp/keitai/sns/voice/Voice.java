package jp.keitai.sns.voice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One voice post or reply (see V10__voice.sql). */
@Entity
@Table(name = "voice")
public class Voice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(nullable = false)
    private String body;

    /** The post this one answers; null for a post. */
    @Column(name = "reply_to")
    private Long replyTo;

    @Column(name = "source_key")
    private String sourceKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Voice() {}

    Voice(long authorId, String body, Long replyTo, String sourceKey, Instant createdAt) {
        this.authorId = authorId;
        this.body = body;
        this.replyTo = replyTo;
        this.sourceKey = sourceKey;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public Long getReplyTo() {
        return replyTo;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

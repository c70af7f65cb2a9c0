package jp.keitai.sns.voice;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.keitai.sns.system.Clock;

/** A voice as a page shows it to one viewer: author, text, time in Japan, counts, and what the viewer may do. */
public final class VoiceItem {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);

    private final long id;
    private final long authorId;
    private final String authorName;
    private final String body;
    private final Long replyTo;
    private final Instant createdAt;
    private final int likeCount;
    private final boolean liked;
    private final int replyCount;
    private final boolean mine;
    private final List<VoiceItem> replies;

    VoiceItem(
            long id,
            long authorId,
            String authorName,
            String body,
            Long replyTo,
            Instant createdAt,
            int likeCount,
            boolean liked,
            int replyCount,
            boolean mine,
            List<VoiceItem> replies) {
        this.id = id;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body;
        this.replyTo = replyTo;
        this.createdAt = createdAt;
        this.likeCount = likeCount;
        this.liked = liked;
        this.replyCount = replyCount;
        this.mine = mine;
        this.replies = List.copyOf(replies);
    }

    public long getId() {
        return id;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public Long getReplyTo() {
        return replyTo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** e.g. {@code 3/11 15:02}, Japan time. */
    public String getTime() {
        return TIME.format(createdAt);
    }

    /** Number of イイネ!. */
    public int getLikeCount() {
        return likeCount;
    }

    /** Whether the viewer has said イイネ!. */
    public boolean isLiked() {
        return liked;
    }

    /** Replies the viewer may see. */
    public int getReplyCount() {
        return replyCount;
    }

    /** Whether the viewer wrote it (and may delete it). */
    public boolean isMine() {
        return mine;
    }

    /** The replies the viewer may see, oldest first (only on a post's own page). */
    public List<VoiceItem> getReplies() {
        return replies;
    }

    @Override
    public String toString() {
        return "voice " + id + " by " + authorId + ": " + body;
    }
}

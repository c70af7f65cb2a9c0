package jp.keitai.sns.live;

import java.time.Instant;

/**
 * One thing that happened, the same for everyone: who may see it is decided per member when it is sent.
 *
 * @param kind {@link #VOICE}, {@link #DIARY}, {@link #COMMENT} or {@link #REQUEST}
 * @param actorId who did it
 * @param objectId the voice, the diary (a comment: its diary), the member asked (a request)
 * @param detail a comment's number, else null
 */
public record LiveEvent(long id, String kind, long actorId, long objectId, Integer detail, Instant createdAt) {

    public static final String VOICE = "voice";
    public static final String DIARY = "diary";
    public static final String COMMENT = "comment";
    public static final String REQUEST = "request";
}

package jp.keitai.sns.community;

import java.time.Instant;

/** A topic (or event) as its row holds it; {@code commentCount} is the last comment number given. */
public record Topic(
        long id,
        long communityId,
        long authorId,
        String title,
        String body,
        boolean event,
        Instant eventAt,
        String place,
        Integer capacity,
        Instant deadline,
        int attendeeCount,
        int commentCount,
        boolean hidden,
        Instant lastActivityAt,
        Instant createdAt) {

    /** Whether the event takes answers at {@code now}: before its deadline. */
    public boolean open(Instant now) {
        return event && deadline != null && now.isBefore(deadline);
    }

    public boolean full() {
        return event && capacity != null && attendeeCount >= capacity;
    }
}

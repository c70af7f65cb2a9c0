package jp.keitai.sns.community;

import java.util.List;
import jp.keitai.sns.diary.DiaryText;

/** What topic pages show. */
public final class TopicViews {

    private TopicViews() {}

    /** A piece of comment text: text, a line break, or {@code >>n} with the page it is on. */
    public record Segment(String text, boolean lineBreak, int refNumber, int refPage) {}

    static List<Segment> segments(String text, int pageSize) {
        return DiaryText.segments(text, true).stream()
                .map(s -> new Segment(
                        s.getText(),
                        s.isLineBreak(),
                        s.getRefNumber(),
                        s.getRefNumber() > 0 ? (s.getRefNumber() - 1) / pageSize + 1 : 0))
                .toList();
    }

    /** A comment; a deleted or hidden one shows only its number and why. */
    public record Comment(
            int number,
            long authorId,
            String authorNickname,
            String when,
            List<Segment> segments,
            List<Integer> photos,
            boolean gone,
            String goneLabel,
            boolean canEdit,
            boolean canDelete,
            boolean viaMail) {}

    /** An event's state, for the 参加 form. */
    public record Event(
            String when,
            String place,
            Integer capacity,
            String deadline,
            int attendeeCount,
            boolean full,
            boolean closed,
            boolean attending,
            List<String> attendees) {}

    /** The topic page. */
    public record Page(
            CommunityViews.Card community,
            long id,
            String title,
            String when,
            long authorId,
            String authorNickname,
            List<Segment> body,
            List<Integer> photos,
            Event event,
            List<Comment> comments,
            int commentCount,
            int pageNumber,
            int pageCount,
            boolean member,
            boolean canComment,
            boolean mine,
            boolean canDeleteTopic,
            String postingAddress,
            int maxComment,
            int maxPhotos) {}
}

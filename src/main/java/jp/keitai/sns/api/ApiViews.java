package jp.keitai.sns.api;

import java.time.Instant;
import java.util.List;
import jp.keitai.sns.community.CommunityViews;
import jp.keitai.sns.voice.VoiceItem;

/**
 * What the JSON API answers and reads, as records (JSON-B writes their components by name). Times are ISO-8601 UTC
 * ({@code createdAt}) where the service has the instant, else the text the pages show in Japan time ({@code when}).
 */
public final class ApiViews {

    private ApiViews() {}

    /** A member as other answers name them. */
    public record MemberRef(long id, String nickname) {}

    /** The calling member's own profile. */
    public record Me(
            long id,
            String nickname,
            String selfIntro,
            String selfIntroVisibility,
            int friendCount,
            int unreadMessages,
            int pendingFriendRequests) {}

    /** A change of the caller's profile (all three, as the settings page sends them). */
    public record ProfilePut(String nickname, String selfIntro, String selfIntroVisibility) {}

    /** Another member's profile; {@code selfIntro} is null when its level hides it from the caller. */
    public record Member(long id, String nickname, String selfIntro, boolean friend) {}

    /** One line of the home timeline: a friend's (or one's own) voice or diary. */
    public record TimelineItem(
            String kind, long id, MemberRef author, String text, String href, Instant createdAt, String note) {}

    public record Timeline(List<TimelineItem> items) {}

    public record Voice(
            long id,
            MemberRef author,
            String body,
            Long replyTo,
            Instant createdAt,
            int likeCount,
            boolean liked,
            int replyCount,
            boolean mine,
            List<Voice> replies) {

        static Voice of(VoiceItem v) {
            return new Voice(
                    v.getId(),
                    new MemberRef(v.getAuthorId(), v.getAuthorName()),
                    v.getBody(),
                    v.getReplyTo(),
                    v.getCreatedAt(),
                    v.getLikeCount(),
                    v.isLiked(),
                    v.getReplyCount(),
                    v.isMine(),
                    v.getReplies().stream().map(Voice::of).toList());
        }
    }

    public record VoiceList(List<Voice> items, int page, boolean hasNext) {}

    /** A new voice, or a reply to voice {@code replyTo}: 1 to 150 characters. */
    public record VoicePost(String body, Long replyTo) {}

    /** Something made: its id and where it is read. */
    public record Created(long id, String location) {}

    /** A rule's answer in Japanese (マイミク requests: 「マイミク申請を送りました。」). */
    public record Done(String message) {}

    public record DiaryLine(
            long id, String title, MemberRef author, int commentCount, String visibility, String when) {}

    public record DiaryList(MemberRef owner, List<DiaryLine> items, long total, int page, int pages) {}

    /** A new diary; visibility is one of everyone, friends_of_friends, friends, private. */
    public record DiaryPost(String title, String body, String visibility) {}

    /** A diary as read (the same data as {@code /diary/{id}.json}). */
    public record Diary(
            long id,
            MemberRef author,
            String title,
            String body,
            String visibility,
            String createdAt,
            String updatedAt,
            List<String> photos,
            List<Comment> comments) {}

    public record Comment(int number, MemberRef author, String body) {}

    public record CommentPost(String body) {}

    public record CommentCreated(int number) {}

    public record Friends(List<MemberRef> items, int total) {}

    /** A マイミク request; {@code member} is the other side (who asked, in incoming; who was asked, in outgoing). */
    public record FriendRequest(long id, MemberRef member, String message, Instant createdAt) {}

    public record FriendRequests(List<FriendRequest> incoming, List<FriendRequest> outgoing) {}

    public record FriendRequestPost(Long memberId, String message) {}

    public record Footprint(MemberRef visitor, Instant at) {}

    /** Who visited the caller's pages; none while 忍び足 is on ({@code stealth}), as on the page. */
    public record Footprints(List<Footprint> items, int page, boolean hasNext, boolean stealth) {}

    public record CommunityLine(long id, String name, String category, int memberCount) {}

    public record Communities(List<CommunityLine> items) {}

    /** A community; topics only when the caller may read them ({@code canRead}). */
    public record Community(
            CommunityViews.Card card, String standing, boolean canRead, List<CommunityViews.TopicLine> topics) {}

    /**
     * The caller's standing in a community after joining or leaving: {@code member} (joined), {@code pending} (asked
     * to join; the administrator decides) or {@code none} (left); {@code message} is the service's answer in Japanese.
     */
    public record Membership(long communityId, String standing, String message) {}

    /** A community topic as its members read it ({@code author} is a nickname; deleted comments have no body). */
    public record Topic(
            long id, long communityId, String title, String author, int commentCount, List<TopicComment> comments) {}

    public record TopicComment(int number, String author, boolean deleted, String body) {}

    public record Message(
            long id, MemberRef other, String title, String body, String when, boolean unread, boolean sent) {}

    public record Messages(String box, List<Message> items, int page, boolean hasNext) {}

    /** A new message to member {@code to}, or a reply to message {@code replyTo} (then {@code to} is not read). */
    public record MessagePost(Long to, String title, String body, Long replyTo) {}
}

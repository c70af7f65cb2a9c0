package jp.keitai.sns.community;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.system.Clock;

/** What community pages show, as records templates read ({@code ${page.card.name}}); text is escaped by them. */
public final class CommunityViews {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM/dd HH:mm");

    private CommunityViews() {}

    static String when(Instant at) {
        return Clock.japanMinute(at);
    }

    static String shortWhen(Instant at) {
        return at == null ? "" : SHORT.format(at.atZone(Clock.JAPAN));
    }

    /** A community as lists and pages show it. */
    public record Card(
            long id,
            String name,
            String category,
            String description,
            int memberCount,
            int topicCount,
            String joinLabel,
            String topicLabel,
            String readLabel,
            boolean hasImage,
            boolean membersOnly,
            boolean approval,
            boolean hasAdmin,
            String joinPolicy,
            String topicPolicy,
            String readPolicy) {}

    static Card card(Community c) {
        return new Card(
                c.id(),
                c.name(),
                c.category(),
                c.description(),
                c.memberCount(),
                c.topicCount(),
                c.joinLabel(),
                c.topicLabel(),
                c.readLabel(),
                c.hasImage(),
                c.membersOnly(),
                c.approval(),
                c.adminId() != null,
                c.joinPolicy(),
                c.topicPolicy(),
                c.readPolicy());
    }

    /** A topic in a list. */
    public record TopicLine(
            long id, long communityId, String title, boolean event, int commentCount, String when, String shortWhen) {}

    static List<TopicLine> topicLines(List<Topic> topics) {
        List<TopicLine> out = new ArrayList<>();
        for (Topic t : topics) {
            out.add(new TopicLine(
                    t.id(),
                    t.communityId(),
                    t.title(),
                    t.event(),
                    t.commentCount(),
                    when(t.lastActivityAt()),
                    shortWhen(t.lastActivityAt())));
        }
        return out;
    }

    /** The community page. */
    public record Page(
            Card card,
            String standing,
            boolean member,
            boolean administrator,
            boolean admin,
            boolean pending,
            boolean canRead,
            boolean canPostTopic,
            List<TopicLine> topics,
            String adminNickname,
            Long adminId,
            boolean handoverOffered,
            int pendingCount,
            boolean claimable,
            boolean vacant) {

        Page(
                Community c,
                CommunityStanding s,
                boolean read,
                boolean post,
                List<TopicLine> topics,
                String admin,
                boolean handover,
                int pending,
                boolean claimable) {
            this(
                    CommunityViews.card(c),
                    s.value(),
                    s.isMember(),
                    s.isAdministrator(),
                    s == CommunityStanding.ADMIN,
                    s == CommunityStanding.PENDING,
                    read,
                    post,
                    topics,
                    admin,
                    c.adminId(),
                    handover,
                    pending,
                    claimable,
                    c.adminId() == null);
        }
    }

    /** A search result; {@code latestTopic} only where the viewer may read the community's topics. */
    public record Found(Card card, String standing, String latestTopic) {
        Found(Community c, CommunityStanding s, String latest) {
            this(CommunityViews.card(c), s.value(), latest);
        }
    }

    /** A line of the members page. */
    public record MemberLine(
            long id, String nickname, String role, String roleLabel, boolean volunteer, String joined) {}

    /** The members page. */
    public record Members(
            Card card,
            boolean administrator,
            boolean admin,
            List<MemberLine> members,
            List<MemberLine> pending,
            int pageNumber,
            boolean more) {}

    static Members members(
            Community c,
            CommunityStanding s,
            List<CommunityStore.Membership> rows,
            List<CommunityStore.Membership> pending,
            Map<Long, String> names,
            int page,
            int size) {
        return new Members(
                card(c),
                s.isAdministrator(),
                s == CommunityStanding.ADMIN,
                lines(rows.subList(0, Math.min(size, rows.size())), names),
                lines(pending, names),
                Math.max(1, page),
                rows.size() > size);
    }

    private static List<MemberLine> lines(List<CommunityStore.Membership> rows, Map<Long, String> names) {
        List<MemberLine> out = new ArrayList<>();
        for (CommunityStore.Membership m : rows) {
            String label =
                    switch (m.standing()) {
                        case ADMIN -> "管理人";
                        case SUB_ADMIN -> "副管理人";
                        case PENDING -> "申請中";
                        default -> "";
                    };
            out.add(new MemberLine(
                    m.memberId(),
                    names.getOrDefault(m.memberId(), "(退会したメンバー)"),
                    m.standing().value(),
                    label,
                    m.volunteer(),
                    shortWhen(m.joinedAt())));
        }
        return out;
    }
}

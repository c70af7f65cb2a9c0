package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;

/**
 * The topic page (and its JSON): the rows every viewer shares come from {@link CommunityFeed}; the viewer's own part
 * — may they read the community, which writers they may see (blocks, suspended or withdrawn writers), nicknames, their
 * standing and posting address — is applied on every view, from memory, with no statement per comment. A warm page
 * runs no SQL at all.
 */
@ApplicationScoped
public class TopicPages {

    @Inject
    CommunityFeed feed;

    @Inject
    AccessPolicy policy;

    @Inject
    MemberService members;

    @Inject
    TopicMail mail;

    protected TopicPages() {}

    TopicPages(CommunityFeed feed, AccessPolicy policy, MemberService members, TopicMail mail) {
        this.feed = feed;
        this.policy = policy;
        this.members = members;
        this.mail = mail;
    }

    /** A topic page with comments page {@code pageNumber} (null or out of range: the last page). */
    public Optional<TopicViews.Page> page(long viewer, long communityId, long topicId, Integer pageNumber) {
        Optional<CommunityFeed.TopicRows> found = feed.rows(topicId)
                .filter(r ->
                        r.topic().communityId() == communityId && !r.topic().hidden());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // the read rule itself, over the standing and read setting the feed keeps (AccessPolicy#canReadCommunity)
        Optional<Community> community = feed.community(communityId);
        CommunityStanding s = feed.standing(communityId, viewer);
        if (!AccessPolicy.canReadCommunity(
                viewer, s, community.map(Community::membersOnly).orElse(false))) {
            return Optional.empty();
        }
        CommunityFeed.TopicRows rows = found.get();
        Topic t = rows.topic();
        Community c = community.orElseThrow();
        int pages = Math.max(1, (t.commentCount() + TopicService.PAGE - 1) / TopicService.PAGE);
        int p = pageNumber == null || pageNumber < 1 || pageNumber > pages ? pages : pageNumber;
        int from = (p - 1) * TopicService.PAGE + 1;
        int to = p * TopicService.PAGE;
        List<CommunityFeed.CommentLine> lines = feed.comments(rows, p, from, to);
        Set<Long> authors = new HashSet<>();
        authors.add(t.authorId());
        lines.forEach(r -> authors.add(r.authorId()));
        // content of suspended or withdrawn writers, and across a block, is not shown (the policy's member rule)
        Set<Long> visible = policy.canSeeAmong(viewer, authors, Visibility.EVERYONE);
        Map<Long, String> names = members.nicknames(authors);
        boolean admin = s.isAdministrator();
        List<TopicViews.Comment> comments = new ArrayList<>(lines.size());
        for (CommunityFeed.CommentLine r : lines) {
            boolean shown = !r.deleted() && !r.hidden() && visible.contains(r.authorId());
            String label = r.deleted() ? "（削除されました）" : r.hidden() ? "（運営により非表示になりました）" : "（表示できないコメントです）";
            comments.add(new TopicViews.Comment(
                    r.number(),
                    r.authorId(),
                    shown ? names.getOrDefault(r.authorId(), "") : "",
                    r.when(),
                    shown ? r.segments() : List.of(),
                    shown ? r.photos() : List.of(),
                    !shown,
                    shown ? "" : label,
                    shown && r.authorId() == viewer && s.isMember(),
                    !r.deleted() && (r.authorId() == viewer || admin),
                    r.viaMail()));
        }
        TopicViews.Event event = null;
        Instant now = Clock.now();
        if (t.event()) {
            List<Long> going = rows.attendees();
            Map<Long, String> goingNames = members.nicknames(going);
            event = new TopicViews.Event(
                    CommunityViews.when(t.eventAt()),
                    t.place(),
                    t.capacity(),
                    CommunityViews.when(t.deadline()),
                    t.attendeeCount(),
                    t.full(),
                    !t.open(now),
                    going.contains(viewer),
                    going.stream().map(id -> goingNames.getOrDefault(id, "")).toList());
        }
        boolean authorShown = visible.contains(t.authorId());
        // issued when the member asks (POST …/mail), so that a view writes nothing
        String address = s.isMember() ? mail.knownAddress(viewer, topicId).orElse(null) : null;
        return Optional.of(new TopicViews.Page(
                CommunityViews.card(c),
                t.id(),
                t.title(),
                rows.when(),
                t.authorId(),
                authorShown ? names.getOrDefault(t.authorId(), "") : "",
                rows.body(),
                rows.photos(),
                event,
                comments,
                t.commentCount(),
                p,
                pages,
                s.isMember(),
                s.isMember(),
                t.authorId() == viewer,
                t.authorId() == viewer || admin,
                address,
                TopicService.MAX_COMMENT,
                TopicService.MAX_PHOTOS));
    }

    /** The topic as JSON for apps: 404 (empty) unless the viewer may read it. */
    public Optional<Map<String, Object>> json(Long viewer, long communityId, long topicId) {
        if (viewer == null) {
            return Optional.empty();
        }
        return page(viewer, communityId, topicId, null).map(p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", p.id());
            out.put("community_id", communityId);
            out.put("title", p.title());
            out.put("author", p.authorNickname());
            out.put("comment_count", p.commentCount());
            List<Map<String, Object>> cs = new ArrayList<>();
            for (TopicViews.Comment c : p.comments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("number", c.number());
                m.put("author", c.authorNickname());
                m.put("deleted", c.gone());
                StringBuilder b = new StringBuilder();
                c.segments().forEach(sg -> b.append(sg.lineBreak() ? "\n" : sg.text()));
                m.put("body", b.toString());
                cs.add(m);
            }
            out.put("comments", cs);
            return out;
        });
    }
}

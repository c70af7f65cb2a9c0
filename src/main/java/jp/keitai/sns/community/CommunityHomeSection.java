package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.home.HomeSection;

/**
 * コミュニティ最新書き込み on {@code /home}: topics with new topics or comments in the member's communities, newest
 * first: each community's most recent topics from {@link CommunityFeed}, merged, so a warm home page reads nothing
 * here; each line passes the community read rule.
 */
@ApplicationScoped
public class CommunityHomeSection implements HomeSection {

    static final int SHOWN = 10;

    @Inject
    CommunityFeed feed;

    @Override
    public int order() {
        return 250;
    }

    @Override
    public String title() {
        return "ｺﾐｭ";
    }

    @Override
    public Integer accessKey() {
        return 6;
    }

    @Override
    public String template() {
        return "community/home_section";
    }

    /** A line: the topic, its community and when it last changed. */
    public record Line(
            long communityId,
            long topicId,
            String communityName,
            String title,
            int commentCount,
            String shortWhen,
            Instant lastActivityAt) {}

    private static final Comparator<Line> NEWEST = Comparator.comparing(Line::lastActivityAt)
            .thenComparing(Line::topicId)
            .reversed();

    /** What the fragment shows. */
    public record Data(long memberId, List<Line> lines) {
        public List<Line> getLines() {
            return lines;
        }
    }

    @Override
    public Object data(long memberId) {
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Long, CommunityStanding> e : feed.standings(memberId).entrySet()) {
            Optional<Community> c = feed.community(e.getKey());
            if (!e.getValue().isMember()
                    || c.isEmpty()
                    || !AccessPolicy.canReadCommunity(
                            memberId, e.getValue(), "members".equals(c.get().readPolicy()))) {
                continue;
            }
            for (CommunityFeed.RecentTopic t : feed.recentTopics(e.getKey())) {
                lines.add(new Line(
                        t.communityId(),
                        t.id(),
                        c.get().name(),
                        t.title(),
                        t.commentCount(),
                        CommunityViews.shortWhen(t.lastActivityAt()),
                        t.lastActivityAt()));
            }
        }
        lines.sort(NEWEST);
        return new Data(memberId, lines.size() > SHOWN ? List.copyOf(lines.subList(0, SHOWN)) : lines);
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.home.HomeSection;

/**
 * コミュニティ最新書き込み on {@code /home}: topics with new topics or comments in the member's communities, newest
 * first. One statement, whatever the number of communities or members; each line passes the community read rule.
 */
@ApplicationScoped
public class CommunityHomeSection implements HomeSection {

    static final int SHOWN = 10;

    @Inject
    TopicStore topics;

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
            long communityId, long topicId, String communityName, String title, int commentCount, String shortWhen) {}

    /** What the fragment shows. */
    public record Data(long memberId, List<Line> lines) {
        public List<Line> getLines() {
            return lines;
        }
    }

    @Override
    public Object data(long memberId) {
        List<Line> lines = new ArrayList<>();
        for (TopicStore.Recent r : topics.recentFor(memberId, SHOWN)) {
            if (AccessPolicy.canReadCommunity(memberId, CommunityStanding.of(r.role()), r.membersOnly())) {
                lines.add(new Line(
                        r.topic().communityId(),
                        r.topic().id(),
                        r.communityName(),
                        r.topic().title(),
                        r.topic().commentCount(),
                        CommunityViews.shortWhen(r.topic().lastActivityAt())));
            }
        }
        return new Data(memberId, lines);
    }
}

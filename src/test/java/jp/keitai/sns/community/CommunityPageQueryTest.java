package jp.keitai.sns.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's scale rule: the community page of a big community reads no per-member rows — the member count is a
 * counter and the only membership row read is the viewer's own, by its key — and a topic page reads one page of
 * comments, whatever the number of members or comments.
 */
class CommunityPageQueryTest {

    @Test
    void theCommunityAndTopicPagesReadTheSameStatementsForTwoOrTwoHundredMembers() {
        StatementCounter counter = new StatementCounter();
        try (TestDb db = TestDb.h2(counter.wrap())) {
            CommunityRig rig = new CommunityRig(db.database());
            long admin = rig.member("管理人");
            long viewer = rig.member("読む人");
            long small = rig.community(admin, "小さい", "open", "everyone");
            long big = rig.community(admin, "大きい", "open", "everyone");
            rig.membership.join(viewer, small);
            rig.membership.join(viewer, big);
            for (int i = 0; i < 200; i++) {
                rig.membership.join(rig.member("m" + i), big);
            }
            long smallTopic = rig.topics.create(admin, small, "t", "b", null, List.of());
            long bigTopic = rig.topics.create(admin, big, "t", "b", null, List.of());
            for (int i = 0; i < 3 * TopicService.PAGE; i++) {
                rig.comments.comment(admin, big, bigTopic, "c" + i, List.of());
            }
            rig.comments.comment(admin, small, smallTopic, "c", List.of());
            rig.mail.postingAddress(viewer, smallTopic);
            rig.mail.postingAddress(viewer, bigTopic);

            counter.reset();
            CommunityViews.Page bigPage = rig.communities.page(viewer, big).orElseThrow();
            List<String> bigStatements = counter.statements();
            counter.reset();
            rig.communities.page(viewer, small).orElseThrow();
            assertEquals(counter.count(), bigStatements.size(), bigStatements.toString());
            assertEquals(202, bigPage.card().memberCount());
            for (String sql : bigStatements) {
                if (sql.contains("community_member")) {
                    assertTrue(sql.contains("community_id = ? and member_id = ?"), "a per-member read: " + sql);
                }
            }

            // member caches (nicknames, status) warmed alike for both
            rig.pages.page(viewer, big, bigTopic, null).orElseThrow();
            rig.pages.page(viewer, small, smallTopic, null).orElseThrow();
            counter.reset();
            TopicViews.Page topic = rig.pages.page(viewer, big, bigTopic, null).orElseThrow();
            int bigTopicStatements = counter.count();
            counter.reset();
            rig.pages.page(viewer, small, smallTopic, null).orElseThrow();
            assertEquals(
                    counter.count(), bigTopicStatements, counter.statements().toString());
            assertEquals(TopicService.PAGE, topic.comments().size());
        }
    }
}

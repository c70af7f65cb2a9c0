package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * 参加 and キャンセル on events. Answers are taken under the topic row's lock with a conditional UPDATE, so
 * concurrent answers never pass the capacity; after the deadline nothing changes.
 */
@ApplicationScoped
public class TopicEvents {

    @Inject
    Database database;

    @Inject
    CommunityStore communities;

    @Inject
    TopicStore store;

    @Inject
    TopicService topics;

    protected TopicEvents() {}

    TopicEvents(Database database, CommunityStore communities, TopicStore store, TopicService topics) {
        this.database = database;
        this.communities = communities;
        this.store = store;
        this.topics = topics;
    }

    /** Answers 参加 for the member; refused with the reason when full, closed or already answered. */
    public void attend(long me, long communityId, long topicId) {
        attend(me, communityId, topicId, Clock.now());
    }

    void attend(long me, long communityId, long topicId, Instant now) {
        if (topics.readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        if (!communities.standing(communityId, me).isMember()) {
            throw new Refused("コミュニティに参加するとイベントに参加できます。");
        }
        database.tx(em -> {
            Topic t = store.lock(topicId).orElseThrow(() -> new NotFound(TopicService.NOT_FOUND));
            if (!t.event()) {
                throw new Refused("イベントではありません。");
            }
            if (!t.open(now)) {
                throw new Refused("締め切りを過ぎたため参加できません。");
            }
            if (!store.addAttendee(topicId, me, now)) {
                throw new Refused("すでに参加を表明しています。");
            }
            if (!store.countAttendee(topicId, now)) {
                // rolls back the answer just added
                throw new Refused("定員（" + t.capacity() + "人）に達したため参加できません。");
            }
            return null;
        });
    }

    /** Takes the member's 参加 back (キャンセル) before the deadline. */
    public void cancel(long me, long communityId, long topicId) {
        Instant now = Clock.now();
        if (topics.readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        database.tx(em -> {
            Topic t = store.lock(topicId).orElseThrow(() -> new NotFound(TopicService.NOT_FOUND));
            if (!t.open(now)) {
                throw new Refused("締め切りを過ぎたためキャンセルできません。");
            }
            if (!store.removeAttendee(topicId, me)) {
                throw new Refused("参加を表明していません。");
            }
            return null;
        });
    }
}

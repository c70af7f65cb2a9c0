package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.live.LiveEvent;
import jp.keitai.sns.live.LiveItem;
import jp.keitai.sns.live.LiveSource;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Database;

/**
 * For the live home page: a friend's new diary (its title) when the diary's level lets the member see it now, and a
 * new comment on the member's own diary, unless the commenter is blocked (either way), suspended or withdrawn.
 */
@ApplicationScoped
public class DiaryLiveSource implements LiveSource {

    @Inject
    DiaryReader reader;

    @Inject
    DiaryFeed feed;

    @Inject
    CommentStore comments;

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    SocialGraph graph;

    @Inject
    MemberService members;

    @Override
    public Set<String> kinds() {
        return Set.of(LiveEvent.DIARY, LiveEvent.COMMENT);
    }

    @Override
    public long[] audience(LiveEvent event) {
        if (LiveEvent.DIARY.equals(event.kind())) {
            return graph.friendIdArray(event.actorId()); // the home timeline is マイミク's
        }
        Diary d = feed.diary(event.objectId());
        return d == null ? new long[0] : new long[] {d.getAuthorId()};
    }

    @Override
    public Optional<LiveItem> render(long viewer, LiveEvent event) {
        Optional<Diary> seen = reader.visible(viewer, event.objectId());
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Diary d = seen.get();
        if (LiveEvent.DIARY.equals(event.kind())) {
            return Optional.of(new LiveItem(
                    event.id(),
                    LiveEvent.DIARY,
                    d.getAuthorId(),
                    nickname(d.getAuthorId()),
                    d.getTitle(),
                    "/diary/" + d.getId(),
                    d.getCreatedAt()));
        }
        if (d.getAuthorId() != viewer
                || event.detail() == null
                || !policy.canInteract(viewer, event.actorId())
                || database.tx(em -> comments.find(d.getId(), event.detail())).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LiveItem(
                event.id(),
                LiveEvent.COMMENT,
                event.actorId(),
                nickname(event.actorId()),
                "あなたの日記「" + d.getTitle() + "」にコメントしました",
                "/diary/" + d.getId() + "#c" + event.detail(),
                event.createdAt()));
    }

    private String nickname(long member) {
        return members.nicknames(List.of(member)).getOrDefault(member, "");
    }
}

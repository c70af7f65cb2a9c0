package jp.keitai.sns.friend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.live.LiveEvent;
import jp.keitai.sns.live.LiveItem;
import jp.keitai.sns.live.LiveSource;
import jp.keitai.sns.member.MemberService;

/** A マイミク申請 to the member, for the live home page, while it still waits and its sender may deal with them. */
@ApplicationScoped
public class RequestLiveSource implements LiveSource {

    @Inject
    FriendService friends;

    @Inject
    AccessPolicy access;

    @Inject
    MemberService members;

    @Override
    public Set<String> kinds() {
        return Set.of(LiveEvent.REQUEST);
    }

    @Override
    public long[] audience(LiveEvent event) {
        return new long[] {event.objectId()};
    }

    @Override
    public Optional<LiveItem> render(long viewer, LiveEvent event) {
        long from = event.actorId();
        if (viewer != event.objectId() || !access.canInteract(viewer, from) || !friends.isPending(from, viewer)) {
            return Optional.empty();
        }
        return Optional.of(new LiveItem(
                event.id(),
                LiveEvent.REQUEST,
                from,
                members.nicknames(List.of(from)).getOrDefault(from, ""),
                "マイミク申請が届きました",
                "/friends/requests",
                event.createdAt()));
    }
}

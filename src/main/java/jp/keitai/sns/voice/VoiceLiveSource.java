package jp.keitai.sns.voice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.live.LiveEvent;
import jp.keitai.sns.live.LiveItem;
import jp.keitai.sns.live.LiveSource;

/** A friend's new voice (a post, not a reply) for the live home page, as {@link VoiceService#visible} allows it. */
@ApplicationScoped
public class VoiceLiveSource implements LiveSource {

    @Inject
    VoiceService voices;

    @Inject
    SocialGraph graph;

    @Override
    public Set<String> kinds() {
        return Set.of(LiveEvent.VOICE);
    }

    @Override
    public long[] audience(LiveEvent event) {
        return graph.friendIdArray(event.actorId()); // the home timeline is マイミク's
    }

    @Override
    public Optional<LiveItem> render(long viewer, LiveEvent event) {
        return voices.visible(viewer, event.objectId())
                .filter(v -> v.getReplyTo() == null)
                .map(v -> new LiveItem(
                        event.id(),
                        LiveEvent.VOICE,
                        v.getAuthorId(),
                        v.getAuthorName(),
                        v.getBody(),
                        "/voice/" + v.getId(),
                        v.getCreatedAt()));
    }
}

package jp.keitai.sns.friend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.keitai.sns.profile.ProfileSection;
import jp.keitai.sns.system.Clock;

/**
 * The profile's 紹介文: those the viewer may read, newest first, each with a delete button for the owner and its
 * writer; for a マイミク, the way to write theirs (on PC the form itself, with what they wrote before).
 */
@ApplicationScoped
public class IntroductionProfileSection implements ProfileSection {

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy/M/d").withZone(Clock.JAPAN);

    /** An introduction as the page shows it; {@code deletable} when the viewer is the member or the writer. */
    public record Line(long writerId, String writer, String body, String date, boolean deletable) {}

    /** The lines, and the viewer's own introduction for the form (null unless the viewer is a マイミク). */
    public record Data(List<Line> lines, String myIntroduction) {}

    @Inject
    Introductions introductions;

    @Inject
    FriendGraph graph;

    @Override
    public int order() {
        return 500;
    }

    @Override
    public String title() {
        return "紹介文";
    }

    @Override
    public Integer accessKey() {
        return 5;
    }

    @Override
    public String template() {
        return "friend/profile_introductions";
    }

    @Override
    public boolean splittable() {
        return true;
    }

    @Override
    public Object data(long viewer, long owner) {
        boolean self = viewer == owner;
        List<Line> lines = introductions.of(owner, viewer).stream()
                .map(i -> new Line(
                        i.writerId(), i.writer(), i.body(), DATE.format(i.writtenAt()), self || i.writerId() == viewer))
                .toList();
        String mine = !self && graph.areFriends(viewer, owner)
                ? introductions
                        .find(owner, viewer)
                        .map(Introductions.Introduction::body)
                        .orElse("")
                : null;
        return new Data(lines, mine);
    }
}

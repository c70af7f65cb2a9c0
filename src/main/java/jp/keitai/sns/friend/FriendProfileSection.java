package jp.keitai.sns.friend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.profile.ProfileSection;

/** The profile's マイミク line: how many friends the owner has, and the way to their mixiGraph. */
@ApplicationScoped
public class FriendProfileSection implements ProfileSection {

    @Inject
    FriendGraph graph;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String title() {
        return "マイミク";
    }

    @Override
    public Integer accessKey() {
        return 1;
    }

    @Override
    public String template() {
        return "friend/profile_friends";
    }

    /** The owner's number of friends. */
    @Override
    public Object data(long viewer, long owner) {
        return graph.friendCount(owner);
    }
}

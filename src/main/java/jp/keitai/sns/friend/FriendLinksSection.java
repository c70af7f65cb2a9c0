package jp.keitai.sns.friend;

import jakarta.enterprise.context.ApplicationScoped;
import jp.keitai.sns.profile.ProfileSection;

/**
 * On another member's profile: the way to ask them to become マイミク (when they are not yet), and to block them. The
 * fragment reads the page's {@code ${friend}} and {@code ${owner}}.
 */
@ApplicationScoped
public class FriendLinksSection implements ProfileSection {

    @Override
    public int order() {
        return 400;
    }

    @Override
    public String title() {
        return "マイミクに追加";
    }

    @Override
    public Integer accessKey() {
        return 4;
    }

    @Override
    public String template() {
        return "friend/profile_links";
    }

    /** The owner's id; none on one's own profile. */
    @Override
    public Object data(long viewer, long owner) {
        return viewer == owner ? null : owner;
    }
}

package jp.keitai.sns.message;

import jakarta.enterprise.context.ApplicationScoped;
import jp.keitai.sns.profile.ProfileSection;

/**
 * On another member's profile: the way to send them a message. Shown without asking the member's setting (the
 * profile is a hot page); the form says when they take no messages from the viewer.
 */
@ApplicationScoped
public class MessageProfileSection implements ProfileSection {

    @Override
    public int order() {
        return 450;
    }

    @Override
    public String title() {
        return "メッセージを送る";
    }

    @Override
    public Integer accessKey() {
        return 6;
    }

    @Override
    public String template() {
        return "message/profile_link";
    }

    @Override
    public Object data(long viewer, long owner) {
        return viewer == owner ? null : owner;
    }
}

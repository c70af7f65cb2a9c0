package jp.keitai.sns.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.home.HomeSection;

/** The home page's メッセージ line: the number of unread messages (from memory once warm), with accesskey 4. */
@ApplicationScoped
public class MessageHomeSection implements HomeSection {

    @Inject
    MessageBoxService messages;

    @Override
    public String title() {
        return "メッセージ";
    }

    @Override
    public Integer accessKey() {
        return 4;
    }

    @Override
    public int order() {
        return 350;
    }

    @Override
    public String template() {
        return "message/home_section";
    }

    /** The unread count (0 too: the line is also the way to the inbox). */
    @Override
    public Object data(long memberId) {
        return messages.unreadCount(memberId);
    }
}

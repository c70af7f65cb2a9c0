package jp.keitai.sns.friend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.home.HomeSection;

/** The home page's notice of pending マイミク requests (one count query). */
@ApplicationScoped
public class RequestsHomeSection implements HomeSection {

    @Inject
    FriendService friends;

    @Override
    public String title() {
        return "マイミク申請";
    }

    @Override
    public Integer accessKey() {
        return 3;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String template() {
        return "friend/home_requests";
    }

    @Override
    public Object data(long memberId) {
        int pending = friends.incomingCount(memberId);
        return pending == 0 ? null : pending;
    }
}

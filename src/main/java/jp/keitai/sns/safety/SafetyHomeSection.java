package jp.keitai.sns.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.home.HomeSection;

/**
 * The 安否確認 button at the top of the home page of every family while a check is open: 「無事です」 in one tap, a
 * short message field, and the way to the friends' list. From memory once warm (the home page is read at the spike's
 * height); absent when no check is open.
 */
@ApplicationScoped
public class SafetyHomeSection implements HomeSection {

    @Inject
    SafetyService safety;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title() {
        return "安否確認";
    }

    /** No key of its own: the button is the first thing on the page (keys 1–6 belong to the usual sections). */
    @Override
    public Integer accessKey() {
        return null;
    }

    @Override
    public String template() {
        return "safety/home_section";
    }

    @Override
    public Object data(long memberId) {
        return safety.home(memberId).orElse(null);
    }
}

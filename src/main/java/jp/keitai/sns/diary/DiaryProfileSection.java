package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.profile.ProfileSection;

/** The profile's diaries: the way to the owner's list, and their latest diaries the viewer may read. */
@ApplicationScoped
public class DiaryProfileSection implements ProfileSection {

    /** How many of the member's latest diaries the profile lists. */
    static final int LATEST = 5;

    @Inject
    DiaryService diaries;

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String title() {
        return "日記";
    }

    @Override
    public Integer accessKey() {
        return 2;
    }

    @Override
    public String template() {
        return "profile/diary_section";
    }

    /** The latest diaries the viewer may read ({@link DiaryViews.Entry}), maybe none; the diary service decides. */
    @Override
    public Object data(long viewer, long owner) {
        return diaries.latest(viewer, owner, LATEST);
    }
}

package jp.keitai.sns.footprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.profile.ProfileSection;

/**
 * あしあと on the profile: a view of someone else's profile leaves the viewer's footprint there; the owner sees their
 * visits on each of the last seven days (not while 忍び足).
 */
@ApplicationScoped
public class FootprintProfileSection implements ProfileSection {

    /** Days of counts shown; the keitai page shows the first three, newest first. */
    static final int DAYS = 7;

    @Inject
    Footprints footprints;

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String title() {
        return "あしあと";
    }

    @Override
    public Integer accessKey() {
        return 3;
    }

    @Override
    public String template() {
        return "footprint/profile_section";
    }

    @Override
    public void viewed(long viewer, long owner) {
        footprints.record(viewer, owner); // none on one's own page, across blocks or while 忍び足
    }

    /** The owner's visits per day, newest day first ({@link FootprintsResource.Day}); null for anyone else. */
    @Override
    public Object data(long viewer, long owner) {
        if (viewer != owner || footprints.isStealth(viewer)) {
            return null;
        }
        return FootprintsResource.days(footprints.perDay(viewer, DAYS));
    }
}

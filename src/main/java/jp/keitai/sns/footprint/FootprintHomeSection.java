package jp.keitai.sns.footprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.home.HomeSection;

/** The home page's あしあと line: new footprints since the member last looked (hidden while 忍び足). */
@ApplicationScoped
public class FootprintHomeSection implements HomeSection {

    /** What the fragment shows: the number of new footprints, or that 忍び足 is on. */
    public record Data(int freshCount, boolean stealth) {}

    @Inject
    Footprints footprints;

    @Override
    public String title() {
        return "あしあと";
    }

    @Override
    public Integer accessKey() {
        return 5;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public String template() {
        return "footprint/home_section";
    }

    @Override
    public Object data(long memberId) {
        Footprints.Fresh fresh = footprints.fresh(memberId);
        return new Data(fresh.count(), fresh.stealth());
    }
}

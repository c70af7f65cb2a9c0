package jp.keitai.sns.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.keitai.sns.diary.DiaryProfileSection;
import jp.keitai.sns.footprint.FootprintProfileSection;
import jp.keitai.sns.friend.FriendLinksSection;
import jp.keitai.sns.friend.FriendProfileSection;
import jp.keitai.sns.friend.IntroductionProfileSection;
import org.junit.jupiter.api.Test;

/** The profile's sections come in their order, and an accesskey means one section only. */
class ProfilePageTest {

    record Section(int order, Integer accessKey) implements ProfileSection {
        @Override
        public String title() {
            return "s" + order;
        }

        @Override
        public String template() {
            return "x/s" + order;
        }

        @Override
        public Object data(long viewer, long owner) {
            return null;
        }
    }

    @Test
    void sectionsComeInTheirOrder() {
        Section a = new Section(300, 3);
        Section b = new Section(100, null);
        Section c = new Section(200, 9);
        assertEquals(List.of(b, c, a), ProfilePage.ordered(List.of(a, b, c)));
    }

    @Test
    void aKeyTakenTwiceOrOutsideOneToNineIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> ProfilePage.ordered(List.of(new Section(100, 1), new Section(200, 1))));
        assertThrows(IllegalStateException.class, () -> ProfilePage.ordered(List.of(new Section(100, 0))));
        assertThrows(IllegalStateException.class, () -> ProfilePage.ordered(List.of(new Section(100, 10))));
    }

    /** The sections the features contribute today: distinct orders and keys, the long one splittable. */
    @Test
    void theFeaturesSectionsFitTogether() {
        List<ProfileSection> all = ProfilePage.ordered(List.of(
                new IntroductionProfileSection(),
                new FootprintProfileSection(),
                new FriendLinksSection(),
                new DiaryProfileSection(),
                new FriendProfileSection()));
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                all.stream().map(ProfileSection::accessKey).toList());
        Set<Integer> orders = new HashSet<>();
        all.forEach(s -> orders.add(s.order()));
        assertEquals(5, orders.size());
        assertEquals(
                List.of(false, false, false, false, true),
                all.stream().map(ProfileSection::splittable).toList());
    }
}

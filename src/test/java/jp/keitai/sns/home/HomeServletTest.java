package jp.keitai.sns.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The home page's sections: in their order, each accesskey 1–6 used once at most. */
class HomeServletTest {

    record Section(int order, Integer accessKey) implements HomeSection {
        @Override
        public String title() {
            return "s" + order;
        }

        @Override
        public String template() {
            return "test/section";
        }

        @Override
        public Object data(long memberId) {
            return null;
        }
    }

    @Test
    void sectionsAreOrderedByTheirOrder() {
        Section voice = new Section(100, 1);
        Section diary = new Section(200, 2);
        Section footprints = new Section(500, null);
        Section requests = new Section(300, 3);
        assertEquals(
                List.of(voice, diary, requests, footprints),
                HomeServlet.ordered(List.of(footprints, requests, voice, diary)));
    }

    @Test
    void sectionsWithoutAKeyMayBeMany() {
        assertEquals(
                2,
                HomeServlet.ordered(List.of(new Section(1, null), new Section(2, null)))
                        .size());
    }

    @Test
    void twoSectionsMayNotShareAnAccesskey() {
        assertThrows(
                IllegalStateException.class,
                () -> HomeServlet.ordered(List.of(new Section(100, 4), new Section(200, 4))));
    }

    @Test
    void keysOutsideOneToSixAreRefused() {
        for (int key : new int[] {0, 7, 9, -1}) {
            assertThrows(
                    IllegalStateException.class,
                    () -> HomeServlet.ordered(List.of(new Section(100, key))),
                    "accesskey " + key);
        }
        assertEquals(
                2,
                HomeServlet.ordered(List.of(new Section(100, 1), new Section(200, 6)))
                        .size());
    }
}

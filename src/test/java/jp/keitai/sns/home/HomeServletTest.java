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

    /** The PC and smartphone home: voices and diaries in one timeline, newest first, whatever section they come from. */
    @Test
    void timelineMergesTheSectionsLinesNewestFirst() {
        java.time.Instant t = java.time.Instant.parse("2026-12-06T05:00:00Z");
        TimelineEntry oldVoice = line("voice", 1, t);
        TimelineEntry newVoice = line("voice", 2, t.plusSeconds(120));
        TimelineEntry diary = line("diary", 3, t.plusSeconds(60));
        List<HomeServlet.Part> parts = List.of(
                new HomeServlet.Part(100, "ボイス", 1, "voice", (Timeline) () -> List.of(oldVoice, newVoice)),
                new HomeServlet.Part(200, "日記", 2, "diary", (Timeline) () -> List.of(diary)),
                new HomeServlet.Part(300, "申請", 3, "requests", 2));
        assertEquals(List.of(newVoice, diary, oldVoice), HomeServlet.timeline(parts));
        assertEquals(false, parts.get(2).isInTimeline(), "a notice stays a section of its own");
        assertEquals("12/6 14:02", newVoice.when(), "Japan time, the same for voices and diaries");
        assertEquals(
                "🌸",
                new TimelineEntry("voice", 4, 9, "🌸さくら", "x", "/voice/4", t, "").initial(),
                "a whole emoji for the avatar");
    }

    private static TimelineEntry line(String kind, long id, java.time.Instant at) {
        return new TimelineEntry(kind, id, 9, "ゆうこ", "本文", "/" + kind + "/" + id, at, "");
    }
}

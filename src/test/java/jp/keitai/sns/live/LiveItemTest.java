package jp.keitai.sns.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A live event's JSON carries no markup: whatever a member wrote, the page's script gets it as escaped text. */
class LiveItemTest {

    @Test
    void textIsEscapedSoNoMarkupSurvives() {
        LiveItem item = new LiveItem(
                7,
                "voice",
                3,
                "名前\"</script>",
                "<img src=x onerror=alert(1)> & 'q' \\ \n\u2028",
                "/voice/9",
                Instant.parse("2026-12-06T05:09:00Z"));
        String json = item.json();
        assertFalse(json.contains("<") || json.contains(">") || json.contains("'"), json);
        assertEquals(
                "{\"id\":7,\"kind\":\"voice\",\"authorId\":3,\"authorName\":\"名前\\\"\\u003c/script\\u003e\","
                        + "\"text\":\"\\u003cimg src=x onerror=alert(1)\\u003e \\u0026 \\u0027q\\u0027 \\\\ \\n\\u2028\","
                        + "\"href\":\"/voice/9\",\"when\":\"12/6 14:09\"}",
                json);
    }

    @Test
    void nullIsNull() {
        assertEquals("null", LiveItem.quote(null));
        assertEquals("\"\\u0001\"", LiveItem.quote("\u0001"));
    }
}

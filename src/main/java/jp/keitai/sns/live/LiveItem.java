package jp.keitai.sns.live;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.keitai.sns.system.Clock;

/**
 * What one member is sent about one event, drawn by the feature that owns it: the same fields as a line of the home
 * page's timeline, so the page's script draws it the same way.
 *
 * @param kind {@code voice}, {@code diary}, {@code comment} or {@code request}
 * @param text the voice, the diary's title, what the notice says
 * @param href a path on this site
 */
public record LiveItem(
        long eventId, String kind, long authorId, String authorName, String text, String href, Instant at) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);

    /** The item as JSON, every string escaped so that no markup survives even if a page wrote it as HTML. */
    public String json() {
        return "{\"id\":" + eventId + ",\"kind\":" + quote(kind) + ",\"authorId\":" + authorId + ",\"authorName\":"
                + quote(authorName) + ",\"text\":" + quote(text) + ",\"href\":" + quote(href) + ",\"when\":"
                + quote(WHEN.format(at)) + "}";
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<', '>', '&', '\'', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

package jp.keitai.sns.home;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.keitai.sns.system.Clock;

/**
 * One line of the PC and smartphone home's timeline (mixi's 「マイミク最新の動き」): a friend's voice or diary, as
 * the section that owns it ({@link Timeline}) describes it. The home page merges the lines of every section newest
 * first and knows nothing else about them.
 *
 * @param kind what it is, for the template's badge and markup: {@code voice} or {@code diary}
 * @param id the item's own id (the page carries it as {@code data-<kind>-id})
 * @param text the voice's text or the diary's title
 * @param href the item's page, a path on this site
 * @param at when it was written, for the merge
 * @param note counts under the line ({@code コメント3}, {@code イイネ!2・返信1}), or empty
 */
public record TimelineEntry(
        String kind, long id, long authorId, String authorName, String text, String href, Instant at, String note) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);

    /** When it was written as the page shows it, the same for voices and diaries ({@code 12/6 14:09}, Japan). */
    public String when() {
        return WHEN.format(at);
    }

    /** The first character of the author's name, for the round avatar (a whole code point, emoji included). */
    public String initial() {
        return authorName == null || authorName.isEmpty()
                ? "？"
                : authorName.substring(0, authorName.offsetByCodePoints(0, 1));
    }
}

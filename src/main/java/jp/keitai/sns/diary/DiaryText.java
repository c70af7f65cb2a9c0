package jp.keitai.sns.diary;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.system.Clock;

/**
 * Diary and comment text as templates show it: lines, and {@code >>2} in a comment as a link to comment 2. Kept as
 * segments so the template escapes every piece of text itself.
 */
public final class DiaryText {

    /** {@code >>2}, also typed full-width ({@code ＞＞２}) as Japanese input methods often do. */
    private static final Pattern REF = Pattern.compile("(?:>>|＞＞|≫)([0-9０-９]{1,5})");

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM/dd HH:mm");

    private DiaryText() {}

    /** One piece of text: plain text, a line break, or a reference to a comment number. */
    public static final class Segment {
        private final String text;
        private final int refNumber;
        private final boolean lineBreak;

        Segment(String text, int refNumber, boolean lineBreak) {
            this.text = text;
            this.refNumber = refNumber;
            this.lineBreak = lineBreak;
        }

        public String getText() {
            return text;
        }

        /** The comment number referred to, or 0 for text. */
        public int getRefNumber() {
            return refNumber;
        }

        public boolean isLineBreak() {
            return lineBreak;
        }
    }

    /** The text as segments; {@code withRefs} turns {@code >>n} into references. */
    public static List<Segment> segments(String text, boolean withRefs) {
        List<Segment> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.add(new Segment("", 0, true));
            }
            String line = lines[i];
            int from = 0;
            if (withRefs) {
                Matcher m = REF.matcher(line);
                while (m.find()) {
                    if (m.start() > from) {
                        out.add(new Segment(line.substring(from, m.start()), 0, false));
                    }
                    out.add(new Segment(m.group(), number(m.group(1)), false));
                    from = m.end();
                }
            }
            if (from < line.length()) {
                out.add(new Segment(line.substring(from), 0, false));
            }
        }
        return out;
    }

    private static int number(String digits) {
        StringBuilder b = new StringBuilder();
        digits.codePoints().forEach(c -> b.append((char) ('0' + Character.digit(c, 10))));
        return Integer.parseInt(b.toString());
    }

    /** Tokyo time, {@code 2026/11/30 21:05}. */
    public static String when(Instant at) {
        return Clock.japanMinute(at);
    }

    /** Tokyo time without the year, for lists on small screens. */
    public static String shortWhen(Instant at) {
        return SHORT.format(at.atZone(Clock.JAPAN));
    }

    /** Length in characters as members count them (an emoji is one). */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Text as it is stored: line ends as {@code \n}, no blank space around it. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}

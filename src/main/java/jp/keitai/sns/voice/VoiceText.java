package jp.keitai.sns.voice;

/**
 * The length rule of a voice: at most {@value #MAX} characters as a member counts them. Each Unicode code point counts
 * once (a 4-byte character such as 𠮷 too), and an emoji counts once however many code points make it: variation
 * selectors (☀️ is U+2600 U+FE0F), skin-tone modifiers, keycaps, tag sequences and zero-width-joined sequences are
 * part of the character before them, and two regional indicators make one flag.
 */
public final class VoiceText {

    /** The most characters a voice may have. */
    public static final int MAX = 150;

    private VoiceText() {}

    /**
     * The text as it is stored: line breaks and tabs become spaces (a voice is one line), other control characters
     * go, and leading and trailing white space (full-width spaces too) is dropped.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\r' || cp == '\n' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return strip(out.toString());
    }

    /** True when nothing visible is left: only spaces (half- or full-width) and invisible format characters. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(VoiceText::invisible);
    }

    /** The number of characters as the 150 limit counts them. */
    public static int length(String text) {
        int count = 0;
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i = next(cps, i)) {
            count++;
        }
        return count;
    }

    /** The first {@code max} characters (never cutting an emoji or a surrogate pair), trailing space dropped. */
    public static String truncate(String text, int max) {
        int[] cps = text.codePoints().toArray();
        int i = 0;
        for (int n = 0; n < max && i < cps.length; n++) {
            i = next(cps, i);
        }
        return strip(new String(cps, 0, i));
    }

    /** Index of the code point after the character that starts at {@code i}. */
    private static int next(int[] cps, int i) {
        int cp = cps[i];
        int j = i + 1;
        if (regionalIndicator(cp) && j < cps.length && regionalIndicator(cps[j])) {
            j++;
        }
        while (j < cps.length) {
            int c = cps[j];
            if (extends_(c)) {
                j++;
            } else if (c == 0x200D && j + 1 < cps.length) {
                j += 2; // zero width joiner: the next code point joins this character
            } else {
                break;
            }
        }
        return j;
    }

    private static boolean extends_(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) // variation selectors
                || (c >= 0x1F3FB && c <= 0x1F3FF) // skin tones
                || c == 0x20E3 // combining enclosing keycap
                || (c >= 0xE0020 && c <= 0xE007F) // tag sequences (subdivision flags)
                || (c >= 0xE0100 && c <= 0xE01EF); // variation selectors supplement
    }

    private static boolean regionalIndicator(int c) {
        return c >= 0x1F1E6 && c <= 0x1F1FF;
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || Character.isISOControl(c)
                || (c >= 0xFE00 && c <= 0xFE0F);
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && invisibleAt(s, start)) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && invisibleAt(s, end - Character.charCount(s.codePointBefore(end)))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean invisibleAt(String s, int index) {
        int c = s.codePointAt(index);
        // a variation selector or joiner at the end belongs to the emoji before it: strip only spaces
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x200B || c == 0xFEFF;
    }
}

package jp.keitai.sns.carrier;

/**
 * Hand-written scans over page text for {@link LinkRewriter}, which runs over every link of every keitai page: plain
 * loops over a {@link CharSequence}, no regular expressions and no copies.
 */
final class MarkupScan {

    private MarkupScan() {}

    /** Writes a bare {@code &} as {@code &amp;}; entities ({@code &amp;} {@code &lt;} {@code &#38;} ...) stay. */
    static String escapeBareAmpersands(String url) {
        int amp = url.indexOf('&');
        if (amp < 0) {
            return url;
        }
        StringBuilder sb = null;
        int last = 0;
        for (; amp >= 0; amp = url.indexOf('&', amp + 1)) {
            if (isEntity(url, amp + 1)) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(url.length() + 16);
            }
            sb.append(url, last, amp + 1).append("amp;");
            last = amp + 1;
        }
        return sb == null ? url : sb.append(url, last, url.length()).toString();
    }

    /** Whether an entity name or number and its {@code ;} start at i: amp lt gt quot apos, #digits, #xhex. */
    private static boolean isEntity(String s, int i) {
        for (String name : NAMED) {
            if (s.startsWith(name, i)) {
                return true;
            }
        }
        if (i >= s.length() || s.charAt(i) != '#') {
            return false;
        }
        int j = i + 1;
        boolean hex = j < s.length() && s.charAt(j) == 'x';
        if (hex) {
            j++;
        }
        int digits = j;
        while (j < s.length() && (hex ? isAsciiHexDigit(s.charAt(j)) : isAsciiDigit(s.charAt(j)))) {
            j++;
        }
        return j > digits && j < s.length() && s.charAt(j) == ';';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiHexDigit(char c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static final String[] NAMED = {"amp;", "lt;", "gt;", "quot;", "apos;"};

    /** What {@code \\s} matches in a regular expression. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(CharSequence s, String part, int from) {
        for (int i = indexOf(s, part.charAt(0), from); i >= 0; i = indexOf(s, part.charAt(0), i + 1)) {
            if (regionEquals(s, i, part)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code part} (lower case ASCII) starts at {@code at}, in any case. */
    static boolean startsWithIgnoreCase(CharSequence s, int at, String part) {
        if (at + part.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < part.length(); k++) {
            if (Character.toLowerCase(s.charAt(at + k)) != part.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean regionEquals(CharSequence s, int at, String part) {
        if (at + part.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < part.length(); k++) {
            if (s.charAt(at + k) != part.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}

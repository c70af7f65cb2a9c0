package jp.keitai.sns.carrier.view;

/**
 * HTML escaping for the layout tags, and for the Java expressions of the keitai home page's templates (kept free of
 * EL, which is too slow there), which print each text as {@code <%= Html.escape(...) %>}.
 */
public final class Html {
    private Html() {}

    /** The text with {@code & < > " '} escaped; null as the empty string. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

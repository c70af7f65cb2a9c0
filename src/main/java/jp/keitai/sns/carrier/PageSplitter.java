package jp.keitai.sns.carrier;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Keeps a page within the handset's byte budget, counted in the encoded bytes. A template marks the part of the page
 * that may be split with {@code <k:split>} (the markers {@value #START} … {@value #END}); when the page is too big, that
 * part is cut into numbered parts with 前へ/次へ links (accesskey * and #). Cuts fall between tags, never inside a
 * tag, an entity, a multibyte character or an emoji sequence; elements left open at a cut are closed at the end of the
 * part and reopened at the start of the next, so every part stays well formed.
 */
final class PageSplitter {

    static final String START = "<!--k:split-->";
    static final String END = "<!--/k:split-->";
    /** The query parameter naming the part to show (1-based). */
    static final String PART = "part";

    private static final Set<String> VOID = Set.of(
            "br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "param", "source", "embed");
    private static final Set<String> BLOCK_ENDS = Set.of(
            "br",
            "hr",
            "/p",
            "/div",
            "/li",
            "/dd",
            "/dt",
            "/h1",
            "/h2",
            "/h3",
            "/h4",
            "/h5",
            "/h6",
            "/tr",
            "/table",
            "/ul",
            "/ol",
            "/dl",
            "/blockquote",
            "/pre",
            "/form");

    private static final int ANY = 0;
    private static final int TEXT = 1;
    private static final int BLOCK = 2;

    private PageSplitter() {}

    /** The result: the page to send, and which part it is of how many. */
    record Result(String page, int part, int parts) {}

    /**
     * @param budget most bytes allowed; 0 = no limit
     * @param part the part asked for (1-based; out of range is clamped)
     * @param partUrl the URL of part n, already escaped for an attribute
     */
    static Result split(
            String page, int budget, Charset charset, int part, IntFunction<String> partUrl, boolean xhtml) {
        int start = page.indexOf(START);
        int end = start < 0 ? -1 : page.indexOf(END, start);
        if (start < 0 || end < 0) {
            return new Result(page, 1, 1);
        }
        String head = page.substring(0, start);
        String region = page.substring(start + START.length(), end);
        String tail = page.substring(end + END.length());
        String whole = head + region + tail;
        if (budget <= 0) {
            return new Result(whole, 1, 1);
        }
        if (whole.getBytes(charset).length <= budget) {
            return new Result(whole, 1, 1);
        }
        int navBytes = bytes(nav(98, 99, partUrl, xhtml), charset);
        int available = Math.max(200, budget - bytes(head, charset) - bytes(tail, charset) - navBytes);
        List<String> parts = cut(region, available, charset);
        int n = parts.size();
        int p = Math.max(1, Math.min(part, n));
        String body = head + parts.get(p - 1) + nav(p, n, partUrl, xhtml) + tail;
        return new Result(body, p, n);
    }

    /** 前へ / numbered parts / 次へ, with the keys the handsets have: * back, # forward. */
    static String nav(int part, int parts, IntFunction<String> partUrl, boolean xhtml) {
        if (parts <= 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<div style=\"text-align:center\">");
        if (part > 1) {
            sb.append("<a href=\"").append(partUrl.apply(part - 1)).append("\" accesskey=\"*\">[*]前へ</a> ");
        }
        int from = Math.max(1, Math.min(part - 2, parts - 4));
        int to = Math.min(parts, from + 4);
        for (int i = from; i <= to; i++) {
            if (i == part) {
                sb.append(i).append(' ');
            } else {
                sb.append("<a href=\"")
                        .append(partUrl.apply(i))
                        .append("\">")
                        .append(i)
                        .append("</a> ");
            }
        }
        if (part < parts) {
            sb.append("<a href=\"").append(partUrl.apply(part + 1)).append("\" accesskey=\"#\">次へ[#]</a>");
        }
        sb.append("</div>");
        return sb.toString();
    }

    /** One cut point: where, how good a place it is, and the elements open there. */
    private record Cut(int index, int kind, Open open) {}

    /** Open elements as a persistent stack (cuts share their tails). */
    private record Open(String name, String startTag, Open below) {
        static String reopen(Open o) {
            return o == null ? "" : reopen(o.below) + o.startTag;
        }

        static String close(Open o) {
            StringBuilder sb = new StringBuilder();
            for (Open x = o; x != null; x = x.below) {
                sb.append("</").append(x.name).append('>');
            }
            return sb.toString();
        }

        static Open pop(Open o, String name) {
            for (Open x = o; x != null; x = x.below) {
                if (x.name.equals(name)) {
                    return x.below;
                }
            }
            return o; // a stray end tag: leave the stack alone
        }
    }

    static List<String> cut(String region, int available, Charset charset) {
        List<Cut> cuts = cuts(region);
        int[] prefix = prefixBytes(region, charset);
        List<String> parts = new ArrayList<>();
        int from = 0;
        Open open = null;
        int ci = 0;
        while (from < region.length()) {
            String reopen = Open.reopen(open);
            int fixed = bytes(reopen, charset);
            Cut best = null;
            Cut bestText = null;
            Cut bestBlock = null;
            Cut first = null;
            for (int i = ci; i < cuts.size(); i++) {
                Cut c = cuts.get(i);
                if (c.index <= from) {
                    continue;
                }
                if (first == null) {
                    first = c;
                }
                int size = fixed + prefix[c.index] - prefix[from] + bytes(Open.close(c.open), charset);
                if (prefix[c.index] - prefix[from] + fixed > available) {
                    break;
                }
                if (size <= available) {
                    best = c;
                    if (c.kind >= TEXT) {
                        bestText = c;
                    }
                    if (c.kind == BLOCK) {
                        bestBlock = c;
                    }
                }
            }
            Cut chosen;
            if (best == null) {
                chosen = first; // one token larger than the budget: send it whole rather than loop forever
            } else if (bestBlock != null && prefix[bestBlock.index] - prefix[from] >= available / 2) {
                chosen = bestBlock;
            } else if (bestText != null && prefix[bestText.index] - prefix[from] >= available / 2) {
                chosen = bestText;
            } else {
                chosen = best;
            }
            if (chosen.index >= region.length()) {
                parts.add(reopen + region.substring(from));
                break;
            }
            parts.add(reopen + region.substring(from, chosen.index) + Open.close(chosen.open));
            from = chosen.index;
            open = chosen.open;
            while (ci < cuts.size() && cuts.get(ci).index <= from) {
                ci++;
            }
        }
        if (parts.isEmpty()) {
            parts.add(region);
        }
        return parts;
    }

    /** Every place a cut may fall, in order, ending with the end of the region. */
    private static List<Cut> cuts(String s) {
        List<Cut> cuts = new ArrayList<>();
        Open open = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int kind = ANY;
            if (c == '<' && s.startsWith("<!--", i)) {
                int close = s.indexOf("-->", i + 4);
                i = close < 0 ? s.length() : close + 3;
            } else if (c == '<') {
                int close = tagEnd(s, i);
                String tag = s.substring(i, close);
                String name = tagName(tag);
                if (name.startsWith("/")) {
                    open = Open.pop(open, name.substring(1));
                } else if (!name.isEmpty() && !VOID.contains(name) && !tag.endsWith("/>")) {
                    open = new Open(name, tag, open);
                }
                if (BLOCK_ENDS.contains(name)) {
                    kind = BLOCK;
                }
                i = close;
            } else if (c == '&') {
                int semi = s.indexOf(';', i);
                i = semi > i && semi - i <= 10 ? semi + 1 : i + 1;
            } else {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                i = clusterEnd(s, i);
                if (Character.isWhitespace(cp) || cp == '。' || cp == '、' || cp == '！' || cp == '？') {
                    kind = TEXT;
                }
            }
            cuts.add(new Cut(i, kind, open));
        }
        return cuts;
    }

    /** Past combining marks, variation selectors, skin tones, keycaps and ZWJ-joined emoji: one visible character. */
    private static int clusterEnd(String s, int i) {
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            boolean extend = type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                    || (cp >= 0xE0020 && cp <= 0xE007F)
                    || cp == 0x3099
                    || cp == 0x309A;
            if (cp == 0x200D) {
                i += 1;
                if (i < s.length()) {
                    i += Character.charCount(s.codePointAt(i));
                }
                continue;
            }
            if (!extend) {
                break;
            }
            i += Character.charCount(cp);
        }
        // a flag is two regional indicators
        if (i >= 2 && i < s.length() && isRegional(s.codePointBefore(i)) && isRegional(s.codePointAt(i))) {
            int before = s.codePointBefore(i);
            int start = i - Character.charCount(before);
            if (start == 0 || !isRegional(s.codePointBefore(start))) {
                i += Character.charCount(s.codePointAt(i));
            }
        }
        return i;
    }

    private static boolean isRegional(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static int tagEnd(String s, int i) {
        char quote = 0;
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            }
        }
        return s.length();
    }

    private static String tagName(String tag) {
        int i = 1;
        StringBuilder sb = new StringBuilder();
        if (i < tag.length() && tag.charAt(i) == '/') {
            sb.append('/');
            i++;
        }
        while (i < tag.length() && (Character.isLetterOrDigit(tag.charAt(i)) || tag.charAt(i) == ':')) {
            sb.append(tag.charAt(i++));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Encoded length of everything before index i, for each i. */
    private static int[] prefixBytes(String s, Charset charset) {
        int[] prefix = new int[s.length() + 1];
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            prefix[i + 1] = prefix[i] + charBytes(s.charAt(i), utf8);
        }
        return prefix;
    }

    static int bytes(String s, Charset charset) {
        int n = 0;
        boolean utf8 = charset.equals(StandardCharsets.UTF_8); // once, not per character
        for (int i = 0; i < s.length(); i++) {
            n += charBytes(s.charAt(i), utf8);
        }
        return n;
    }

    /** Bytes one UTF-16 unit costs: exact for UTF-8 and Windows-31J (the edge makes pages encodable first). */
    private static int charBytes(char c, boolean utf8) {
        if (utf8) {
            if (c < 0x80) {
                return 1;
            }
            if (c < 0x800) {
                return 2;
            }
            if (Character.isHighSurrogate(c)) {
                return 4;
            }
            return Character.isLowSurrogate(c) ? 0 : 3;
        }
        if (c < 0x80 || (c >= 0xFF61 && c <= 0xFF9F)) {
            return 1;
        }
        if (Character.isSurrogate(c)) {
            return Character.isHighSurrogate(c) ? 2 : 0; // becomes 〓
        }
        return 2;
    }
}

package jp.keitai.sns.carrier;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One browser generation of a carrier (mova, FOMA, i-mode browser 2.0, WAP 2.0, 3G …): markup, content type,
 * DOCTYPE, page byte budget and cookie support, as its carrier file says.
 */
public final class Generation {

    private static final Set<String> MARKUPS = Set.of("chtml", "xhtml", "html5");

    private final String name;
    private final Pattern match;
    private final String markup;
    private final String contentType;
    private final String doctype;
    private final int budget;
    private final boolean cookies;
    private final Charset charset;
    private final String charsetLabel;

    Generation(
            String name,
            Pattern match,
            String markup,
            String contentType,
            String doctype,
            int budget,
            boolean cookies,
            Charset charset,
            String charsetLabel) {
        this.name = name;
        this.match = match;
        this.markup = markup;
        this.contentType = contentType;
        this.doctype = doctype;
        this.budget = budget;
        this.cookies = cookies;
        this.charset = charset;
        this.charsetLabel = charsetLabel;
    }

    /** A {@code [generation name]} section's keys, checked; {@code line} is the section's own line. */
    static Generation parse(
            CarrierFile.Parser p, String name, int line, Map<String, String> g, Map<String, Integer> lines) {
        p.line = line;
        for (String required : List.of("markup", "content-type", "doctype", "budget", "cookies")) {
            if (!g.containsKey(required)) {
                throw p.error("[generation " + name + "] lacks '" + required + "'");
            }
        }
        Pattern match = null;
        if (g.containsKey("match")) {
            p.line = lines.get("match");
            if (!g.get("match").startsWith("^")) {
                throw p.error("User-Agent patterns are anchored at the start: begin with ^");
            }
            match = CarrierFile.compile(p, g.get("match"));
        }
        p.line = lines.get("markup");
        String markup = g.get("markup");
        if (!MARKUPS.contains(markup)) {
            throw p.error("markup is one of " + MARKUPS);
        }
        p.line = lines.get("budget");
        int budget;
        try {
            budget = Integer.parseInt(g.get("budget"));
        } catch (NumberFormatException e) {
            throw p.error("budget is a number of bytes (0 = no limit)");
        }
        if (budget != 0 && budget < 1000) {
            throw p.error("a budget under 1000 bytes leaves no room for a page");
        }
        p.line = lines.get("cookies");
        boolean cookies = CarrierFile.yesNo(p, g.get("cookies"));
        Charset charset = null;
        String label = null;
        if (g.containsKey("charset")) {
            p.line = lines.get("charset");
            charset = CarrierFile.charset(p, g.get("charset"));
            label = g.getOrDefault("charset-label", charset.name());
        }
        return new Generation(
                name, match, markup, g.get("content-type"), g.get("doctype"), budget, cookies, charset, label);
    }

    boolean matches(String userAgent) {
        return match == null || match.matcher(userAgent).find();
    }

    public String getName() {
        return name;
    }

    /** {@code chtml}, {@code xhtml} or {@code html5}. */
    public String getMarkup() {
        return markup;
    }

    public String getContentType() {
        return contentType;
    }

    public String getDoctype() {
        return doctype;
    }

    /** Page byte budget in encoded bytes; 0 = no limit. */
    public int getBudget() {
        return budget;
    }

    public boolean isCookies() {
        return cookies;
    }

    /** A charset of its own (SoftBank's PDC handsets use Shift_JIS), else the carrier's. */
    Optional<Charset> charset() {
        return Optional.ofNullable(charset);
    }

    Optional<String> charsetLabel() {
        return Optional.ofNullable(charsetLabel);
    }
}

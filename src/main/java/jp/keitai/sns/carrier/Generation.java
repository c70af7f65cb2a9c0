package jp.keitai.sns.carrier;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One browser generation of a carrier (mova, FOMA, i-mode browser 2.0, WAP 2.0, 3G …): markup, content type,
 * DOCTYPE, page byte budget and cookie support, as its carrier file says.
 */
public final class Generation {

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

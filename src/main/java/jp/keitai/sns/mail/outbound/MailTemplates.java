package jp.keitai.sns.mail.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail bodies from {@code mobile-templates/mail/} (shipped on the class path as {@code mail-templates/}): plain UTF-8
 * text, a {@code Subject:} line, a blank line, then the body, with {@code ${name}} placeholders. Like the page views,
 * {@code name_docomo.txt} → {@code name_keitai.txt} → {@code name.txt} is tried for the recipient's carrier. Plain text
 * rather than JSP because mail is written outside any servlet request (spool workers, retries).
 */
public final class MailTemplates {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_\\-]*(/[a-z0-9][a-z0-9_\\-]*)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");
    private static final String ROOT = "mail-templates/";

    private final ClassLoader loader;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    public MailTemplates() {
        this(MailTemplates.class.getClassLoader());
    }

    MailTemplates(ClassLoader loader) {
        this.loader = loader;
    }

    /** A rendered mail, still Unicode. */
    public record Rendered(String template, String subject, String body) {}

    /**
     * Renders template {@code name} (e.g. {@code "echo"} for {@code mail/echo.txt}) for a carrier.
     *
     * @throws IllegalArgumentException when the template does not exist or a placeholder has no value
     */
    public Rendered render(String name, String carrier, Map<String, ?> values) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad mail template name: " + name);
        }
        String source = find(name + "_" + carrier)
                .or(() -> find(name + "_" + MailCarriers.familyOf(carrier)))
                .or(() -> find(name))
                .orElseThrow(() -> new IllegalArgumentException("no mail template mail/" + name + ".txt"));
        String text = source.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("Subject:")) {
            throw new IllegalArgumentException("mail/" + name + ": the first line must be 'Subject: …'");
        }
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text : text.substring(0, end)).substring("Subject:".length());
        String body = end < 0 ? "" : text.substring(end + 1);
        if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        return new Rendered(
                name, fill(name, subject, values).strip().replaceAll("[\\r\\n]+", " "), fill(name, body, values));
    }

    private static String fill(String name, String text, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("mail/" + name + ": no value for ${" + key + "}");
            }
            Object value = values.get(key);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Optional<String> find(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = loader.getResourceAsStream(ROOT + n + ".txt")) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

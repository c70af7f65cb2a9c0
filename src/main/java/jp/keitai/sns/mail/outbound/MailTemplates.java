package jp.keitai.sns.mail.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
     * @param family the carrier's device family ({@code keitai}, {@code smartphone} or {@code pc}), tried after the
     *     carrier's own template
     * @throws IllegalArgumentException when the template does not exist or a placeholder has no value
     */
    public Rendered render(String name, String carrier, String family, Map<String, ?> values) {
        Parsed parsed = compiled.computeIfAbsent(
                name + "\u0000" + carrier + "\u0000" + family, k -> parse(name, carrier, family));
        return new Rendered(
                name,
                LINE_BREAKS
                        .matcher(fill(name, parsed.subject(), values).strip())
                        .replaceAll(" "),
                fill(name, parsed.body(), values));
    }

    /**
     * A template split once into text and placeholders ({@code parts[i]} is text for even i, a name for odd i): the
     * mail worker renders one per diary, so the text is not scanned with a regular expression per mail.
     */
    private record Parsed(String[] subject, String[] body) {}

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private final Map<String, Parsed> compiled = new ConcurrentHashMap<>();

    private Parsed parse(String name, String carrier, String family) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad mail template name: " + name);
        }
        String source = find(name + "_" + carrier)
                .or(() -> find(name + "_" + family))
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
        return new Parsed(split(subject), split(body));
    }

    private static String[] split(String text) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            parts.add(text.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(text.substring(at));
        return parts.toArray(String[]::new);
    }

    private static String fill(String name, String[] parts, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(parts[0].length() + 64 * parts.length);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                out.append(parts[i]);
                continue;
            }
            String key = parts[i];
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("mail/" + name + ": no value for ${" + key + "}");
            }
            Object value = values.get(key);
            out.append(value == null ? "" : value.toString());
        }
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

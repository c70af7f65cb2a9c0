package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JSP EL does not escape. Every {@code ${…}} a template writes into the page must be escaped ({@code <c:out>} or
 * {@code fn:escapeXml}), sit in a JSTL attribute that is not output as such, or be a value that cannot carry markup
 * (ids, counts, the CSRF token, literal choices). This test reads every template and names each violation.
 */
class TemplateSafetyTest {

    private static final Pattern EL = Pattern.compile("\\$\\{([^}]*)}");
    /** JSTL attributes whose value is evaluated, not printed raw. */
    private static final Pattern JSTL_ATTRIBUTE = Pattern.compile(
            "<(c|fn|fmt|jsp):[a-zA-Z]+[^>]*\\b(test|items|value|var|begin|end|step|url|param|page)\\s*=\\s*[\"'][^\"']*$");

    private static final Pattern SAFE = Pattern.compile(
            "csrf|page|pages|[\\w.]*(\\.id|Id|Count|count|\\.size|Number|number)|handset\\.[\\w.]+|signedIn"
                    + "|fn:escapeXml\\(.*\\)|fn:length\\(.*\\)|.*\\?\\s*'[^']*'\\s*:\\s*'[^']*'|[\\w.]+\\s*[-+]\\s*\\d+"
                    + "|[\\w.]+\\s*(==|!=|>|<|>=|<=|eq|ne|gt|lt)\\s*[\\w.']+");

    @Test
    void everyTemplateEscapesWhatItPrints() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("mobile-templates"))) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".jsp") || p.toString().endsWith(".jspf"))
                    .toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = EL.matcher(text);
                while (m.find()) {
                    String expr = m.group(1).strip();
                    String before = text.substring(Math.max(0, text.lastIndexOf('<', m.start())), m.start());
                    if (JSTL_ATTRIBUTE.matcher(before).find()
                            || SAFE.matcher(expr).matches()) {
                        continue;
                    }
                    problems.add(f + ": ${" + expr + "}");
                }
            }
        }
        assertTrue(
                problems.isEmpty(),
                "unescaped EL output (wrap it in <c:out value=\"...\"/>):\n" + String.join("\n", problems));
    }
}

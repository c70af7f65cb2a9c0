package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JSP EL does not escape. Every {@code ${…}} a template writes into the page must be escaped ({@code <c:out>} or
 * {@code fn:escapeXml}), sit in a JSTL attribute that is not output as such, or be a value that cannot carry markup
 * (ids, counts, the CSRF token, literal choices). The same holds for the Java expressions ({@code <%= … %>}) of the
 * few templates allowed to have Java: each text through {@code Html.escape}. This test reads every template and names
 * each violation.
 */
class TemplateSafetyTest {

    private static final Pattern EL = Pattern.compile("\\$\\{([^}]*)}");
    /** JSTL attributes whose value is evaluated, not printed raw. */
    private static final Pattern JSTL_ATTRIBUTE = Pattern.compile(
            "<(c|fn|fmt|jsp):[a-zA-Z]+[^>]*\\b(test|items|value|var|begin|end|step|url|param|page)\\s*=\\s*[\"'][^\"']*$");

    /** Attributes the layout tags escape as they print them: {@code <k:page title>}, {@code <p:page title>}, {@code <k:link href>}. */
    private static final Pattern LAYOUT_ATTRIBUTE =
            Pattern.compile("<(k|p):(page|link)\\b[^>]*\\b(title|href)\\s*=\\s*[\"'][^\"']*$");

    private static final Pattern SAFE = Pattern.compile(
            "csrf|page|pages|sectionKey|[\\w.]*(\\.id|Id|Count|count|\\.size|Number|number)|handset\\.[\\w.]+|signedIn"
                    + "|fn:escapeXml\\(.*\\)|fn:length\\(.*\\)|.*\\?\\s*'[^']*'\\s*:\\s*'[^']*'|[\\w.]+\\s*[-+]\\s*\\d+"
                    + "|[\\w.]+\\s*(==|!=|>|<|>=|<=|eq|ne|gt|lt)\\s*[\\w.']+");

    /**
     * The templates written partly in Java, because EL was too slow on the busiest pages (home and profile). Java anywhere else
     * is a violation: templates are EL and JSTL.
     */
    private static final Set<String> JAVA_TEMPLATES = Set.of(
            "mobile-templates/home/home_keitai.jsp",
            "mobile-templates/diary/home_section_keitai.jsp",
            "mobile-templates/voice/home_section_keitai.jsp",
            "mobile-templates/community/home_section_keitai.jsp",
            "mobile-templates/profile/profile_keitai.jsp");

    /** Java code in a template: a scriptlet, an expression or a declaration (not a directive, not a comment). */
    private static final Pattern JAVA = Pattern.compile("<%(?![@-])");

    private static final Pattern JAVA_OUTPUT = Pattern.compile("<%=(.*?)%>", Pattern.DOTALL);
    /** What a Java expression may print: escaped text, the context path, ids, counts, keys and anchors. */
    private static final Pattern SAFE_JAVA = Pattern.compile(
            "Html\\.escape\\(\\w+(\\.\\w+\\(\\))*\\)|request\\.getContextPath\\(\\)|\\w+\\.get(Id|\\w*Count|KeyNumber|AnchorId)\\(\\)|\\w+\\.\\w*Id\\(\\)");
    /** A Java expression in an action's attribute ({@code <jsp:include page="<%= fragment %>"/>}) is not printed. */
    private static final Pattern ACTION_ATTRIBUTE = Pattern.compile("<jsp:[a-zA-Z]+[^>]*=\\s*\"$");

    /** Every JSP and JSP fragment under mobile-templates, by path ({@code mobile-templates/…}), with its text. */
    private static Map<String, String> templates() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("mobile-templates"))) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".jsp") || p.toString().endsWith(".jspf"))
                    .toList()) {
                out.put(f.toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void onlyTheListedTemplatesHaveJavaAndItEscapesWhatItPrints() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> template : templates().entrySet()) {
            String name = template.getKey();
            String text = template.getValue();
            if (!JAVA_TEMPLATES.contains(name)) {
                if (JAVA.matcher(text).find()) {
                    problems.add(name + ": Java in a template not listed in JAVA_TEMPLATES");
                }
                continue;
            }
            Matcher m = JAVA_OUTPUT.matcher(text);
            while (m.find()) {
                String expr = m.group(1).strip();
                if (SAFE_JAVA.matcher(expr).matches()
                        || ACTION_ATTRIBUTE
                                .matcher(text.substring(Math.max(0, text.lastIndexOf('<', m.start() - 1)), m.start()))
                                .find()) {
                    continue;
                }
                problems.add(name + ": <%= " + expr + " %>");
            }
        }
        assertTrue(
                problems.isEmpty(),
                "unescaped Java output (print text as Html.escape(...)):\n" + String.join("\n", problems));
        assertTrue(JAVA_TEMPLATES.stream().allMatch(t -> Files.exists(Path.of(t))), "a listed template was renamed");
    }

    @Test
    void everyTemplateEscapesWhatItPrints() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> template : templates().entrySet()) {
            String f = template.getKey();
            String text = template.getValue();
            Matcher m = EL.matcher(text);
            while (m.find()) {
                String expr = m.group(1).strip();
                String before = text.substring(Math.max(0, text.lastIndexOf('<', m.start())), m.start());
                if (JSTL_ATTRIBUTE.matcher(before).find()
                        || LAYOUT_ATTRIBUTE.matcher(before).find()
                        || SAFE.matcher(expr).matches()) {
                    continue;
                }
                problems.add(f + ": ${" + expr + "}");
            }
        }
        assertTrue(
                problems.isEmpty(),
                "unescaped EL output (wrap it in <c:out value=\"...\"/>):\n" + String.join("\n", problems));
    }
}

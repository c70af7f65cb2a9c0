package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code trimDirectiveWhitespaces} (web.xml) makes the JSP compiler drop every piece of template text that is only
 * whitespace between two JSP elements (EL, tags, scriptlets): {@code <c:out …/> <c:out …/>} prints the two values run
 * together ({@code 1.たけし2026/12/05}, {@code 19:13全体に公開}, {@code 12/54件}). This test reads the keitai templates
 * and names each such gap where the text on both sides is inline (words, links, values), so the lost space would
 * show; write the space where the compiler keeps it ({@code &#32;}, or inside the text or the {@code <c:out>} value).
 * Gaps next to block markup ({@code <br />}, {@code <hr />}, {@code <div>}, {@code <form>}) do not matter.
 */
class TemplateWhitespaceTest {

    /** JSP elements: comments, directives and Java, EL, and actions of the tag libraries the templates use. */
    private static final Pattern ELEMENT = Pattern.compile(
            "<%--.*?--%>|<%.*?%>|[$#]\\{(?:[^}'\"]|'[^']*'|\"[^\"]*\")*}"
                    + "|</?(?:c|fn|fmt|k|p|jsp):[\\w-]+(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
            Pattern.DOTALL);

    /** Markup that starts or ends a line anyway: whitespace next to it shows nothing. */
    private static final Set<String> BLOCK = Set.of(
            "br",
            "hr",
            "div",
            "p",
            "form",
            "input",
            "select",
            "option",
            "textarea",
            "ul",
            "ol",
            "li",
            "dl",
            "dt",
            "dd",
            "table",
            "tr",
            "td",
            "th",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "html",
            "head",
            "body",
            "title",
            "meta",
            "nav",
            "header",
            "footer",
            "main",
            "section",
            "article",
            "pre",
            "blockquote",
            "center",
            "marquee",
            "svg");

    private record Node(boolean text, String value, int offset) {}

    static List<Node> nodes(String template) {
        List<Node> nodes = new ArrayList<>();
        Matcher m = ELEMENT.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                nodes.add(new Node(true, template.substring(at, m.start()), at));
            }
            nodes.add(new Node(false, m.group(), m.start()));
            at = m.end();
        }
        if (at < template.length()) {
            nodes.add(new Node(true, template.substring(at), at));
        }
        return nodes;
    }

    /** Whether a JSP element prints a value at that edge (EL, an expression, c:out, a k:link's text or keycap). */
    private static boolean printsValue(String element, boolean before) {
        return element.startsWith("${")
                || element.startsWith("#{")
                || element.startsWith("<%=")
                || element.startsWith("<c:out")
                || (before ? element.startsWith("</k:link") : element.startsWith("<k:link"));
    }

    /** Elements that print nothing themselves: conditions, loops, variables, Java statements, comments. */
    private static boolean silent(String element) {
        return element.matches("(?s)</?c:(if|forEach|forTokens|choose|when|otherwise|set|remove|param)\\b.*")
                || (element.startsWith("<%") && !element.startsWith("<%=") && !element.startsWith("<%@"));
    }

    /** Whether the output just before ({@code before}) or after this gap is inline content. */
    private static boolean inline(List<Node> nodes, int gap, boolean before) {
        return inline(nodes, gap, before, 0);
    }

    private static boolean inline(List<Node> nodes, int gap, boolean before, int loops) {
        int step = before ? -1 : 1;
        for (int i = gap + step; i >= 0 && i < nodes.size(); i += step) {
            Node n = nodes.get(i);
            if (n.text()) {
                String t = before ? n.value().stripTrailing() : n.value().stripLeading();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() < n.value().length() || (before ? t.endsWith("&#32;") : t.startsWith("&#32;"))) {
                    return false; // a space the compiler keeps is already there
                }
                return before ? inlineEnd(t) : inlineStart(t);
            }
            if (printsValue(n.value(), before)) {
                return true;
            }
            if (loops < 3
                    && (before ? n.value().startsWith("<c:forEach") : n.value().startsWith("</c:forEach"))) {
                // the loop's start follows its previous round's end (and its end precedes the next round's start)
                boolean other = inline(nodes, matchingLoopEdge(nodes, i, before), before, loops + 1);
                if (other) {
                    return true;
                }
            }
            if (!silent(n.value())) {
                return false; // page, split, include, directive: a boundary
            }
        }
        return false;
    }

    /** The index just inside the other end of the loop whose start (walking back) or end (walking on) is at i. */
    private static int matchingLoopEdge(List<Node> nodes, int i, boolean fromStart) {
        int depth = 0;
        int step = fromStart ? 1 : -1;
        for (int j = i + step; j >= 0 && j < nodes.size(); j += step) {
            String v = nodes.get(j).value();
            if (nodes.get(j).text()) {
                continue;
            }
            if (v.startsWith(fromStart ? "<c:forEach" : "</c:forEach")) {
                depth++;
            } else if (v.startsWith(fromStart ? "</c:forEach" : "<c:forEach")) {
                if (depth-- == 0) {
                    return j;
                }
            }
        }
        return i;
    }

    private static boolean inlineEnd(String text) {
        if (!text.endsWith(">")) {
            return true;
        }
        int open = text.lastIndexOf('<');
        return open < 0 || !BLOCK.contains(tagName(text.substring(open)));
    }

    private static boolean inlineStart(String text) {
        return !text.startsWith("<") || !BLOCK.contains(tagName(text));
    }

    private static String tagName(String tag) {
        Matcher m = Pattern.compile("</?([a-zA-Z0-9]+)").matcher(tag);
        return m.lookingAt() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    static List<String> problems(String name, String template) {
        List<String> problems = new ArrayList<>();
        List<Node> nodes = nodes(template);
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (!n.text() || !n.value().isBlank() || i == 0 || i == nodes.size() - 1) {
                continue;
            }
            if (inline(nodes, i, true) && inline(nodes, i, false)) {
                int line = 1
                        + (int) template.substring(0, n.offset())
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                String context = template.substring(
                                Math.max(0, n.offset() - 40),
                                Math.min(
                                        template.length(),
                                        n.offset() + n.value().length() + 40))
                        .replace("\n", "\\n");
                problems.add(name + ":" + line + ": …" + context + "…");
            }
        }
        return problems;
    }

    /** The templates a handset is served: keitai pages and the fragments they include. */
    private static List<Path> keitaiTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("mobile-templates"))) {
            return files.filter(
                            p -> p.getFileName().toString().matches(".*_(keitai|docomo|au|softbank|willcom)\\.jspf?"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void noSpaceBetweenValuesIsLostInAKeitaiTemplate() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : keitaiTemplates()) {
            problems.addAll(problems(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        assertTrue(
                problems.isEmpty(),
                "whitespace the JSP compiler drops (trimDirectiveWhitespaces) between inline values; write &#32;:\n"
                        + String.join("\n", problems));
    }

    @Test
    void theCheckFindsTheGapsItIsAbout() {
        assertEquals(
                1,
                problems("t", "<c:out value=\"${a}\"/> <c:out value=\"${b}\"/>").size());
        assertEquals(1, problems("t", "${a}\n${b}").size());
        assertEquals(
                1,
                problems("t", "<c:forEach items=\"${x}\" var=\"d\"> <c:out value=\"${d}\"/>件</c:forEach>")
                        .size());
        assertEquals(
                1,
                problems("t", "<c:if test=\"${a}\"><a href=\"/\">前へ</a></c:if>\n<c:if test=\"${b}\">次へ</c:if>")
                        .size());
        assertEquals(
                0,
                problems("t", "<c:out value=\"${a}\"/>&#32;<c:out value=\"${b}\"/>")
                        .size());
        assertEquals(
                0,
                problems("t", "<c:out value=\"${a}\"/><br />\n<c:out value=\"${b}\"/>")
                        .size());
        assertEquals(
                0,
                problems("t", "<c:forEach items=\"${x}\" var=\"d\">\n<a href=\"/\">x</a><br />\n</c:forEach>")
                        .size());
        assertEquals(
                0,
                problems("t", "<k:page title=\"x\">\n<c:out value=\"${a}\"/>\n</k:page>")
                        .size());
    }
}

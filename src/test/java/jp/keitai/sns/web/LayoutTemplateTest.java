package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One layout per family. Every keitai page is written inside {@code <k:page>}, which writes the XML declaration,
 * DOCTYPE and head of the handset's generation; every PC and smartphone page inside {@code <p:page>}
 * ({@code WEB-INF/tags/page.tag}), which owns the head, the member navigation and the footer. No page template writes
 * its own {@code <html>}, {@code <head>} or {@code <body>}. And the markup a keitai template writes for sure is
 * well-formed XML, because docomo's XHTML browsers get it as {@code application/xhtml+xml} ({@code KeitaiPagesIT}
 * parses the rendered pages too).
 */
class LayoutTemplateTest {

    private static final Path ROOT = Path.of("mobile-templates");

    /** What only a layout writes. */
    private static final Pattern SKELETON = Pattern.compile(
            "<!DOCTYPE|<\\?xml|<html[\\s>]|<head[\\s>]|<body[\\s>]|<title[\\s>]|<meta[\\s>]", Pattern.CASE_INSENSITIVE);

    /** Every JSP under mobile-templates, by path relative to it, with its text. */
    static Map<String, String> templates() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsp")).toList()) {
                out.put(ROOT.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Served to keitai handsets: the {@code _keitai} and carrier ({@code _docomo}, {@code _au} …) variants. */
    static boolean isKeitai(String name) {
        return name.matches(".*_(keitai|docomo|au|softbank|willcom|emobile)\\.jsp");
    }

    /**
     * A part of the home or profile page that a feature contributes ({@code diary/home_section.jsp},
     * {@code friend/profile_links.jsp}): not a page of its own.
     */
    static boolean isHomeFragment(String name) {
        return !name.startsWith("home/") && name.matches(".*/home_\\w+\\.jsp")
                || !name.startsWith("profile/profile") && name.matches(".*/profile_\\w+\\.jsp")
                || name.matches("profile/\\w+_section(_\\w+)?\\.jsp");
    }

    /** The templates of {@code layout/} serve every family through {@code <k:page>} (html5 skeleton on PC). */
    static boolean isSharedLayoutPage(String name) {
        return name.startsWith("layout/");
    }

    /** The page's text without JSP comments and directives: what it starts and ends with. */
    private static String outline(String jsp) {
        return jsp.replaceAll("(?s)<%--.*?--%>", "")
                .replaceAll("(?s)<%@.*?%>", "")
                .strip();
    }

    @Test
    void everyKeitaiPageRendersThroughTheKeitaiLayout() throws IOException {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<String, String> t : templates().entrySet()) {
            String name = t.getKey();
            if (!(isKeitai(name) || isSharedLayoutPage(name)) || isHomeFragment(name)) {
                continue;
            }
            pages++;
            String page = outline(t.getValue());
            if (!page.startsWith("<k:page ") || !page.endsWith("</k:page>")) {
                problems.add(name + ": not wrapped in <k:page title=\"…\">…</k:page>");
            }
            if (SKELETON.matcher(page).find()) {
                problems.add(name + ": writes its own skeleton (" + find(SKELETON, page) + ")");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(pages >= 30, "keitai pages found: " + pages);
    }

    @Test
    void everyPcPageRendersThroughThePcLayout() throws IOException {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<String, String> t : templates().entrySet()) {
            String name = t.getKey();
            if (isKeitai(name) || isSharedLayoutPage(name) || isHomeFragment(name)) {
                continue;
            }
            pages++;
            String page = outline(t.getValue());
            if (!page.startsWith("<p:page") || !page.endsWith("</p:page>")) {
                problems.add(name + ": not wrapped in <p:page title=\"…\">…</p:page>");
            }
            if (SKELETON.matcher(page).find()) {
                problems.add(name + ": writes its own skeleton (" + find(SKELETON, page) + ")");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(pages >= 30, "PC pages found: " + pages);
    }

    @Test
    void homeFragmentsAreNoPages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> t : templates().entrySet()) {
            if (isHomeFragment(t.getKey())
                    && (t.getValue().contains("<k:page")
                            || t.getValue().contains("<p:page")
                            || SKELETON.matcher(t.getValue()).find())) {
                problems.add(
                        t.getKey() + ": a home fragment is included into the home page, it has no layout of its own");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void whatEveryKeitaiTemplateWritesIsWellFormedXml() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> t : templates().entrySet()) {
            if (!isKeitai(t.getKey()) && !isSharedLayoutPage(t.getKey())) {
                continue;
            }
            checked++;
            String markup = staticMarkup(t.getValue());
            try {
                parse("<root>" + markup + "</root>");
            } catch (SAXParseException e) {
                String[] lines = markup.split("\n", -1);
                int line = e.getLineNumber();
                problems.add(t.getKey() + ": " + e.getMessage() + "\n    at: "
                        + (line >= 1 && line <= lines.length ? lines[line - 1].strip() : "?"));
            }
        }
        assertTrue(problems.isEmpty(), "not well-formed XML (docomo XHTML):\n" + String.join("\n", problems));
        assertTrue(checked >= 35, "keitai templates checked: " + checked);
    }

    @Test
    void theStaticMarkupCheckCatchesHtmlHabits() throws Exception {
        assertEquals(
                "<br />x<input type=\"text\" value=\"x\" />",
                staticMarkup(
                        "<c:if test=\"${a > 1}\"><br /><c:out value=\"${b}\"/><input type=\"text\" value=\"<c:out value='${c}'/>\" /></c:if>"));
        assertEquals(
                "<option selected=\"selected\">x</option>",
                staticMarkup("<option ${l == v ? 'selected=\"selected\"' : ''}>${l}</option>"));
        assertEquals(
                "<a href=\"x\">x</a>",
                staticMarkup(
                        "<a href=\"<c:url value='/d'><c:param name='p' value='${n}'/></c:url>\"><k:link href=\"/\" key=\"0\">x</k:link></a>"));
        for (String bad : List.of(
                "<br>",
                "<input type=\"text\">",
                "<input type=\"radio\" checked />",
                "<option ${a ? 'selected' : ''}>",
                "<p><div></p></div>",
                "a & b")) {
            assertThrows(SAXParseException.class, () -> parse("<root>" + staticMarkup(bad) + "</root>"), bad);
        }
    }

    private static final Pattern EL = Pattern.compile("\\$\\{([^}]*)}");
    /** {@code ${cond ? 'a' : 'b'}}: the page writes one of the two literals. */
    private static final Pattern CHOICE = Pattern.compile("(?s).*\\?\\s*'([^']*)'\\s*:\\s*'([^']*)'\\s*");

    /**
     * The markup a template writes, with every value stood in for by {@code x}: no comments, directives or Java (what
     * Java prints stands in as {@code x}); {@code <c:url>} and {@code <c:out>} become {@code x}; an EL choice between
     * two literals writes the longer one (attribute text such as {@code selected="selected"} must be XML too); the
     * carrier's input-mode attributes are left out; every other JSTL, {@code k:} and {@code jsp:} tag is taken away
     * with its body kept, so both branches of a {@code <c:choose>} stand side by side (each must be balanced).
     */
    static String staticMarkup(String jsp) {
        String s = jsp.replaceAll("(?s)<%--.*?--%>", "")
                .replaceAll("(?s)<%@.*?%>", "")
                .replaceAll("(?s)<%=.*?%>", "x")
                .replaceAll("(?s)<%.*?%>", "");
        Matcher m = EL.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expr = m.group(1).strip();
            Matcher choice = CHOICE.matcher(expr);
            String value;
            if (expr.startsWith("handset.input.")) {
                value = "";
            } else if (choice.matches()) {
                value = choice.group(1).length() >= choice.group(2).length() ? choice.group(1) : choice.group(2);
            } else {
                value = "x";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString()
                .replaceAll("(?s)<c:url\\b[^>]*?/>", "x")
                .replaceAll("(?s)<c:url\\b[^>]*>.*?</c:url>", "x")
                .replaceAll("(?s)<c:out\\b[^>]*?/>", "x")
                .replaceAll("</?(c|fn|k|jsp):[^>]*>", "");
    }

    /** Parses without fetching or reading any DTD (the i-mode DOCTYPE names one that is nowhere to fetch). */
    static void parse(String xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        b.parse(new InputSource(new StringReader(xml)));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group() : "";
    }
}

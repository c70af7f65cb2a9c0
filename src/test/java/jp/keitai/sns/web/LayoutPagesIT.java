package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Friends;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Members.NewMember;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * One layout per family, on the running server. A docomo FOMA handset gets every page as
 * {@code application/xhtml+xml}, so each must be well-formed XML: the member's pages (with a friend, a diary with a
 * comment, a voice, a 紹介文, a footprint and a pending request to show), a POST answer, the not-found pages and the
 * guest pages are fetched as docomo and parsed (no DTD is read). The same pages on a smartphone come from the PC
 * layout: one head, the member navigation, the footer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LayoutPagesIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final String DOCOMO_GATEWAY = "210.153.84.1";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyPageIsWellFormedXmlOnDocomoAndHasThePcLayoutOnASmartphone() throws Exception {
        NewMember a = Members.register(base, "あ<b>&かり");
        NewMember b = Members.register(base, "びん");
        NewMember c = Members.register(base, "しー");
        Friends.makeFriends(a, b);
        Friends.ask(c, a); // pending for a

        // a diary with a comment, a voice with an emoji, a 紹介文 of a, a footprint on a's profile
        String form = Http.text(a.http().get("/diary/new"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> written = a.http()
                .post(
                        "/diary",
                        "title",
                        "<i>晴れ</i> & 雨",
                        "body",
                        "一行目\n二行目☀️",
                        "visibility",
                        "friends",
                        "_csrf",
                        Http.csrf(form));
        assertEquals(303, written.statusCode(), Http.text(written, StandardCharsets.UTF_8));
        long diary =
                number("/diary/(\\d+)", written.headers().firstValue("Location").orElseThrow());
        String diaryPage = Http.text(b.http().get("/diary/" + diary), StandardCharsets.UTF_8);
        assertEquals(
                303,
                b.http()
                        .post("/diary/" + diary + "/comments", "body", "いいね & <ok>", "_csrf", Http.csrf(diaryPage))
                        .statusCode());
        String voices = Http.text(a.http().get("/voice"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> voiced = a.http()
                .post("/voice", "_csrf", Http.csrf(voices), "key", field(voices, "key"), "body", "晴れ☀️ <3 & ok");
        assertEquals(303, voiced.statusCode(), Http.text(voiced, StandardCharsets.UTF_8));
        long voice = number("/voice/(\\d+)\"", Http.text(a.http().get("/voice"), StandardCharsets.UTF_8));
        String intro = Http.text(b.http().get("/members/" + a.id() + "/introduction"), StandardCharsets.UTF_8);
        b.http().post("/members/" + a.id() + "/introduction", "body", "やさしい人 & <友>", "_csrf", Http.csrf(intro));
        b.http().get("/members/" + a.id());

        List<String> pages = List.of(
                "/home",
                "/members/" + a.id(),
                "/members/" + b.id(),
                "/members/" + a.id() + "/graph",
                "/members/" + b.id() + "/introduction",
                "/members/" + a.id() + "/diary",
                "/diary/new",
                "/diary/" + diary,
                "/diary/" + diary + "/edit",
                "/diary/" + diary + "/delete",
                "/settings/diary",
                "/settings/mail",
                "/voice",
                "/voice/" + voice,
                "/footprints",
                "/friends",
                "/friends/requests",
                "/friends/requests/new?member_id=" + c.id(),
                "/friends/" + b.id() + "/end",
                "/blocks",
                "/blocks/new?member_id=" + c.id(),
                "/settings",
                "/settings/profile",
                "/settings/password",
                "/settings/address",
                "/settings/withdraw",
                "/settings/easy-login",
                "/invite");
        Http docomo = Members.onDocomo(base, a);
        List<String> problems = new ArrayList<>();
        for (String path : pages) {
            HttpResponse<byte[]> r = docomo.get(path);
            if (r.statusCode() != 200) {
                problems.add(path + ": status " + r.statusCode());
                continue;
            }
            xhtml(path, r, problems);
        }
        // the answer to a POST: a's approval of c's request, from the handset
        String requests = Http.text(docomo.get("/friends/requests"), SJIS);
        long request = number("/friends/requests/(\\d+)/approve", requests);
        HttpResponse<byte[]> approved =
                docomo.post("/friends/requests/" + request + "/approve", SJIS, "_csrf", Http.csrf(requests));
        xhtml("POST approve", approved, problems);
        assertTrue(Http.text(approved, SJIS).contains("マイミクになりました"), Http.text(approved, SJIS));
        // not found: the error and message pages
        HttpResponse<byte[]> noDiary = docomo.get("/diary/999999999");
        assertEquals(404, noDiary.statusCode());
        xhtml("/diary/999999999", noDiary, problems);
        xhtml("/voice/999999999", docomo.get("/voice/999999999"), problems);
        // guests
        Http guest = new Http(base, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY);
        for (String path : List.of(
                "/",
                "/register?token=no-such-token",
                "/password-reset",
                "/password-reset/new?token=no-such-token",
                "/out?url=https%3A%2F%2Fexample.com%2F%3Fa%3D1%26b%3D2")) {
            xhtml(path, guest.get(path), problems);
        }
        assertTrue(problems.isEmpty(), "docomo pages:\n" + String.join("\n", problems));

        // the same pages on a smartphone: the PC layout's one head, navigation and footer
        List<String> pcProblems = new ArrayList<>();
        for (String path : pages) {
            HttpResponse<byte[]> r = a.http().get(path);
            String html = Http.text(r, StandardCharsets.UTF_8);
            if (r.statusCode() != 200) {
                pcProblems.add(path + ": status " + r.statusCode());
            } else if (!html.startsWith("<!DOCTYPE html>")
                    || count(html, "<head>") != 1
                    || count(html, "<body") != 1
                    || count(html, "</html>") != 1
                    || !html.contains("<nav class=\"site-nav\">")
                    || !html.contains("href=\"/members/" + a.id() + "/diary\">日記</a>")
                    || !html.contains("<footer")
                    || !html.matches("(?s).*<title>[^<]*ケータイSNS</title>.*")) {
                pcProblems.add(path + ": no PC layout:\n" + html);
            }
        }
        assertTrue(pcProblems.isEmpty(), String.join("\n", pcProblems));
        // mixiGraph's picture is the whole picture: the viewBox keeps its four numbers (the template once lost the
        // space between the last two, "0 0 480480", and cut most of the graph off)
        String graph = Http.text(a.http().get("/members/" + a.id() + "/graph"), StandardCharsets.UTF_8);
        assertTrue(graph.matches("(?s).*<svg [^>]*viewBox=\"0 0 (\\d+) \\1\".*"), graph);
        String profile = Http.text(a.http().get("/members/" + a.id()), StandardCharsets.UTF_8);
        assertTrue(profile.contains("<title>あ&lt;b&gt;&amp;かりさんのプロフィール - ケータイSNS</title>"), profile);
        String guestTop = Http.text(new Http(base).get("/"), StandardCharsets.UTF_8);
        assertTrue(guestTop.startsWith("<!DOCTYPE html>") && guestTop.contains("<title>ケータイSNS</title>"), guestTop);
        assertFalse(guestTop.contains("site-nav"), "no member navigation for guests");
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String console = Http.text(operator.get("/admin"), StandardCharsets.UTF_8);
        assertTrue(console.contains("<title>運営コンソール</title>"), console);
        assertEquals(1, count(console, "<head>"), console);
    }

    /** A docomo XHTML page: the content type, the XML declaration, well-formed, one html with one head and body. */
    static void xhtml(String what, HttpResponse<byte[]> r, List<String> problems) {
        String type = r.headers().firstValue("Content-Type").orElse("").replace(" ", "");
        String page = new String(r.body(), SJIS);
        if (!type.equals("application/xhtml+xml;charset=Shift_JIS")) {
            problems.add(what + ": " + type);
            return;
        }
        if (!page.startsWith("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>")) {
            problems.add(what + ": no XML declaration: " + page);
            return;
        }
        try {
            LayoutTemplateTest.parse(page);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
            if (!doc.getDocumentElement().getTagName().equals("html")
                    || doc.getElementsByTagName("head").getLength() != 1
                    || doc.getElementsByTagName("body").getLength() != 1
                    || doc.getElementsByTagName("title").getLength() != 1) {
                problems.add(what + ": not one html, head, title and body: " + page);
            }
        } catch (SAXParseException e) {
            String[] lines = page.split("\n", -1);
            int line = e.getLineNumber();
            problems.add(what + ": " + e.getMessage() + " at line " + line + ": "
                    + (line >= 1 && line <= lines.length ? lines[line - 1] : page));
        } catch (Exception e) {
            problems.add(what + ": " + e);
        }
    }

    static long number(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Long.parseLong(m.group(1));
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
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
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every keitai page as docomo (FOMA: {@code application/xhtml+xml}, Shift_JIS, no cookies), au (WAP 2.0 XHTML,
 * Shift_JIS) and SoftBank (3G XHTML, UTF-8) handsets get it, from their gateways, with seeded data on every page: each
 * is parsed by the JDK's strict XML parser (no DTD read, no external entity), must have one html, head, title and
 * body, and no accesskey twice. The pages are the listed ones plus every same-site page reachable by their links (so a
 * new page is checked once something links to it), the answers to refused forms, and the error pages. Rendered text
 * keeps the spaces between values. Every error — unknown URL, unknown or malformed id, wrong method, unreadable form,
 * oversized form — is the service's own Japanese page in the charset of each family (docomo, au, SoftBank, smartphone,
 * PC). Deleting a comment or a 紹介文 on keitai asks first (a page, then a POST). Pages are saved under
 * {@code target/keitai-pages/} for a look with w3m.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeitaiPagesIT {

    static final Charset SJIS = Charset.forName("Windows-31J");

    /** A handset family as a client sees it: User-Agent, gateway, cookies, and what its pages must be. */
    record Family(String name, String userAgent, String gateway, boolean cookies, String contentType, Charset charset) {
        boolean keitai() {
            return gateway != null;
        }
    }

    static final Family DOCOMO = new Family(
            "docomo", Http.DOCOMO_FOMA_UA, "210.153.84.1", false, "application/xhtml+xml;charset=Shift_JIS", SJIS);
    static final Family AU = new Family(
            "au",
            "KDDI-CA39 UP.Browser/6.2.0.13.1.5 (GUI) MMP/2.0",
            "210.230.128.225",
            true,
            "text/html;charset=Shift_JIS",
            SJIS);
    static final Family SOFTBANK = new Family(
            "softbank",
            "SoftBank/1.0/910T/TJ001/SN359466000000000 Browser/NetFront/3.3 Profile/MIDP-2.0 Configuration/CLDC-1.1",
            "123.108.237.1",
            true,
            "text/html;charset=UTF-8",
            StandardCharsets.UTF_8);
    static final Family SMARTPHONE =
            new Family("smartphone", Http.SMARTPHONE_UA, null, true, "text/html;charset=UTF-8", StandardCharsets.UTF_8);
    static final Family PC =
            new Family("pc", Http.PC_UA, null, true, "text/html;charset=UTF-8", StandardCharsets.UTF_8);

    static final List<Family> KEITAI = List.of(DOCOMO, AU, SOFTBANK);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    NewMember a;
    NewMember b;
    NewMember c;
    NewMember d;
    long aDiary;
    long bDiary;
    long aVoice;

    @Test
    void everyKeitaiPageIsWellFormedHasUniqueKeysKeepsSpacesAndEveryErrorIsOurs() throws Exception {
        seed();
        List<String> problems = new ArrayList<>();
        for (Family f : KEITAI) {
            Http h = signedIn(f, a);
            Map<String, String> pages = walk(f, h, problems);
            refusedForms(f, h, problems);
            spaces(f, pages, problems);
            confirmations(f, problems);
        }
        for (Family f : List.of(DOCOMO, AU, SOFTBANK, SMARTPHONE, PC)) {
            errors(f, problems);
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * a (たけし, with markup in no nickname but in content) has a friend b, a pending request from c, has blocked d;
     * diaries with comments both ways, voices (three pages of them) with a reply, a 紹介文 by b, あしあと by b.
     */
    void seed() {
        a = Members.register(base, "たけし");
        b = Members.register(base, "は<な>&こ");
        c = Members.register(base, "しー");
        d = Members.register(base, "でぃー");
        Friends.makeFriends(a, b);
        Friends.ask(c, a);
        Friends.block(a, d);
        aDiary = diary(a, "<i>晴れ</i> & 雨☀️", "一行目\n二行目☀️ & <b>", "friends");
        bDiary = diary(b, "はなこの日記", "本文です", "everyone");
        comment(b, aDiary, "いいね & <ok> ☀️");
        comment(a, aDiary, ">>1 ありがとう");
        comment(a, bDiary, "読みました");
        for (int i = 1; i <= 23; i++) {
            voice(a, "ボイス" + i + " ☀️ <3 & ok");
        }
        String voices = Http.text(a.http().get("/voice"), StandardCharsets.UTF_8);
        aVoice = number("/voice/(\\d+)\"", voices);
        String thread = Http.text(b.http().get("/voice/" + aVoice), StandardCharsets.UTF_8);
        assertEquals(
                303,
                b.http()
                        .post(
                                "/voice",
                                "_csrf",
                                Http.csrf(thread),
                                "key",
                                field(thread, "key"),
                                "reply_to",
                                String.valueOf(aVoice),
                                "body",
                                "へんしん & <返信>")
                        .statusCode());
        String intro = Http.text(b.http().get("/members/" + a.id() + "/introduction"), StandardCharsets.UTF_8);
        b.http().post("/members/" + a.id() + "/introduction", "body", "やさしい人 & <友>☀️", "_csrf", Http.csrf(intro));
        b.http().get("/members/" + a.id()); // あしあと
    }

    long diary(NewMember m, String title, String body, String visibility) {
        String form = Http.text(m.http().get("/diary/new"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = m.http()
                .post("/diary", "title", title, "body", body, "visibility", visibility, "_csrf", Http.csrf(form));
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
        return number("/diary/(\\d+)", r.headers().firstValue("Location").orElseThrow());
    }

    void comment(NewMember m, long diary, String body) {
        String page = Http.text(m.http().get("/diary/" + diary), StandardCharsets.UTF_8);
        assertEquals(
                303,
                m.http()
                        .post("/diary/" + diary + "/comments", "body", body, "_csrf", Http.csrf(page))
                        .statusCode());
    }

    void voice(NewMember m, String body) {
        String page = Http.text(m.http().get("/voice"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r =
                m.http().post("/voice", "_csrf", Http.csrf(page), "key", field(page, "key"), "body", body);
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
    }

    Http client(Family f) {
        Http h = new Http(base, f.userAgent(), f.cookies());
        return f.gateway() == null ? h : h.from(f.gateway());
    }

    Http signedIn(Family f, NewMember m) {
        Http h = client(f);
        if (f.cookies()) {
            h.signIn(m.mobileEmail(), Members.PASSWORD);
            return h;
        }
        return h.signInWithoutCookies(m.mobileEmail(), Members.PASSWORD);
    }

    /** The listed pages, then every same-site page their links reach (at most three of one shape). */
    Map<String, String> walk(Family f, Http h, List<String> problems) throws IOException {
        List<String> start = List.of(
                "/home",
                "/members/" + a.id(),
                "/members/" + b.id(),
                "/members/" + c.id(),
                "/members/" + a.id() + "/graph",
                "/members/" + b.id() + "/graph",
                "/members/" + b.id() + "/introduction",
                "/members/" + a.id() + "/introduction/delete?writer_id=" + b.id(),
                "/members/" + a.id() + "/diary",
                "/members/" + b.id() + "/diary",
                "/diary/new",
                "/diary/" + aDiary,
                "/diary/" + aDiary + "?reply=1",
                "/diary/" + bDiary,
                "/diary/" + aDiary + "/edit",
                "/diary/" + aDiary + "/delete",
                "/diary/" + aDiary + "/comments/1/delete",
                "/settings/diary",
                "/settings/mail",
                "/voice",
                "/voice?page=2",
                "/voice/" + aVoice,
                "/voice/" + aVoice + "/delete",
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
                "/settings/apps",
                "/invite");
        Map<String, String> pages = new LinkedHashMap<>();
        Set<String> queued = new LinkedHashSet<>(start);
        List<String> queue = new ArrayList<>(start);
        Map<String, Integer> shapes = new HashMap<>();
        for (int i = 0; i < queue.size() && i < 200; i++) {
            String path = queue.get(i);
            HttpResponse<byte[]> r = h.get(path);
            if (r.statusCode() != 200) {
                problems.add(f.name() + " " + path + ": status " + r.statusCode());
                continue;
            }
            Document doc = page(f, path, r, problems);
            if (doc == null) {
                continue;
            }
            pages.put(path, doc.getDocumentElement().getTextContent());
            NodeList links = doc.getElementsByTagName("a");
            for (int j = 0; j < links.getLength(); j++) {
                String next = sameSite(((Element) links.item(j)).getAttribute("href"));
                if (next == null || queued.contains(next)) {
                    continue;
                }
                String shape = next.replaceAll("\\d+", "N").replaceAll("=[^&]*", "=");
                if (shapes.merge(shape, 1, Integer::sum) <= 3) {
                    queued.add(next);
                    queue.add(next);
                }
            }
        }
        save(f, pages.size() + " pages walked", String.join("\n", pages.keySet()));
        return pages;
    }

    /** A link to a page of this site, without the session id and carrier parameters; null for others. */
    static String sameSite(String href) {
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("mailto:") || href.contains("://")) {
            return null;
        }
        URI u = URI.create(href.replace(" ", "%20"));
        String query = u.getRawQuery() == null
                ? ""
                : String.join(
                        "&",
                        java.util.Arrays.stream(u.getRawQuery().split("&"))
                                .filter(p -> !p.startsWith("sid=") && !p.equals("guid=ON"))
                                .toList());
        String path = u.getRawPath();
        if (path == null
                || path.equals("/") // a member is sent home (the guest top page is walked as a guest)
                || path.equals("/logout")
                || path.equals("/easy-login")
                || path.startsWith("/out")
                || path.contains("/photos/")) {
            return null;
        }
        return path + (query.isEmpty() ? "" : "?" + query);
    }

    /** Answers to forms the service refuses: the form again with the reason, a page like any other. */
    void refusedForms(Family f, Http h, List<String> problems) throws IOException {
        String voices = Http.text(h.get("/voice"), f.charset());
        expectPage(
                f,
                "POST /voice (empty)",
                h.post("/voice", f.charset(), "_csrf", Http.csrf(voices), "body", " "),
                200,
                problems);
        String form = Http.text(h.get("/diary/new"), f.charset());
        expectPage(
                f,
                "POST /diary (no title)",
                h.post(
                        "/diary",
                        f.charset(),
                        "_csrf",
                        Http.csrf(form),
                        "title",
                        "",
                        "body",
                        "x",
                        "visibility",
                        "friends"),
                200,
                problems);
        String diary = Http.text(h.get("/diary/" + bDiary), f.charset());
        expectPage(
                f,
                "POST comment (empty)",
                h.post("/diary/" + bDiary + "/comments", f.charset(), "_csrf", Http.csrf(diary), "body", ""),
                200,
                problems);
        String password = Http.text(h.get("/settings/password"), f.charset());
        expectPage(
                f,
                "POST /settings/password (wrong)",
                h.post(
                        "/settings/password",
                        f.charset(),
                        "_csrf",
                        Http.csrf(password),
                        "current_password",
                        "wrong-password",
                        "new_password",
                        "x"),
                200,
                problems);
        String intro = Http.text(h.get("/members/" + b.id() + "/introduction"), f.charset());
        expectPage(
                f,
                "POST introduction (too long)",
                h.post(
                        "/members/" + b.id() + "/introduction",
                        f.charset(),
                        "_csrf",
                        Http.csrf(intro),
                        "body",
                        "あ".repeat(1001)),
                200,
                problems);
        Http guest = client(f);
        expectPage(
                f,
                "POST /login (wrong)",
                guest.post("/login", f.charset(), "email", a.mobileEmail(), "password", "wrong-password"),
                200,
                problems);
        for (String path :
                List.of("/", "/register?token=no-such-token", "/out?url=https%3A%2F%2Fexample.com%2F%3Fa%3D1")) {
            HttpResponse<byte[]> r = guest.get(path);
            page(f, "guest " + path, r, problems);
            String text = Http.text(r, f.charset());
            if (path.equals("/")
                    && !(java.util.regex.Pattern.compile(
                                            "href=\"mailto:get@[^\"]+\" accesskey=\"3\">.{1,300}?空ﾒｰﾙを送る</a>")
                                    .matcher(text)
                                    .find()
                            && text.contains("指定受信")
                            && text.contains("招待制"))) {
                problems.add(f.name() + " guest top page: no 空メール link, 指定受信 note or invitation rule: " + text);
            }
        }
    }

    /** The spaces between values that trimDirectiveWhitespaces used to eat, as the handset shows the text. */
    void spaces(Family f, Map<String, String> pages, List<String> problems) {
        expectText(f, pages, "/diary/" + aDiary, "1\\.は<な>&こ \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}", problems);
        expectText(f, pages, "/diary/" + aDiary, "\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2} 友人まで公開", problems);
        expectText(f, pages, "/members/" + a.id(), "あしあと:( \\d{1,2}/\\d{1,2}:\\d+件)+", problems);
        expectText(f, pages, "/voice?page=2", "前 .{0,3}次", problems);
        expectText(f, pages, "/footprints", "\\d{1,2}/\\d{1,2} \\d{2}:\\d{2} は<な>&こ", problems);
    }

    void expectText(Family f, Map<String, String> pages, String path, String regex, List<String> problems) {
        String text = pages.get(path);
        if (text == null) {
            problems.add(f.name() + " " + path + ": not walked");
        } else if (!Pattern.compile(regex)
                .matcher(text.replaceAll("[\\uE000-\\uF8FF]", ""))
                .find()) {
            problems.add(f.name() + " " + path + ": no /" + regex + "/ in: " + text.replaceAll("\\s+", " "));
        }
    }

    /** Deleting a comment or a 紹介文 from a handset: a link to a page that asks, whose form posts the deletion. */
    void confirmations(Family f, List<String> problems) throws IOException {
        NewMember owner = Members.register(base, "もちぬし");
        NewMember writer = Members.register(base, "かきて");
        Friends.makeFriends(owner, writer);
        long diary = diary(owner, "確認の日記", "本文", "friends");
        comment(writer, diary, "消されるコメント");
        String introForm =
                Http.text(writer.http().get("/members/" + owner.id() + "/introduction"), StandardCharsets.UTF_8);
        writer.http()
                .post("/members/" + owner.id() + "/introduction", "body", "消される紹介文", "_csrf", Http.csrf(introForm));
        Http h = signedIn(f, owner);

        String show = Http.text(h.get("/diary/" + diary), f.charset());
        String commentLink = "/diary/" + diary + "/comments/1/delete";
        if (!show.contains("href=\"" + commentLink) || show.contains("action=\"" + commentLink)) {
            problems.add(f.name() + " diary page: no link to the comment's confirmation page: " + show);
        }
        HttpResponse<byte[]> ask = h.get(commentLink);
        Document asked = page(f, "GET " + commentLink, ask, problems);
        String askText = Http.text(ask, f.charset());
        if (asked == null || !askText.contains("消されるコメント") || !askText.contains("action=\"" + commentLink)) {
            problems.add(f.name() + " comment confirmation: " + askText);
        } else {
            HttpResponse<byte[]> done = h.post(commentLink, f.charset(), "_csrf", Http.csrf(askText));
            String after = Http.text(h.get("/diary/" + diary), f.charset());
            if (done.statusCode() != 303 || after.contains("消されるコメント")) {
                problems.add(f.name() + " comment not deleted after confirming: " + done.statusCode());
            }
        }

        String profile = Http.text(h.get("/members/" + owner.id()), f.charset());
        String introLink = "/members/" + owner.id() + "/introduction/delete?writer_id=" + writer.id();
        if (!profile.contains("href=\"" + introLink)
                || profile.contains("action=\"/members/" + owner.id() + "/introduction/delete")) {
            problems.add(f.name() + " profile: no link to the 紹介文's confirmation page: " + profile);
        }
        HttpResponse<byte[]> askIntro = h.get(introLink);
        Document askedIntro = page(f, "GET " + introLink, askIntro, problems);
        String introText = Http.text(askIntro, f.charset());
        if (askedIntro == null || !introText.contains("消される紹介文")) {
            problems.add(f.name() + " 紹介文 confirmation: " + introText);
        } else {
            HttpResponse<byte[]> done = h.post(
                    "/members/" + owner.id() + "/introduction/delete",
                    f.charset(),
                    "_csrf",
                    Http.csrf(introText),
                    "writer_id",
                    String.valueOf(writer.id()));
            String after = Http.text(h.get("/members/" + owner.id()), f.charset());
            if (done.statusCode() != 200 || after.contains("消される紹介文")) {
                problems.add(f.name() + " 紹介文 not deleted after confirming: " + done.statusCode());
            }
        }
        // nothing to confirm: 404 in Japanese
        expectError(f, h.get("/diary/" + diary + "/comments/1/delete"), 404, "コメントが見つかりません", problems);
        expectError(f, h.get(introLink), 404, "紹介文が見つかりません", problems);
    }

    /** Errors as each family sees them, signed in and as a guest. */
    void errors(Family f, List<String> problems) throws IOException {
        Http h = signedIn(f, a);
        String notFound = "ページが見つかりません";
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("/no/such/page", notFound);
        missing.put("/static/no-such.css", notFound);
        missing.put("/WEB-INF/web.xml", notFound);
        missing.put("/error", notFound);
        missing.put("/diary/999999999", "日記が見つかりません");
        missing.put("/diary/999999999/edit", "日記が見つかりません");
        missing.put("/diary/999999999/delete", "日記が見つかりません");
        missing.put("/diary/999999999/comments/1/delete", "");
        missing.put("/diary/" + aDiary + "/comments/99/delete", "コメントが見つかりません");
        missing.put("/diary/abc", notFound);
        missing.put("/voice/999999999", "ボイスが見つかりません");
        missing.put("/voice/abc", notFound);
        missing.put("/members/999999999", "");
        missing.put("/members/abc", "");
        missing.put("/members/999999999/diary", "");
        missing.put("/members/abc/diary", notFound);
        missing.put("/members/999999999/graph", "");
        missing.put("/members/999999999/introduction", "");
        missing.put("/members/" + a.id() + "/introduction/delete?writer_id=999999999", "紹介文が見つかりません");
        missing.put("/members/" + a.id() + "/introduction/delete?writer_id=abc", "");
        missing.put("/members/" + a.id() + "/diary?page=abc", "");
        missing.put("/friends/999999999/end", "");
        missing.put("/friends/abc/end", "");
        missing.put("/friends?page=abc", "");
        missing.put("/friends/requests/new?member_id=999999999", "");
        missing.put("/friends/requests/new?member_id=abc", "");
        missing.put("/blocks/new?member_id=999999999", "");
        missing.put("/blocks/new?member_id=abc", "");
        for (Map.Entry<String, String> e : missing.entrySet()) {
            expectError(f, "GET " + e.getKey(), h.get(e.getKey()), 404, e.getValue(), problems);
        }
        String wrongMethod = "この操作はここではできません";
        for (String[] m : List.of(
                new String[] {"POST", "/home"},
                new String[] {"GET", "/login"},
                new String[] {"GET", "/logout"},
                new String[] {"PUT", "/voice"},
                new String[] {"DELETE", "/"},
                new String[] {"GET", "/voice/" + aVoice + "/like"},
                new String[] {"GET", "/friends/requests/1/approve"},
                new String[] {"POST", "/members/" + a.id()})) {
            expectError(
                    f,
                    m[0] + " " + m[1],
                    h.send(m[0], m[1], m[0].equals("GET") ? null : "application/x-www-form-urlencoded", ""),
                    405,
                    wrongMethod,
                    problems);
        }
        // forms that cannot be read: a reply_to or member_id that is no id, a body of the wrong type, one too large
        String voices = Http.text(h.get("/voice"), f.charset());
        String csrf = Http.csrf(voices);
        expectError(
                f,
                "POST /voice reply_to=abc",
                h.post("/voice", f.charset(), "_csrf", csrf, "body", "x", "reply_to", "abc"),
                400,
                "",
                problems);
        expectError(
                f,
                "POST /friends/requests member_id=abc",
                h.post("/friends/requests", f.charset(), "_csrf", csrf, "member_id", "abc"),
                400,
                "",
                problems);
        expectError(
                f,
                "POST /voice as text/plain",
                h.send("POST", "/voice", "text/plain", "body=x&_csrf=" + csrf),
                403,
                "",
                problems);
        tooLarge(f, problems);
        expectError(f, "POST /voice without token", h.post("/voice", f.charset(), "body", "x"), 403, "有効期限", problems);
        Http guest = client(f);
        expectError(f, "guest GET /no/such/page", guest.get("/no/such/page"), 404, notFound, problems);
        expectError(f, "guest GET /login", guest.send("GET", "/login", null, null), 405, wrongMethod, problems);
    }

    /**
     * A form larger than the edge takes: refused from its declared length before the body is read (and the connection
     * closed), so it is asked over a plain socket, which the HTTP client cannot do.
     */
    void tooLarge(Family f, List<String> problems) throws IOException {
        String request = "POST /voice HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + f.userAgent() + "\r\n"
                + (f.gateway() == null ? "" : "X-Forwarded-For: " + f.gateway() + "\r\n")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200000\r\n"
                + "Connection: close\r\n\r\n";
        byte[] answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            int length = -1;
            while (length < 0) { // the head, then as many bytes as it says
                int c = in.read();
                if (c < 0) {
                    break;
                }
                read.write(c);
                String sofar = read.toString(StandardCharsets.ISO_8859_1);
                if (sofar.endsWith("\r\n\r\n")) {
                    Matcher m =
                            Pattern.compile("(?im)^Content-Length:\\s*(\\d+)").matcher(sofar);
                    length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                }
            }
            read.write(in.readNBytes(Math.max(0, length)));
            answer = read.toByteArray();
        } catch (IOException e) {
            problems.add(f.name() + " too large form: " + e);
            return;
        }
        String head = new String(answer, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            problems.add(f.name() + " too large form: no answer: " + head);
            return;
        }
        int status = Integer.parseInt(head.substring(9, 12));
        Matcher type = Pattern.compile("(?im)^Content-Type:\\s*(.*)$").matcher(head.substring(0, end));
        byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        checkError(
                f,
                "POST /voice too large",
                status,
                type.find() ? type.group(1).trim() : "",
                new String(body, f.charset()),
                413,
                "大きすぎます",
                problems);
    }

    void expectError(Family f, HttpResponse<byte[]> r, int status, String message, List<String> problems)
            throws IOException {
        expectError(f, r.request().method() + " " + r.uri().getRawPath(), r, status, message, problems);
    }

    /** The service's error page: the status, the family's type and charset, Japanese, and nothing of the container. */
    void expectError(Family f, String what, HttpResponse<byte[]> r, int status, String message, List<String> problems)
            throws IOException {
        checkError(
                f,
                what,
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                Http.text(r, f.charset()),
                status,
                message,
                problems);
    }

    void checkError(
            Family f,
            String what,
            int actual,
            String contentType,
            String text,
            int status,
            String message,
            List<String> problems)
            throws IOException {
        save(f, what, text);
        if (actual != status) {
            problems.add(f.name() + " " + what + ": status " + actual + ", not " + status + ": " + text);
            return;
        }
        String type = contentType.replace(" ", "");
        if (!type.equalsIgnoreCase(f.contentType())) {
            problems.add(f.name() + " " + what + ": " + type + ", not " + f.contentType());
        }
        if (text.contains("Payara") || text.contains("HTTP Status") || text.contains("Error report")) {
            problems.add(f.name() + " " + what + ": the container's page: " + text);
        } else if (!text.contains(message)
                || !Pattern.compile("[ぁ-んァ-ヶｦ-ﾟ一-龯]{4}").matcher(text).find()) {
            problems.add(f.name() + " " + what + ": not our Japanese page (" + message + "): " + text);
        }
        if (f.keitai()) {
            xml(f, what, text, problems);
        } else if (!text.startsWith("<!DOCTYPE html>")) {
            problems.add(f.name() + " " + what + ": not the PC layout: " + text);
        }
    }

    void expectPage(Family f, String what, HttpResponse<byte[]> r, int status, List<String> problems)
            throws IOException {
        if (r.statusCode() != status) {
            problems.add(f.name() + " " + what + ": status " + r.statusCode() + ": " + Http.text(r, f.charset()));
            return;
        }
        page(f, what, r, problems);
    }

    /** A keitai page: its type and charset, well-formed XML, one html/head/title/body, each accesskey once. */
    Document page(Family f, String what, HttpResponse<byte[]> r, List<String> problems) throws IOException {
        String type = r.headers().firstValue("Content-Type").orElse("").replace(" ", "");
        String text = Http.text(r, f.charset());
        save(f, what, text);
        if (!type.equalsIgnoreCase(f.contentType())) {
            problems.add(f.name() + " " + what + ": " + type + ", not " + f.contentType());
            return null;
        }
        return xml(f, what, text, problems);
    }

    Document xml(Family f, String what, String page, List<String> problems) {
        String label = f.charset().equals(SJIS) ? "Shift_JIS" : "UTF-8";
        if (!page.startsWith("<?xml version=\"1.0\" encoding=\"" + label + "\"?>")) {
            problems.add(f.name() + " " + what + ": no XML declaration for " + label + ": " + head(page));
            return null;
        }
        try {
            Document doc = strictParser().parse(new InputSource(new StringReader(page)));
            Element html = doc.getDocumentElement();
            if (!html.getTagName().equals("html")
                    || doc.getElementsByTagName("head").getLength() != 1
                    || doc.getElementsByTagName("title").getLength() != 1
                    || doc.getElementsByTagName("body").getLength() != 1) {
                problems.add(f.name() + " " + what + ": not one html, head, title and body: " + page);
            }
            Map<String, Integer> keys = new LinkedHashMap<>();
            for (String tag : List.of("a", "input", "textarea", "select")) {
                NodeList nodes = doc.getElementsByTagName(tag);
                for (int i = 0; i < nodes.getLength(); i++) {
                    String key = ((Element) nodes.item(i)).getAttribute("accesskey");
                    if (!key.isEmpty()) {
                        keys.merge(key, 1, Integer::sum);
                        if (!key.matches("[0-9*#]")) {
                            problems.add(f.name() + " " + what + ": accesskey \"" + key + "\"");
                        }
                    }
                }
            }
            keys.forEach((key, n) -> {
                if (n > 1) {
                    problems.add(f.name() + " " + what + ": accesskey " + key + " " + n + " times");
                }
            });
            return doc;
        } catch (SAXParseException e) {
            String[] lines = page.split("\n", -1);
            int line = e.getLineNumber();
            problems.add(f.name() + " " + what + ": " + e.getMessage() + " at line " + line + ": "
                    + (line >= 1 && line <= lines.length ? lines[line - 1] : page));
        } catch (Exception e) {
            problems.add(f.name() + " " + what + ": " + e);
        }
        return null;
    }

    /** The JDK's parser, strict: well-formedness errors are fatal; no DTD or external entity is read. */
    static DocumentBuilder strictParser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
        return builder;
    }

    /** Keeps the page under target/keitai-pages/<family>/ for a look with w3m. */
    static void save(Family f, String what, String text) throws IOException {
        Path dir = Path.of("target", "keitai-pages", f.name());
        Files.createDirectories(dir);
        String name = what.replaceAll("[^A-Za-z0-9._-]+", "_");
        Files.writeString(dir.resolve((name.length() > 120 ? name.substring(0, 120) : name) + ".html"), text);
    }

    static String head(String page) {
        return page.length() > 300 ? page.substring(0, 300) : page;
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
}

package jp.keitai.sns.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 25 against the running server, whose feeds come from an HTTP server this test starts on 127.0.0.1 (the
 * deployment allows private hosts for news, {@code sns.news.allow-private-hosts}, and polls only when asked,
 * {@code sns.news.poll-seconds=0}): polling from the console (new, unchanged, updated, malformed, hanging), the news
 * pages on docomo and PC, comments across a block and hidden by an operator, diaries about an article at each
 * 公開範囲, and the rankings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewsIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final String SNOW = "東京で初雪①　気温は～２度";
    static final String PHONES = "携帯電話の契約数、過去最高に";

    static FeedServer server;

    @BeforeAll
    static void start() {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    Http operator() {
        Http op = new Http(base);
        op.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        return op;
    }

    /** Adds a feed in the console, serving {@code fixture} at a path of its own; answers its id. */
    long addFeed(Http op, String name, String category, String fixture) {
        String path = "/" + UUID.randomUUID() + "/" + fixture;
        server.put(path, FeedServer.bytes(fixture), "application/xml");
        return addFeedAt(op, name, category, server.url(path));
    }

    long addFeedAt(Http op, String name, String category, String url) {
        String page = Http.text(op.get("/admin/news"), StandardCharsets.UTF_8);
        String done = Http.text(
                op.post(
                        "/admin/news/feeds",
                        "_csrf",
                        Http.csrf(page),
                        "name",
                        name,
                        "category",
                        category,
                        "url",
                        url,
                        "interval",
                        "30"),
                StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("フィード (\\d+) を追加しました").matcher(done);
        assertTrue(m.find(), done);
        return Long.parseLong(m.group(1));
    }

    String poll(Http op, long feed) {
        String page = Http.text(op.get("/admin/news"), StandardCharsets.UTF_8);
        return Http.text(
                op.post("/admin/news/feeds/" + feed + "/poll", "_csrf", Http.csrf(page)), StandardCharsets.UTF_8);
    }

    /** A polled Shift_JIS feed in {@code category}; answers the id of the snow article. */
    long snowArticle(String category) {
        Http op = operator();
        long feed = addFeed(op, "ケータイ新聞", category, "rss2-sjis.xml");
        assertTrue(poll(op, feed).contains("新着 2件"));
        return articleId(Http.text(op.get("/news/category/" + category), StandardCharsets.UTF_8), SNOW);
    }

    static long articleId(String page, String title) {
        Matcher m =
                Pattern.compile("/news/(\\d+)[^\"]*\">" + Pattern.quote(title)).matcher(page);
        assertTrue(m.find(), "no link to " + title + " in " + page);
        long id = Long.parseLong(m.group(1));
        while (m.find()) {
            id = Math.max(id, Long.parseLong(m.group(1))); // the newest copy: this test's own feed
        }
        return id;
    }

    @Test
    void operatorsAddFeedsAndPollThemFailingOnesShowAsFailing() {
        Http op = operator();
        long sjis = addFeed(op, "ケータイ新聞", "domestic", "rss2-sjis.xml");
        long rdf = addFeed(op, "経済タイムズ", "economy", "rdf-eucjp.xml");
        long atom = addFeed(op, "ITメディアU", "it", "atom-utf8.xml");
        long broken = addFeed(op, "壊れた新聞", "domestic", "malformed.xml");
        long hanging = addFeedAt(op, "黙る新聞", "domestic", server.url("/hang"));

        assertTrue(poll(op, sjis).contains("新着 2件、更新 0件、変更なし 0件"));
        assertTrue(poll(op, rdf).contains("新着 2件"));
        assertTrue(poll(op, atom).contains("新着 2件"));
        String malformed = poll(op, broken);
        assertTrue(malformed.contains("取得に失敗しました: フィードとして読めません"), malformed);
        String hung = poll(op, hanging);
        assertTrue(hung.contains("タイムアウト"), hung);
        // the same feed again: each article once
        assertTrue(poll(op, sjis).contains("新着 0件、更新 0件、変更なし 2件"));

        // the partner corrects a title and adds an article
        String url = feedUrl(op, sjis);
        String text = new String(FeedServer.bytes("rss2-sjis.xml"), SJIS)
                .replace("過去最高に", "過去最高に（訂正）")
                .replace(
                        "</channel>",
                        "<item><title>三本目の記事</title><link>http://news.example.jp/a/3</link>"
                                + "<guid>sjis-0003</guid></item></channel>");
        server.put(url.substring(url.indexOf('/', 8)), text.getBytes(SJIS), "text/xml; charset=Shift_JIS");
        assertTrue(poll(op, sjis).contains("新着 1件、更新 1件、変更なし 1件"));

        String console = Http.text(op.get("/admin/news"), StandardCharsets.UTF_8);
        assertTrue(row(console, broken).contains("失敗中（1回）"), row(console, broken));
        assertTrue(row(console, hanging).contains("失敗中（1回）"), row(console, hanging));
        assertTrue(row(console, sjis).contains("正常"), row(console, sjis));
        assertTrue(row(console, rdf).contains("<td>2</td>"), row(console, rdf));
        assertTrue(Http.text(op.get("/admin"), StandardCharsets.UTF_8).contains("/admin/news"));
        assertTrue(Http.text(op.get("/admin/audit"), StandardCharsets.UTF_8).contains("news.feed.add"));

        String domestic = Http.text(op.get("/news/category/domestic"), StandardCharsets.UTF_8);
        assertTrue(domestic.contains(PHONES + "（訂正）"), domestic);
        assertTrue(domestic.contains("三本目の記事"));
        String economy = Http.text(op.get("/news/category/economy"), StandardCharsets.UTF_8);
        assertTrue(economy.contains("日経平均、続伸　円安が追い風"), economy);
        assertTrue(
                Http.text(op.get("/news/category/it"), StandardCharsets.UTF_8).contains("𠮷野家のアプリ、絵文字☀️に対応"));

        // members do not find the console
        NewMember member = Members.register(base, "ニュース読者");
        assertEquals(404, member.http().get("/admin/news").statusCode());
    }

    @Test
    void newsPagesOnDocomoAndPc() throws Exception {
        long id = snowArticle("sports");
        NewMember m = Members.register(base, "ドコモで読む人");

        // docomo FOMA: Shift_JIS, within budget, well-formed XHTML, accesskeys
        Http docomo = Members.onDocomo(base, m);
        HttpResponse<byte[]> top = docomo.get("/news");
        assertEquals(200, top.statusCode());
        assertTrue(top.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        assertTrue(top.body().length <= 20_000, "FOMA budget: " + top.body().length);
        String topText = new String(top.body(), SJIS);
        assertTrue(topText.contains(SNOW), topText);
        wellFormed(top.body());
        HttpResponse<byte[]> article = docomo.get("/news/" + id);
        assertEquals(200, article.statusCode());
        assertTrue(article.body().length <= 20_000);
        wellFormed(article.body());
        String a = new String(article.body(), SJIS);
        assertTrue(a.contains(SNOW), a);
        assertTrue(a.contains("都心で初雪を観測しました。"), a);
        assertFalse(a.contains("alert(1)"), "partner markup is text only");
        // the source through the interstitial, whose URL carries no session id
        assertTrue(a.contains("href=\"/out?url=http%3a%2f%2fnews.example.jp%2fa%2f1\""), a);
        assertTrue(a.contains("ｺﾒﾝﾄ(0)"), a);
        assertTrue(a.contains("accesskey=\"1\""), a);
        String category = new String(docomo.get("/news/category/sports").body(), SJIS);
        assertTrue(category.contains(SNOW), category);

        // PC: the same article in <p:page>
        Http pc = new Http(base);
        pc.signIn(m.mobileEmail(), Members.PASSWORD);
        String page = Http.text(pc.get("/news/" + id), StandardCharsets.UTF_8);
        assertTrue(page.contains("<h1>" + SNOW + "</h1>"), page);
        assertTrue(page.contains("href=\"/out?url=http%3a%2f%2fnews.example.jp%2fa%2f1\""), page);
        assertTrue(page.contains("http://img.example.jp/snow.jpg"), "the image on PC pages");
        assertTrue(page.contains("コメント (0)"), page);
        assertTrue(page.contains("このニュースについて日記を書く"));
        String pcTop = Http.text(pc.get("/news"), StandardCharsets.UTF_8);
        assertTrue(pcTop.contains("<h1>ニュース</h1>") && pcTop.contains(SNOW), pcTop);
        // the interstitial itself
        String out = Http.text(pc.get("/out?url=http%3A%2F%2Fnews.example.jp%2Fa%2F1"), StandardCharsets.UTF_8);
        assertTrue(out.contains("外部サイトへ移動します"), out);

        assertEquals(303, new Http(base).get("/news").statusCode(), "guests are sent to sign in");
        assertEquals(404, pc.get("/news/99999999").statusCode());
        assertEquals(404, pc.get("/news/abc").statusCode());
        assertEquals(404, pc.get("/news/category/nothing").statusCode());
    }

    @Test
    void commentsShowNicknamesRespectBlocksAndOperatorsHideThem() {
        long id = snowArticle("entertainment");
        NewMember a = Members.register(base, "コメント甲");
        NewMember b = Members.register(base, "コメント乙");
        NewMember c = Members.register(base, "コメント丙");
        Friends.block(c, a);

        comment(a.http(), id, "甲のコメント");
        // from a docomo handset, in Shift_JIS
        Http docomo = Members.onDocomo(base, b);
        String form = new String(docomo.get("/news/" + id).body(), SJIS);
        HttpResponse<byte[]> posted =
                docomo.post("/news/" + id + "/comments", SJIS, "_csrf", Http.csrf(form), "body", "乙のコメント～①");
        assertEquals(303, posted.statusCode(), new String(posted.body(), SJIS));
        comment(c.http(), id, "丙のコメント");
        HttpResponse<byte[]> empty = a.http().post("/news/" + id + "/comments", "_csrf", csrfOf(a, id), "body", " ");
        assertTrue(Http.text(empty, StandardCharsets.UTF_8).contains("コメントを入力してください。"));

        String seenByA = view(a, id);
        assertTrue(seenByA.contains("甲のコメント") && seenByA.contains("乙のコメント～①"), seenByA);
        assertFalse(seenByA.contains("丙のコメント"), "blocked by c");
        assertTrue(seenByA.contains("コメント乙") && seenByA.contains("コメント (2)"), seenByA);
        String seenByC = view(c, id);
        assertFalse(seenByC.contains("甲のコメント"), "c blocked a");
        String seenByB = new String(docomo.get("/news/" + id).body(), SJIS);
        assertTrue(seenByB.contains("甲のコメント") && seenByB.contains("丙のコメント"), seenByB);
        assertTrue(seenByB.contains("ｺﾒﾝﾄ(3)"), seenByB);

        // an operator hides b's comment, with a note; it is audited
        Http op = operator();
        String console = Http.text(op.get("/admin/news/comments"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("data-comment-id=\"(\\d+)\">(?:(?!</tr>).)*乙のコメント", Pattern.DOTALL)
                .matcher(console);
        assertTrue(m.find(), console);
        String hidden = Http.text(
                op.post("/admin/news/comments/" + m.group(1) + "/hide", "_csrf", Http.csrf(console), "note", "不適切"),
                StandardCharsets.UTF_8);
        assertTrue(hidden.contains("非表示にしました"), hidden);
        assertFalse(view(a, id).contains("乙のコメント"));
        assertTrue(view(a, id).contains("コメント (1)"));
        String audit = Http.text(op.get("/admin/audit"), StandardCharsets.UTF_8);
        assertTrue(audit.contains("news.comment.hide") && audit.contains("不適切"), audit);
        // members cannot hide
        assertEquals(
                404,
                a.http()
                        .post("/admin/news/comments/" + m.group(1) + "/show", "_csrf", csrfOf(a, id))
                        .statusCode());
    }

    @Test
    void diariesAboutAnArticleAtEachLevel() {
        long id = snowArticle("world");
        NewMember writer = Members.register(base, "日記を書く人");
        NewMember friend = Members.register(base, "その友人");
        NewMember fof = Members.register(base, "友人の友人さん");
        NewMember member = Members.register(base, "ただの会員");
        NewMember blocked = Members.register(base, "ブロックされた会員");
        Friends.makeFriends(writer, friend);
        Friends.makeFriends(friend, fof);
        Friends.block(writer, blocked);

        String form = Http.text(writer.http().get("/news/" + id + "/diary"), StandardCharsets.UTF_8);
        assertTrue(form.contains(SNOW), "the form names the article: " + form);
        for (String level : List.of("private", "friends", "friends_of_friends", "everyone")) {
            HttpResponse<byte[]> r = writer.http()
                    .post(
                            "/news/" + id + "/diary",
                            "_csrf",
                            Http.csrf(form),
                            "title",
                            "初雪の日記 " + level,
                            "body",
                            "雪を見ました",
                            "visibility",
                            level);
            assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
            String diary = r.headers().firstValue("Location").orElseThrow();
            assertTrue(diary.matches(".*/diary/\\d+$"), diary);
            String diaryPage =
                    Http.text(writer.http().get(diary.substring(diary.indexOf("/diary/"))), StandardCharsets.UTF_8);
            assertTrue(diaryPage.contains("/news/" + id + "\""), "the diary links to the article: " + diaryPage);
        }
        assertEquals(List.of("everyone", "friends_of_friends", "friends", "private"), diaries(writer, id));
        assertEquals(List.of("everyone", "friends_of_friends", "friends"), diaries(friend, id));
        assertEquals(List.of("everyone", "friends_of_friends"), diaries(fof, id));
        assertEquals(List.of("everyone"), diaries(member, id));
        assertEquals(List.of(), diaries(blocked, id));
        // on docomo too
        String docomo =
                new String(Members.onDocomo(base, fof).get("/news/" + id).body(), SJIS);
        assertTrue(docomo.contains("初雪の日記 friends_of_friends") && !docomo.contains("初雪の日記 friends<"), docomo);
    }

    @Test
    void rankingsOfTheLast24Hours() {
        long snow = snowArticle("trend");
        Http op = operator();
        long phones = articleId(Http.text(op.get("/news/category/trend"), StandardCharsets.UTF_8), PHONES);
        NewMember m = Members.register(base, "ランキング係");
        comment(m.http(), snow, "一つ目");
        comment(m.http(), snow, "二つ目");
        comment(m.http(), phones, "三つ目");
        for (int i = 0; i < 4; i++) {
            m.http().get("/news/" + phones);
        }
        String page = Http.text(m.http().get("/news/category/trend"), StandardCharsets.UTF_8);
        String commented = section(page, "ranking-comments");
        assertTrue(commented.indexOf(SNOW) >= 0 && commented.indexOf(SNOW) < commented.indexOf(PHONES), commented);
        String read = section(page, "ranking-reads");
        assertTrue(read.indexOf(PHONES) >= 0 && read.indexOf(PHONES) < read.indexOf(SNOW), read);
        String docomo =
                new String(Members.onDocomo(base, m).get("/news/category/trend").body(), SJIS);
        assertTrue(docomo.contains("ｺﾒﾝﾄの多いﾆｭｰｽ"), docomo);
    }

    // ---- helpers

    void comment(Http member, long id, String body) {
        String page = Http.text(member.get("/news/" + id), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = member.post("/news/" + id + "/comments", "_csrf", Http.csrf(page), "body", body);
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
    }

    String csrfOf(NewMember m, long id) {
        return Http.csrf(view(m, id));
    }

    String view(NewMember m, long id) {
        return Http.text(m.http().get("/news/" + id), StandardCharsets.UTF_8);
    }

    /** The levels of the diaries about the article the member is shown, in page order. */
    List<String> diaries(NewMember m, long id) {
        Matcher d = Pattern.compile("初雪の日記 (\\w+)<").matcher(view(m, id));
        List<String> out = new java.util.ArrayList<>();
        while (d.find()) {
            out.add(d.group(1));
        }
        return out;
    }

    static String feedUrl(Http op, long feed) {
        String row = row(Http.text(op.get("/admin/news"), StandardCharsets.UTF_8), feed);
        Matcher m = Pattern.compile("<td>(http://127\\.0\\.0\\.1:[^<]+)</td>").matcher(row);
        assertTrue(m.find(), row);
        return m.group(1);
    }

    static String row(String console, long feed) {
        int at = console.indexOf("data-feed-id=\"" + feed + "\"");
        assertTrue(at >= 0, console);
        return console.substring(at, console.indexOf("</tr>", at));
    }

    static String section(String page, String cls) {
        int at = page.indexOf("class=\"" + cls + "\"");
        assertTrue(at >= 0, cls + " missing: " + page);
        return page.substring(at, page.indexOf("</ol>", at));
    }

    static void wellFormed(byte[] page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(page));
    }
}

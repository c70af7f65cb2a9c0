package jp.keitai.sns.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jp.keitai.sns.message.MessageIT;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Friends;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Members.NewMember;
import jp.keitai.sns.testsupport.Outbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 24 (安否確認) against the running server: an operator opens a check in the console (audited); a member answers
 * by an empty mail to {@code safe@} from the docomo address; the friend's docomo home shows the one-tap button, the
 * friend's docomo {@code /safety} page lists the member as safe and the friend as not yet; the one tap from the
 * docomo home answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SafetyIT {

    static final Charset SJIS = Charset.forName("Windows-31J");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @Test
    void aCheckAnsweredByMailShowsOnAFriendsDocomoPage() {
        NewMember a = Members.register(base, "無事な人");
        NewMember b = Members.register(base, "心配な人");
        Friends.makeFriends(a, b);

        // the operator opens a check in the console
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String console = Http.text(operator.get("/admin"), StandardCharsets.UTF_8);
        assertTrue(console.contains("/admin/safety"), "linked from the console: " + console);
        String form = Http.text(operator.get("/admin/safety"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> opened = operator.post(
                "/admin/safety",
                "_csrf",
                Http.csrf(form),
                "title",
                "テスト地震",
                "region",
                "東北・関東",
                "starts",
                "",
                "hours",
                "72");
        String openedPage = Http.text(opened, StandardCharsets.UTF_8);
        assertTrue(openedPage.contains("を開きました"), openedPage);
        assertTrue(
                Http.text(operator.get("/admin/audit"), StandardCharsets.UTF_8).contains("safety.open"));
        assertEquals(404, b.http().get("/admin/safety").statusCode(), "members do not see the console");

        // the member answers by an empty mail from the docomo address
        byte[] empty = ("From: " + a.mobileEmail() + "\nTo: safe@sns.example.jp\nSubject: \nMessage-ID: <safe."
                        + System.nanoTime() + "@docomo.ne.jp>\nMIME-Version: 1.0\n"
                        + "Content-Type: text/plain; charset=Shift_JIS\n\n\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(250, MessageIT.smtp(a.mobileEmail(), "safe@sns.example.jp", empty));
        Outbox.latestSaying(a.mobileEmail(), "無事です」と伝えました");

        // the friend's docomo handset: the button on the home page, the list on /safety
        Http docomo = Members.onDocomo(base, b);
        String home = new String(docomo.get("/home").body(), SJIS);
        assertTrue(home.contains("安否確認:テスト地震"), home);
        assertTrue(home.contains("value=\"無事です\""), home);
        HttpResponse<byte[]> board = docomo.get("/safety");
        assertTrue(board.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        String list = new String(board.body(), SJIS);
        int safe = list.indexOf("■無事");
        int notYet = list.indexOf("■未回答");
        assertTrue(safe >= 0 && notYet > safe, list);
        assertTrue(list.indexOf("無事な人") > safe && list.indexOf("無事な人") < notYet, "listed as safe: " + list);
        assertTrue(board.body().length <= 5_000, "a light page: " + board.body().length);

        // the one tap from the docomo home, with a short message
        HttpResponse<byte[]> tapped =
                docomo.post("/safety", SJIS, "_csrf", Http.csrf(home), "from", "home", "message", "家にいます");
        assertEquals(303, tapped.statusCode(), new String(tapped.body(), SJIS));
        String after = new String(docomo.get("/home").body(), SJIS);
        assertTrue(after.contains("無事を伝えました"), after);
        assertFalse(after.contains("value=\"無事です\""), after);
        // settings show the last sign-in (退会のお知らせ counts from it)
        String settings = Http.text(a.http().get("/settings"), StandardCharsets.UTF_8);
        assertTrue(settings.matches("(?s).*最終ログイン: 20\\d\\d/\\d{1,2}/\\d{1,2} \\d\\d:\\d\\d.*"), settings);
        String forA = Http.text(a.http().get("/safety"), StandardCharsets.UTF_8);
        assertTrue(forA.contains("心配な人") && forA.contains("家にいます"), forA);

        // a regional check: the operator ends this one and opens one for 宮城県 only
        String list2 = Http.text(operator.get("/admin/safety"), StandardCharsets.UTF_8);
        java.util.regex.Matcher row =
                java.util.regex.Pattern.compile("data-check-id=\"(\\d+)\"").matcher(list2);
        assertTrue(row.find(), list2);
        operator.post("/admin/safety/" + row.group(1) + "/close", "_csrf", Http.csrf(list2));
        // the members give their 現住所 in settings: b on the docomo handset, a on the PC
        String profileForm = new String(docomo.get("/settings/profile").body(), SJIS);
        assertTrue(profileForm.contains("大阪府"), profileForm);
        String saved = new String(
                docomo.post(
                                "/settings/profile",
                                SJIS,
                                "_csrf",
                                Http.csrf(profileForm),
                                "nickname",
                                "心配な人",
                                "self_intro",
                                "",
                                "self_intro_visibility",
                                "everyone",
                                "prefecture",
                                "27")
                        .body(),
                SJIS);
        assertTrue(saved.contains("保存しました") && saved.contains("value=\"27\" selected"), saved);
        String pcForm = Http.text(a.http().get("/settings/profile"), StandardCharsets.UTF_8);
        a.http()
                .post(
                        "/settings/profile",
                        "_csrf",
                        Http.csrf(pcForm),
                        "nickname",
                        "無事な人",
                        "self_intro",
                        "",
                        "self_intro_visibility",
                        "everyone",
                        "prefecture",
                        "4");
        String form2 = Http.text(operator.get("/admin/safety"), StandardCharsets.UTF_8);
        String regional = Http.text(
                operator.post(
                        "/admin/safety",
                        "_csrf",
                        Http.csrf(form2),
                        "title",
                        "宮城県沖地震",
                        "region",
                        "",
                        "prefectures",
                        "宮城県",
                        "starts",
                        "",
                        "hours",
                        "24"),
                StandardCharsets.UTF_8);
        assertTrue(regional.contains("を開きました") && regional.contains("宮城県"), regional);
        // Osaka is not asked: no button, but the way to the friends there; the friend in 宮城 is on the list
        String osakaHome = new String(docomo.get("/home").body(), SJIS);
        assertTrue(osakaHome.contains("安否確認:宮城県沖地震"), osakaHome);
        assertFalse(osakaHome.contains("value=\"無事です\""), osakaHome);
        String osakaList = new String(docomo.get("/safety").body(), SJIS);
        assertTrue(osakaList.indexOf("無事な人") > osakaList.indexOf("■未回答"), osakaList);
        // 宮城 is asked
        String miyagiHome = Http.text(a.http().get("/home"), StandardCharsets.UTF_8);
        assertTrue(miyagiHome.contains("value=\"無事です\""), miyagiHome);
    }
}

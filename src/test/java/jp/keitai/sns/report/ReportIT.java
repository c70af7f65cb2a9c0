package jp.keitai.sns.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * 通報 of diaries, voices and profiles: a member reports what they can read (not their own, not what they cannot
 * see), once while open, from a PC or a handset; the operator sees the text as reported and closes it as 問題なし or
 * suspends the writer, whose content then disappears; every step is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportIT {

    private static final Charset SJIS = Charset.forName("Windows-31J");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    private static String text(HttpResponse<byte[]> r) {
        return Http.text(r, StandardCharsets.UTF_8);
    }

    private long diary(NewMember m, String title, String body, String level) {
        String form = text(m.http().get("/diary/new"));
        HttpResponse<byte[]> r =
                m.http().post("/diary", "_csrf", Http.csrf(form), "title", title, "body", body, "visibility", level);
        assertEquals(303, r.statusCode(), text(r));
        Matcher id = Pattern.compile("/diary/(\\d+)")
                .matcher(r.headers().firstValue("Location").orElseThrow());
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    private long voice(NewMember m, String body) {
        String home = text(m.http().get("/home"));
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(home);
        assertTrue(key.find(), home);
        HttpResponse<byte[]> r =
                m.http().post("/voice", "_csrf", Http.csrf(home), "key", key.group(1), "from", "home", "body", body);
        assertEquals(303, r.statusCode(), text(r));
        Matcher id = Pattern.compile("/voice/(\\d+)").matcher(text(m.http().get("/home")));
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    private HttpResponse<byte[]> report(NewMember m, String path, String reason) {
        String form = text(m.http().get(path));
        assertTrue(form.contains("通報する"), form);
        return m.http().post(path, "reason", reason, "_csrf", Http.csrf(form));
    }

    private Http operator() {
        Http op = new Http(base);
        assertEquals("/admin", op.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD));
        return op;
    }

    @Test
    void aFriendReportsAFriendsDiaryTheOperatorSuspendsTheWriterAndItIsGone() {
        NewMember writer = Members.register(base, "かきて");
        NewMember friend = Members.register(base, "ともだち");
        NewMember stranger = Members.register(base, "しらないひと");
        Friends.makeFriends(writer, friend);
        long id = diary(writer, "ないしょの話", "<script>alert(1)</script>ひどい悪口", "friends");

        // the page links to the form for others, not for the writer
        assertTrue(text(friend.http().get("/diary/" + id)).contains("href=\"/report/diary/" + id + "\""));
        assertFalse(text(writer.http().get("/diary/" + id)).contains("/report/diary/"));
        assertEquals(404, stranger.http().get("/report/diary/" + id).statusCode(), "what one cannot read");
        String strangerPage = text(stranger.http().get("/home"));
        HttpResponse<byte[]> strangerPost = stranger.http()
                .post("/report/diary/" + id, "reason", "あ".repeat(501), "_csrf", Http.csrf(strangerPage));
        assertEquals(404, strangerPost.statusCode(), "404 before any other check: nothing tells it exists");
        String own = text(writer.http().get("/report/diary/" + id));
        HttpResponse<byte[]> mine = writer.http().post("/report/diary/" + id, "reason", "x", "_csrf", Http.csrf(own));
        assertEquals(400, mine.statusCode());
        assertTrue(text(mine).contains("自分の日記は通報できません。"), text(mine));
        HttpResponse<byte[]> tooLong = report(friend, "/report/diary/" + id, "あ".repeat(501));
        assertEquals(400, tooLong.statusCode());
        assertTrue(text(tooLong).contains("理由は500文字までです。"));

        HttpResponse<byte[]> sent = report(friend, "/report/diary/" + id, "悪口が書かれています");
        assertEquals(200, sent.statusCode(), text(sent));
        assertTrue(text(sent).contains("通報しました。運営者が確認します。"));
        assertEquals(200, report(friend, "/report/diary/" + id, "もう一度").statusCode(), "said again, kept once");
        NewMember another = Members.register(base, "べつのともだち");
        Friends.makeFriends(writer, another);
        assertEquals(200, report(another, "/report/diary/" + id, "わたしも見ました").statusCode());

        // the writer edits it afterwards: the operator still reads what was reported
        String edit = text(writer.http().get("/diary/" + id + "/edit"));
        HttpResponse<byte[]> edited = writer.http()
                .post(
                        "/diary/" + id + "/edit",
                        "title",
                        "ないしょの話",
                        "body",
                        "書き直しました",
                        "visibility",
                        "friends",
                        "_csrf",
                        Http.csrf(edit));
        assertEquals(303, edited.statusCode(), text(edited));

        Http op = operator();
        String list = text(op.get("/admin/reports"));
        Matcher row = Pattern.compile("<tr data-report-id=\"(\\d+)\">\\s*<td>[^<]*</td>\\s*<td>日記<br><small>/diary/"
                        + id + "</small>")
                .matcher(list);
        assertTrue(row.find(), list);
        assertTrue(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;ひどい悪口"), "the text as reported, escaped");
        assertFalse(list.contains("<script>alert(1)"), list);
        assertTrue(list.contains("ともだち: 悪口が書かれています"), list);
        assertFalse(list.contains("ともだち: もう一度"), "one open report per member and item");
        assertTrue(list.contains("べつのともだち: わたしも見ました"), "each member's report is kept\n" + list);
        assertFalse(list.contains("書き直しました"), list);

        HttpResponse<byte[]> suspended =
                op.post("/admin/reports/" + row.group(1) + "/suspend", "_csrf", Http.csrf(list));
        assertEquals(303, suspended.statusCode(), text(suspended));
        String after = text(op.get(suspended.headers().firstValue("Location").orElseThrow()));
        assertTrue(after.contains("書いた人を利用停止にし"), after);
        assertFalse(after.contains("/diary/" + id + "</small>"), "closed, both reports of it");
        assertEquals(404, friend.http().get("/diary/" + id).statusCode(), "a suspended writer's diary is gone");
        String audit = text(op.get("/admin/audit?kind=member.suspend"));
        assertTrue(audit.contains("会員「かきて」（ID " + writer.id() + "）を利用停止にしました。"), audit);
        assertTrue(audit.contains("通報 diary:" + id + ": 悪口が書かれています"), audit);

        HttpResponse<byte[]> twice = op.post("/admin/reports/" + row.group(1) + "/dismiss", "_csrf", Http.csrf(list));
        assertEquals(409, twice.statusCode());
        assertTrue(text(twice).contains("この通報はすでに処理されています。"));
    }

    @Test
    void voicesAndProfilesAreReportedFromAHandsetAndDismissed() {
        NewMember writer = Members.register(base, "ぼいすのひと");
        NewMember reader = Members.register(base, "よむひと");
        Friends.makeFriends(writer, reader);
        long v = voice(writer, "宣伝です http://spam.example/");

        Http docomo = Members.onDocomo(base, reader);
        String thread = new String(docomo.get("/voice/" + v).body(), SJIS);
        assertTrue(thread.contains("/report/voice/" + v), thread);
        String form = new String(docomo.get("/report/voice/" + v).body(), SJIS);
        assertTrue(form.contains("ぼいすのひとさんのボイスを運営者に通報します"), form);
        HttpResponse<byte[]> sent = docomo.post("/report/voice/" + v, SJIS, "reason", "宣伝", "_csrf", Http.csrf(form));
        assertEquals(200, sent.statusCode());
        assertTrue(new String(sent.body(), SJIS).contains("通報しました"));

        // a self-introduction for friends only: a stranger's report of the profile does not carry it
        String settings = text(writer.http().get("/settings/profile"));
        HttpResponse<byte[]> intro = writer.http()
                .post(
                        "/settings/profile",
                        "nickname",
                        "ぼいすのひと",
                        "self_intro",
                        "マイミクだけに見せる自己紹介",
                        "self_intro_visibility",
                        "friends",
                        "_csrf",
                        Http.csrf(settings));
        assertTrue(intro.statusCode() == 200 || intro.statusCode() == 303, text(intro));
        NewMember stranger = Members.register(base, "とおりすがり");
        assertEquals(
                200, report(stranger, "/report/profile/" + writer.id(), "名前が変").statusCode());

        String profile = text(reader.http().get("/members/" + writer.id()));
        assertTrue(profile.contains("href=\"/report/profile/" + writer.id() + "\""), profile);
        assertFalse(text(writer.http().get("/members/" + writer.id())).contains("/report/profile/"));
        assertEquals(200, report(reader, "/report/profile/" + writer.id(), "").statusCode());

        Http op = operator();
        String list = text(op.get("/admin/reports"));
        Matcher voiceRow = Pattern.compile(
                        "<tr data-report-id=\"(\\d+)\">\\s*<td>[^<]*</td>\\s*<td>ボイス<br><small>/voice/" + v
                                + "</small>")
                .matcher(list);
        assertTrue(voiceRow.find(), list);
        assertTrue(list.contains("宣伝です http://spam.example/"), list);
        assertTrue(list.contains("よむひと: （理由なし）"), "the profile report without a reason\n" + list);
        assertTrue(list.contains("とおりすがり: 名前が変"), list);
        assertTrue(list.contains("マイミクだけに見せる自己紹介"), "the friend's report carries what the friend could read");
        assertEquals(
                1,
                list.split("マイミクだけに見せる自己紹介", -1).length - 1,
                "the stranger's report does not carry the friends-only self-introduction\n" + list);

        HttpResponse<byte[]> dismissed =
                op.post("/admin/reports/" + voiceRow.group(1) + "/dismiss", "_csrf", Http.csrf(list));
        assertEquals(303, dismissed.statusCode());
        String after = text(op.get("/admin/reports"));
        assertFalse(after.contains("/voice/" + v + "</small>"), after);
        assertTrue(after.contains("/members/" + writer.id() + "</small>"), "the profile's report is still open");
        assertEquals(200, reader.http().get("/voice/" + v).statusCode(), "問題なし: the voice stays");
        String audit = text(op.get("/admin/audit?kind=report.dismiss"));
        assertTrue(audit.contains("「通報の確認（問題なし）」を行いました（対象: voice:" + v + "）。 理由・メモ: 「宣伝」"), audit);

        // the writer is suspended from the members' page first: the profile reports then close, recorded as such
        String members = text(op.get("/admin/members?q=" + writer.mobileEmail()));
        op.post("/admin/members/" + writer.id() + "/suspend", "note", "別件", "_csrf", Http.csrf(members));
        Matcher profileRow = Pattern.compile(
                        "<tr data-report-id=\"(\\d+)\">\\s*<td>[^<]*</td>\\s*<td>プロフィール<br><small>/members/"
                                + writer.id() + "</small>")
                .matcher(after);
        assertTrue(profileRow.find(), after);
        HttpResponse<byte[]> closed =
                op.post("/admin/reports/" + profileRow.group(1) + "/suspend", "_csrf", Http.csrf(after));
        assertEquals(303, closed.statusCode(), text(closed));
        String empty = text(op.get("/admin/reports"));
        assertFalse(empty.contains("/members/" + writer.id() + "</small>"), "both profile reports closed\n" + empty);
        String closings = text(op.get("/admin/audit?kind=report.close"));
        assertTrue(closings.contains("「通報を閉じる（停止中の会員）」を行いました"), closings);

        // members cannot act as operators
        assertEquals(404, reader.http().get("/admin/reports").statusCode());
        assertEquals(
                404,
                reader.http()
                        .post("/admin/reports/" + voiceRow.group(1) + "/suspend", "_csrf", Http.csrf(profile))
                        .statusCode());
    }
}

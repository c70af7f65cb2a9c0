package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

/** マイミク through the real pages: asking, the home notice, approving, ending, blocking, on PC and docomo. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FriendIT {

    static final Charset SJIS = Charset.forName("Windows-31J");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @Test
    void askShowsOnHomeThenApproveMakesMutualFriends() {
        NewMember hanako = Members.register(base, "はなこ");
        NewMember taro = Members.register(base, "たろう");
        assertTrue(Friends.ask(hanako, taro).contains("マイミク申請を送りました"));
        String home = Http.text(taro.http().get("/home"), StandardCharsets.UTF_8);
        assertTrue(home.contains("data-pending-requests=\"1\""), home);

        // taro reads it on his docomo handset: Shift_JIS, half-width kana, the session in the URL
        Http phone = Members.onDocomo(base, taro);
        HttpResponse<byte[]> requests = phone.get("/friends/requests");
        assertEquals(
                "application/xhtml+xml;charset=Shift_JIS",
                requests.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        String page = Http.text(requests, SJIS);
        assertTrue(page.contains("はなこ") && page.contains("ﾏｲﾐｸ申請"), page);

        assertTrue(Friends.approve(taro, hanako).contains("マイミクになりました"));
        assertTrue(
                Http.text(hanako.http().get("/friends"), StandardCharsets.UTF_8).contains("たろう"));
        assertTrue(
                Http.text(taro.http().get("/friends"), StandardCharsets.UTF_8).contains("はなこ"));
        assertFalse(Http.text(taro.http().get("/home"), StandardCharsets.UTF_8).contains("data-pending-requests"));
    }

    @Test
    void endingAFriendshipAsksFirstAndNeedsTheToken() {
        NewMember a = Members.register(base, "あき");
        NewMember b = Members.register(base, "ぶん");
        Friends.makeFriends(a, b);
        String confirm = Http.text(a.http().get("/friends/" + b.id() + "/end"), StandardCharsets.UTF_8);
        assertTrue(confirm.contains("解除します"), confirm);
        assertEquals(
                403,
                a.http().post("/friends/" + b.id() + "/end", "_csrf", "forged").statusCode());
        assertTrue(Http.text(b.http().get("/friends"), StandardCharsets.UTF_8).contains("あき"), "still friends");
        String done = Http.text(
                a.http().post("/friends/" + b.id() + "/end", "_csrf", Http.csrf(confirm)), StandardCharsets.UTF_8);
        assertTrue(done.contains("マイミクを解除しました"), done);
        assertFalse(Http.text(b.http().get("/friends"), StandardCharsets.UTF_8).contains("あき"));
    }

    @Test
    void aBlockedMemberCannotAsk() {
        NewMember a = Members.register(base, "ブロックする人");
        NewMember b = Members.register(base, "ブロックされる人");
        Friends.makeFriends(a, b);
        Friends.block(a, b);
        assertFalse(Http.text(a.http().get("/friends"), StandardCharsets.UTF_8).contains("ブロックされる人"));
        assertEquals(
                404,
                b.http().get("/friends/requests/new?member_id=" + a.id()).statusCode(),
                "the blocker's confirmation page shows nothing");
        String csrf = Http.csrf(Http.text(b.http().get("/footprints"), StandardCharsets.UTF_8));
        String refused = Http.text(
                b.http().post("/friends/requests", "member_id", String.valueOf(a.id()), "message", "", "_csrf", csrf),
                StandardCharsets.UTF_8);
        assertTrue(refused.contains("このメンバーにはマイミク申請できません"), refused);
        assertTrue(Http.text(a.http().get("/blocks"), StandardCharsets.UTF_8).contains("ブロックされる人"));
    }

    @Test
    void idsThatNameNobodyAre404InAUrlAnd400InAForm() {
        NewMember a = Members.register(base, "いちばん");
        String csrf = Http.csrf(Http.text(a.http().get("/footprints"), StandardCharsets.UTF_8)); // a page with a form
        assertEquals(404, a.http().get("/friends/requests/new?member_id=abc").statusCode());
        assertEquals(404, a.http().get("/blocks/new?member_id=-1").statusCode());
        assertEquals(
                404,
                a.http().post("/friends/requests/abc/approve", "_csrf", csrf).statusCode());
        assertEquals(
                404, a.http().post("/friends/requests/0/reject", "_csrf", csrf).statusCode());
        assertEquals(
                400,
                a.http()
                        .post("/friends/requests", "member_id", "abc", "_csrf", csrf)
                        .statusCode());
        assertEquals(
                400, a.http().post("/blocks", "member_id", "1x", "_csrf", csrf).statusCode());
        HttpResponse<byte[]> nobody = a.http().post("/blocks", "_csrf", csrf);
        assertEquals(400, nobody.statusCode());
        assertTrue(Http.text(nobody, StandardCharsets.UTF_8).contains("メンバーが見つかりません"));
        String none = Http.text(a.http().get("/friends/requests/new"), StandardCharsets.UTF_8);
        assertTrue(none.contains("メンバーが見つかりません"), none);
        String unknown =
                Http.text(a.http().post("/friends/requests/999999999/approve", "_csrf", csrf), StandardCharsets.UTF_8);
        assertTrue(unknown.contains("この申請はすでに処理されたか、見つかりません"), unknown);
    }

    /**
     * The confirmation pages (asking, blocking, ending) show nothing about a member the viewer may not see: one who
     * blocked the viewer, or one who is suspended. They answer 404, like a member that does not exist.
     */
    @Test
    void confirmationPagesAre404ForMembersTheViewerMayNotSee() {
        NewMember me = Members.register(base, "確認する人");
        NewMember blocker = Members.register(base, "ブロックした人");
        NewMember gone = Members.register(base, "停止される人");
        NewMember fine = Members.register(base, "ふつうの人");
        Friends.makeFriends(me, blocker);
        Friends.makeFriends(me, gone);
        Friends.block(blocker, me);
        suspend(gone);
        for (NewMember hidden : new NewMember[] {blocker, gone}) {
            for (String path : new String[] {
                "/friends/requests/new?member_id=" + hidden.id(),
                "/blocks/new?member_id=" + hidden.id(),
                "/friends/" + hidden.id() + "/end"
            }) {
                HttpResponse<byte[]> r = me.http().get(path);
                String page = Http.text(r, StandardCharsets.UTF_8);
                assertEquals(404, r.statusCode(), path);
                assertFalse(page.contains(hidden.nickname()), path + ": " + page);
            }
        }
        assertEquals(
                200,
                me.http().get("/friends/requests/new?member_id=" + fine.id()).statusCode());
        assertEquals(200, me.http().get("/blocks/new?member_id=" + fine.id()).statusCode());
        assertFalse(
                Http.text(me.http().get("/friends"), StandardCharsets.UTF_8).contains(gone.nickname()),
                "a suspended friend is not listed");
    }

    private void suspend(NewMember m) {
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String page = Http.text(operator.get("/admin/members?q=" + m.mobileEmail()), StandardCharsets.UTF_8);
        HttpResponse<byte[]> done =
                operator.post("/admin/members/" + m.id() + "/suspend", "note", "テスト", "_csrf", Http.csrf(page));
        assertEquals(200, done.statusCode());
    }
}

package jp.keitai.sns.profile;

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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The profile page, 紹介文 and mixiGraph over HTTP, for PC, smartphone and docomo keitai (Shift_JIS, in budget). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final String DOCOMO_GATEWAY = "210.153.84.1";
    static final String MOVA_UA = "DoCoMo/1.0/N505i/c20/TB/W20H10";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    static String page(Http http, String path) {
        HttpResponse<byte[]> r = http.get(path);
        String html = Http.text(r, StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), path + ": " + html);
        return html;
    }

    static void setSelfIntro(Members.NewMember m, String text, String visibility) {
        String form = page(m.http(), "/settings/profile");
        HttpResponse<byte[]> r = m.http()
                .post(
                        "/settings/profile",
                        "nickname",
                        m.nickname(),
                        "self_intro",
                        text,
                        "self_intro_visibility",
                        visibility,
                        "_csrf",
                        Http.csrf(form));
        assertTrue(Http.text(r, StandardCharsets.UTF_8).contains("プロフィールを保存しました"));
    }

    /** A docomo handset of this User-Agent behind the docomo gateway, signed in as the member; returns "sid=…". */
    static String keitaiSession(Http phone, Members.NewMember m) {
        String home = phone.signIn(m.mobileEmail(), Members.PASSWORD);
        return home.substring(home.indexOf("sid="));
    }

    static String keitai(Http phone, String path, int budget) {
        HttpResponse<byte[]> r = phone.get(path);
        String html = Http.text(r, SJIS);
        assertEquals(200, r.statusCode(), path + ": " + html);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"), path);
        assertTrue(r.body().length <= budget, path + ": " + r.body().length + " bytes, budget " + budget);
        return html;
    }

    @Test
    void theProfileShowsTheSelfIntroductionOnlyToThoseItsVisibilityAllows() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        setSelfIntro(hana, "猫と暮らしています～😺", "friends");

        String seen = page(taro.http(), "/members/" + hana.id());
        assertTrue(seen.contains("はなこさん"), seen);
        assertFalse(seen.contains("猫と暮らしています"), "friends only: another member does not see it");
        assertTrue(seen.contains("<span class=\"friend-count\">0</span>"), seen);
        assertTrue(seen.contains("/members/" + hana.id() + "/diary"), "a link to the member's diaries");
        assertTrue(seen.contains("/members/" + hana.id() + "/graph"), seen);
        assertTrue(seen.contains("/friends/requests/new?member_id=" + hana.id()), "a マイミク request link");

        assertTrue(page(hana.http(), "/members/" + hana.id()).contains("猫と暮らしています～😺"), "she sees her own");
        setSelfIntro(hana, "猫と暮らしています～😺", "everyone");
        assertTrue(page(taro.http(), "/members/" + hana.id()).contains("猫と暮らしています～😺"));
        setSelfIntro(hana, "ひみつ", "private");
        assertFalse(page(taro.http(), "/members/" + hana.id()).contains("ひみつ"));
    }

    @Test
    void unknownMembersAndBadIdsAnswer404() {
        Members.NewMember taro = Members.register(base, "たろう");
        assertEquals(404, taro.http().get("/members/999999999").statusCode());
        assertEquals(404, taro.http().get("/members/abc").statusCode());
        assertEquals(404, taro.http().get("/members/999999999/graph").statusCode());
    }

    /** The profile page is a plain servlet: it answers as the JAX-RS resource did, sub-pages stay there. */
    @Test
    void theProfileServletAnswersAsTheResourceDid() {
        Members.NewMember taro = Members.register(base, "たろう");
        Members.NewMember hana = Members.register(base, "はなこ");
        HttpResponse<byte[]> guest = new Http(base).get("/members/" + hana.id());
        assertEquals(303, guest.statusCode(), "a guest signs in first");
        assertTrue(
                guest.headers().firstValue("Location").orElseThrow().endsWith("/"),
                guest.headers().toString());
        HttpResponse<byte[]> slash = taro.http().get("/members/" + hana.id() + "/");
        assertEquals(200, slash.statusCode());
        assertTrue(new String(slash.body(), StandardCharsets.UTF_8).contains("はなこ"));
        assertTrue(
                new String(taro.http().get("/members/999999999").body(), StandardCharsets.UTF_8)
                        .contains("このメンバーのページは表示できません。"),
                "the 404 page");
        assertEquals(405, taro.http().post("/members/" + hana.id(), "x", "y").statusCode(), "GET only");
        assertEquals(200, taro.http().get("/members/" + hana.id() + "/graph").statusCode(), "sub-pages stay JAX-RS");
    }

    @Test
    void theGraphIsAPictureOnPcAndTextOnKeitai() {
        Members.NewMember hana = Members.register(base, "はなこ");
        String pc = page(hana.http(), "/members/" + hana.id() + "/graph");
        assertTrue(pc.contains("<svg"), pc);
        assertTrue(pc.contains("class=\"node center\""), pc);
        assertTrue(pc.contains("はなこさんのmixiGraph"), pc);

        Http foma = new Http(base, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY);
        String sid = keitaiSession(foma, hana);
        String graph = keitai(foma, "/members/" + hana.id() + "/graph?" + sid, 20000);
        assertFalse(graph.contains("<svg"), "keitai gets text");
        assertTrue(graph.contains("知り合いかも"), graph);
        assertTrue(graph.contains("accesskey=\"1\""), graph);

        Http mova = new Http(base, MOVA_UA, false).from(DOCOMO_GATEWAY);
        String movaSid = keitaiSession(mova, hana);
        keitai(mova, "/members/" + hana.id() + "/graph?" + movaSid, 5000);
        String profile = keitai(mova, "/members/" + hana.id() + "?" + movaSid, 5000);
        assertTrue(profile.contains("はなこさん"), profile);
    }

    @Test
    void aKeitaiProfileIsShiftJisWithinBudgetAndLeavesAFootprint() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        setSelfIntro(hana, "①～髙 すべて通ります", "everyone");
        Http foma = new Http(base, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY);
        String sid = keitaiSession(foma, taro);
        String profile = keitai(foma, "/members/" + hana.id() + "?" + sid, 20000);
        assertTrue(profile.contains("はなこさん"), profile);
        assertTrue(profile.contains("①～髙 すべて通ります"), profile);
        assertTrue(profile.contains("/members/" + hana.id() + "/diary"), profile);
        assertTrue(page(hana.http(), "/footprints").contains("data-visitor-id=\"" + taro.id() + "\""));
    }

    @Test
    void friendsWriteIntroductionsTheMemberDeletesThemAndTheyGoWhenTheFriendshipEnds() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        Members.NewMember jiro = Members.register(base, "じろう");
        Friends.makeFriends(taro, hana);
        Friends.makeFriends(jiro, hana);

        String strangerView = page(Members.register(base, "よそ").http(), "/members/" + hana.id());
        assertFalse(strangerView.contains("name=\"body\""), "no form for a non-friend");
        Members.NewMember stranger = Members.register(base, "よそもの");
        String sp = page(stranger.http(), "/footprints"); // a page with this session's form token
        HttpResponse<byte[]> refused = stranger.http()
                .post("/members/" + hana.id() + "/introduction", "body", "知らない人", "_csrf", Http.csrf(sp));
        assertTrue(Http.text(refused, StandardCharsets.UTF_8).contains("紹介文を書けるのはマイミクだけです"));

        String form = page(taro.http(), "/members/" + hana.id());
        assertTrue(form.contains("<span class=\"badge\">マイミク</span>"), form);
        assertTrue(form.contains("<span class=\"friend-count\">2</span>"), form);
        HttpResponse<byte[]> written = taro.http()
                .post("/members/" + hana.id() + "/introduction", "body", "やさしい猫好きです😺", "_csrf", Http.csrf(form));
        assertTrue(Http.text(written, StandardCharsets.UTF_8).contains("紹介文を書きました"));
        HttpResponse<byte[]> tooLong = taro.http()
                .post("/members/" + hana.id() + "/introduction", "body", "あ".repeat(1001), "_csrf", Http.csrf(form));
        String again = Http.text(tooLong, StandardCharsets.UTF_8);
        assertTrue(again.contains("紹介文は1000文字までです") && again.contains("あ".repeat(1001)), "the text comes back");
        assertTrue(page(taro.http(), "/members/" + hana.id()).contains("やさしい猫好きです😺"), "the old one stays");
        String jf = page(jiro.http(), "/members/" + hana.id());
        jiro.http().post("/members/" + hana.id() + "/introduction", "body", "じろうの紹介文", "_csrf", Http.csrf(jf));

        String own = page(hana.http(), "/members/" + hana.id());
        assertTrue(own.contains("やさしい猫好きです😺") && own.contains("じろうの紹介文"), own);
        assertTrue(page(stranger.http(), "/members/" + hana.id()).contains("やさしい猫好きです😺"), "others read it");

        // the member deletes one
        HttpResponse<byte[]> deleted = hana.http()
                .post(
                        "/members/" + hana.id() + "/introduction/delete",
                        "writer_id",
                        String.valueOf(jiro.id()),
                        "_csrf",
                        Http.csrf(own));
        assertTrue(Http.text(deleted, StandardCharsets.UTF_8).contains("紹介文を削除しました"));
        assertEquals(
                400,
                hana.http()
                        .post(
                                "/members/" + hana.id() + "/introduction/delete",
                                "writer_id",
                                "x",
                                "_csrf",
                                Http.csrf(own))
                        .statusCode(),
                "a writer_id that is not a member id");
        String unchosen = Http.text(
                hana.http().post("/members/" + hana.id() + "/introduction/delete", "_csrf", Http.csrf(own)),
                StandardCharsets.UTF_8);
        assertTrue(unchosen.contains("削除する紹介文を選んでください"), unchosen);
        assertFalse(page(hana.http(), "/members/" + hana.id()).contains("じろうの紹介文"));

        // taro ends the friendship: his introduction goes with it
        String confirm = page(taro.http(), "/friends/" + hana.id() + "/end");
        HttpResponse<byte[]> ended = taro.http().post("/friends/" + hana.id() + "/end", "_csrf", Http.csrf(confirm));
        assertEquals(200, ended.statusCode());
        String after = page(hana.http(), "/members/" + hana.id());
        assertFalse(after.contains("やさしい猫好きです"), after);
        assertTrue(after.contains("<span class=\"friend-count\">1</span>"), after);
    }

    @Test
    void aBlockHidesBothProfilesAndGraphsFromEachOther() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        Friends.makeFriends(taro, hana);
        Friends.block(hana, taro);
        assertEquals(404, taro.http().get("/members/" + hana.id()).statusCode());
        assertEquals(404, taro.http().get("/members/" + hana.id() + "/graph").statusCode());
        assertEquals(404, hana.http().get("/members/" + taro.id()).statusCode(), "either way");
        assertFalse(page(hana.http(), "/members/" + hana.id() + "/graph").contains("たろう"), "not drawn either");
    }

    @Test
    void theGraphShowsMutualFriendsAndFriendsOfFriendsOnPcAndKeitai() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        Members.NewMember jiro = Members.register(base, "じろう");
        Friends.makeFriends(hana, taro);
        Friends.makeFriends(taro, jiro);

        String pc = page(hana.http(), "/members/" + hana.id() + "/graph");
        assertTrue(pc.contains("class=\"node friend\""), pc);
        assertTrue(pc.contains("class=\"node second\""), pc);
        String mayKnow = pc.substring(pc.indexOf("class=\"may-know\""));
        assertTrue(mayKnow.contains("じろう"), pc);

        // jiro looks at taro's graph: hana is a friend of a friend he may know
        String his = page(jiro.http(), "/members/" + taro.id() + "/graph");
        assertTrue(his.substring(his.indexOf("class=\"may-know\"")).contains("はなこ"), his);

        Http foma = new Http(base, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY);
        String sid = keitaiSession(foma, hana);
        String graph = keitai(foma, "/members/" + hana.id() + "/graph?" + sid, 20000);
        assertTrue(graph.contains("たろう") && graph.contains("じろう</a>(共通1人)"), graph);

        // a friend writes an introduction from the handset: the form posts back in Shift_JIS
        Http tf = new Http(base, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY);
        String tsid = keitaiSession(tf, taro);
        String profile = keitai(tf, "/members/" + hana.id() + "?" + tsid, 20000);
        assertTrue(profile.contains("/members/" + hana.id() + "/introduction?"), "a link to the form: " + profile);
        String introForm = keitai(tf, "/members/" + hana.id() + "/introduction?" + tsid, 20000);
        HttpResponse<byte[]> r = tf.post(
                "/members/" + hana.id() + "/introduction?" + tsid,
                SJIS,
                "body",
                "①～髙 ｹｰﾀｲから",
                "_csrf",
                Http.csrf(introForm));
        assertEquals(200, r.statusCode());
        assertTrue(page(hana.http(), "/members/" + hana.id()).contains("①～髙 ｹｰﾀｲから"));
    }

    @Test
    void aLongProfileIsCutIntoPartsWithinAMovaBudgetAndLosesNothing() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        Friends.makeFriends(taro, hana);
        setSelfIntro(hana, "猫".repeat(1000), "everyone");
        String form = page(taro.http(), "/members/" + hana.id());
        taro.http().post("/members/" + hana.id() + "/introduction", "body", "犬".repeat(1000), "_csrf", Http.csrf(form));

        Http mova = new Http(base, MOVA_UA, false).from(DOCOMO_GATEWAY);
        String path = "/members/" + hana.id() + "?" + keitaiSession(mova, taro);
        StringBuilder text = new StringBuilder();
        int parts = 0;
        while (path != null && parts < 10) {
            String html = keitai(mova, path, 5000);
            parts++;
            text.append(html.replaceAll("<[^>]+>", ""));
            Matcher next =
                    Pattern.compile("<a href=\"([^\"]+)\" accesskey=\"#\">").matcher(html);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        assertTrue(parts >= 2, "a page of more than 5,000 bytes is cut: " + parts);
        assertEquals(1000, text.chars().filter(c -> c == '猫').count(), "the whole self-introduction");
        assertEquals(1000, text.chars().filter(c -> c == '犬').count(), "the whole introduction");
    }
}

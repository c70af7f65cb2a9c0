package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jp.keitai.sns.testsupport.Deployments;
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
        assertTrue(seen.contains("name=\"member_id\" value=\"" + hana.id() + "\""), "a マイミク request button");

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
}

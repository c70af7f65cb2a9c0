package jp.keitai.sns.footprint;

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

/** あしあと over HTTP against the running server: profile views leave footprints once, 忍び足, keitai pages. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FootprintIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final String DOCOMO_GATEWAY = "210.153.84.1";

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

    static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static int fresh(String home) {
        Matcher m = Pattern.compile("class=\"fresh\">(\\d+)<").matcher(home);
        assertTrue(m.find(), home);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aProfileViewLeavesOneFootprintWithinTheWindowAndNoneOnOnesOwnPage() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        assertEquals(0, fresh(page(hana.http(), "/home")));

        page(taro.http(), "/members/" + hana.id());
        page(taro.http(), "/members/" + hana.id()); // again within five minutes: the same visit
        page(hana.http(), "/members/" + hana.id()); // her own profile: no footprint

        assertEquals(1, fresh(page(hana.http(), "/home")), "the home page counts the new footprint");
        String list = page(hana.http(), "/footprints");
        assertEquals(1, count(list, "data-visitor-id=\"" + taro.id() + "\""), list);
        assertEquals(0, count(list, "data-visitor-id=\"" + hana.id() + "\""), list);
        assertTrue(list.contains("たろう"), list);
        assertEquals(0, fresh(page(hana.http(), "/home")), "seen: the count starts again");

        // and the other way: each sees the other's footprint
        page(hana.http(), "/members/" + taro.id());
        String his = page(taro.http(), "/footprints");
        assertEquals(1, count(his, "data-visitor-id=\"" + hana.id() + "\""), his);

        // the profile shows its owner the visits per day
        String profile = page(hana.http(), "/members/" + hana.id());
        assertTrue(profile.contains("class=\"footprint-days\""), profile);
        assertFalse(
                page(taro.http(), "/members/" + hana.id()).contains("footprint-days"), "others do not see the counts");
    }

    @Test
    void shinobiashiLeavesNoFootprintAndHidesOnesOwn() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember ninja = Members.register(base, "しのび");
        page(hana.http(), "/members/" + ninja.id()); // a footprint on the ninja's page, from before

        String list = page(ninja.http(), "/footprints");
        HttpResponse<byte[]> forged = ninja.http().post("/footprints/stealth", "stealth", "on", "_csrf", "x");
        assertEquals(403, forged.statusCode(), "the switch is a member form with its CSRF token");
        HttpResponse<byte[]> on = ninja.http().post("/footprints/stealth", "stealth", "on", "_csrf", Http.csrf(list));
        String onPage = Http.text(on, StandardCharsets.UTF_8);
        assertEquals(200, on.statusCode(), onPage);
        assertTrue(onPage.contains("忍び足中です"), onPage);
        assertFalse(onPage.contains("data-visitor-id"), "while it lasts, no footprints of others either");
        assertTrue(page(ninja.http(), "/home").contains("忍び足中"));

        page(ninja.http(), "/members/" + hana.id());
        assertFalse(page(hana.http(), "/footprints").contains("data-visitor-id=\"" + ninja.id() + "\""));

        HttpResponse<byte[]> bad =
                ninja.http().post("/footprints/stealth", "stealth", "maybe", "_csrf", Http.csrf(onPage));
        assertTrue(Http.text(bad, StandardCharsets.UTF_8).contains("忍び足を使うかどうかを選んでください"));

        HttpResponse<byte[]> off =
                ninja.http().post("/footprints/stealth", "stealth", "off", "_csrf", Http.csrf(onPage));
        String offPage = Http.text(off, StandardCharsets.UTF_8);
        assertTrue(offPage.contains("data-visitor-id=\"" + hana.id() + "\""), "the earlier footprint shows again");
        page(ninja.http(), "/members/" + hana.id());
        assertTrue(page(hana.http(), "/footprints").contains("data-visitor-id=\"" + ninja.id() + "\""));
    }

    @Test
    void aDocomoHandsetGetsTheListInShiftJisWithinItsBudget() {
        Members.NewMember hana = Members.register(base, "はなこ");
        for (int i = 0; i < 3; i++) {
            Members.NewMember visitor = Members.register(base, "ほうもん" + i);
            page(visitor.http(), "/members/" + hana.id());
        }
        Http phone = new Http(base, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY);
        String home = phone.signIn(hana.mobileEmail(), Members.PASSWORD);
        String sid = home.substring(home.indexOf("sid="));
        HttpResponse<byte[]> r = phone.get("/footprints?" + sid);
        assertEquals(200, r.statusCode());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"),
                r.headers().toString());
        assertTrue(r.body().length <= 20000, r.body().length + " bytes");
        String page = Http.text(r, SJIS);
        for (int i = 0; i < 3; i++) {
            assertTrue(page.contains("ほうもん" + i), page);
        }
        assertTrue(page.contains("accesskey=\"0\""), page);
        assertTrue(page.contains("sid="), "links carry the session for a cookieless handset");
    }

    @Test
    void guestsAreSentToTheTopPage() {
        Http guest = new Http(base);
        assertEquals(303, guest.get("/footprints").statusCode());
        assertEquals(303, guest.get("/members/1").statusCode());
    }

    @Test
    void aBlockedVisitorLeavesNoFootprintAndEarlierOnesDisappear() {
        Members.NewMember hana = Members.register(base, "はなこ");
        Members.NewMember taro = Members.register(base, "たろう");
        page(taro.http(), "/members/" + hana.id());
        assertTrue(page(hana.http(), "/footprints").contains("data-visitor-id=\"" + taro.id() + "\""));

        Friends.block(hana, taro);
        assertEquals(404, taro.http().get("/members/" + hana.id()).statusCode());
        assertFalse(
                page(hana.http(), "/footprints").contains("data-visitor-id=\"" + taro.id() + "\""),
                "the blocked member's footprints are gone from her list");
        assertFalse(page(taro.http(), "/footprints").contains("data-visitor-id=\"" + hana.id() + "\""));
    }
}

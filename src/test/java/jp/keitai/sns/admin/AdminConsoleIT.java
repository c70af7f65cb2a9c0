package jp.keitai.sns.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** The operator console (issue 22): where an operator lands, its own navigation, the audit log and member status. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    static final List<String> PAGES = List.of(
            "/admin",
            "/admin/members",
            "/admin/carriers",
            "/admin/easy-login",
            "/admin/reports",
            "/admin/community-reports",
            "/admin/safety",
            "/admin/mail",
            "/admin/news",
            "/admin/audit");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    private Http operator() {
        Http op = new Http(base);
        assertEquals(
                "/admin", op.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD), "an operator lands on the console");
        return op;
    }

    private static String text(java.net.http.HttpResponse<byte[]> r) {
        return Http.text(r, StandardCharsets.UTF_8);
    }

    @Test
    void everyConsolePageCarriesTheConsoleNavigation() {
        Http op = operator();
        for (String page : PAGES) {
            var r = op.get(page);
            String html = text(r);
            assertEquals(200, r.statusCode(), page);
            assertTrue(html.contains("class=\"console-nav\""), page + ": no console navigation\n" + html);
            // the console's own navigation (the top bar's logo always leads to /admin)
            int navStart = html.indexOf("class=\"console-nav\"");
            String nav = html.substring(navStart, html.indexOf("</nav>", navStart));
            for (String other : PAGES) {
                boolean linked = nav.contains("href=\"" + other + "\"");
                assertEquals(
                        !other.equals(page), linked, page + " links " + other + " unless it is that page\n" + html);
            }
            assertTrue(html.contains("href=\"/home\">会員ページ（ホーム）へ</a>"), page);
            assertTrue(html.contains("aria-current=\"page\""), page + ": the current section is marked");
        }
        // a member signs in to the home page, and sees no console
        Members.NewMember m = Members.register(base, "ふつう");
        assertEquals("/home", new Http(base).signIn(m.mobileEmail(), Members.PASSWORD));
        assertEquals(404, m.http().get("/admin/audit").statusCode());
    }

    @Test
    void memberStatusIsShownInJapanese() {
        Http op = operator();
        Members.NewMember m = Members.register(base, "じょうたい");
        String page = text(op.get("/admin/members?q=" + m.mobileEmail()));
        assertTrue(page.contains("<td>利用中</td>"), page);
        assertFalse(page.contains("ACTIVE"), page);
        op.post("/admin/members/" + m.id() + "/suspend", "note", "確認", "_csrf", Http.csrf(page));
        String after = text(op.get("/admin/members?q=" + m.mobileEmail()));
        assertTrue(after.contains("<td>利用停止中</td>"), after);
        assertFalse(after.contains("SUSPENDED</td>"), after);
    }

    @Test
    void theAuditLogReadsAsSentencesInJapanTimeAndFilters() {
        Http op = operator();
        Members.NewMember m = Members.register(base, "きろく");
        String page = text(op.get("/admin/members?q=" + m.mobileEmail()));
        String csrf = Http.csrf(page);
        // 51 suspensions and 51 restorations: more than one page (50) of one kind by one operator
        for (int i = 0; i < 51; i++) {
            op.post("/admin/members/" + m.id() + "/suspend", "note", "迷惑行為 " + i, "_csrf", csrf);
            op.post("/admin/members/" + m.id() + "/unsuspend", "note", "誤報 " + i, "_csrf", csrf);
        }
        String audit = text(op.get("/admin/audit"));
        String suspended = "さんが会員「きろく」（ID " + m.id() + "）を利用停止にしました。";
        String restored = "さんが会員「きろく」（ID " + m.id() + "）の利用停止を解除しました。";
        assertTrue(audit.contains(restored + " 理由・メモ: 「誤報 50」"), audit);
        assertTrue(audit.contains(suspended + " 理由・メモ: 「迷惑行為 50」"), audit);
        assertFalse(audit.contains("member.suspend<") || audit.contains(">member:"), "no raw codes in the sentences");

        // Japan time to the second: the newest entry is within minutes of now, read in Asia/Tokyo
        Matcher at = Pattern.compile("<time>(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2})</time>")
                .matcher(audit);
        assertTrue(at.find(), audit);
        Instant shown = LocalDateTime.parse(at.group(1), DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"))
                .atZone(ZoneId.of("Asia/Tokyo"))
                .toInstant();
        assertTrue(
                Duration.between(shown, Instant.now()).abs().toMinutes() < 10, "shown in Japan time: " + at.group(1));
        String day = at.group(1).substring(0, 10).replace('/', '-');

        // the operator choice carries the operator's id
        Matcher operatorOption =
                Pattern.compile("<option value=\"(\\d+)\">運営</option>").matcher(audit);
        assertTrue(operatorOption.find(), audit);
        String operatorId = operatorOption.group(1);

        String byKind = text(op.get("/admin/audit?operator=" + operatorId + "&kind=member.unsuspend&date=" + day));
        assertTrue(byKind.contains(restored), byKind);
        assertFalse(byKind.contains("を利用停止にしました。"), "only the chosen kind: " + byKind);
        assertTrue(byKind.contains("value=\"member.unsuspend\" selected"), "the form keeps the choice");
        Matcher next =
                Pattern.compile("href=\"(/admin/audit\\?[^\"]*page=2)\">次へ").matcher(byKind);
        assertTrue(next.find(), "more than 50 restorations: a next page\n" + byKind);
        String nextLink = next.group(1).replace("&amp;", "&");
        assertTrue(
                nextLink.contains("kind=member.unsuspend")
                        && nextLink.contains("operator=" + operatorId)
                        && nextLink.contains("date=" + day),
                "paging keeps the filter: " + nextLink);
        String second = text(op.get(nextLink));
        assertTrue(second.contains("の利用停止を解除しました。") && !second.contains("を利用停止にしました。"), second);
        assertTrue(second.contains("href=\"/admin/audit?") && second.contains("前へ"), second);

        assertTrue(text(op.get("/admin/audit?date=2000-01-01")).contains("該当する操作はありません"));
        assertTrue(text(op.get("/admin/audit?operator=999999999")).contains("該当する操作はありません"));
        assertTrue(text(op.get("/admin/audit?date=yesterday")).contains("日付は 2026-12-06 の形で"));
    }
}

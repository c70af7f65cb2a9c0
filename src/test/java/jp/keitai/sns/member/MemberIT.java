package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Outbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Membership over real HTTP against the running server: sign-in, sessions, CSRF, sign-out. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MemberIT {

    static final String OPERATOR = "operator@example.jp";
    static final String OPERATOR_PASSWORD = "operator-pass";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @Test
    void theOperatorSignsInSeesHomeAndSignsOut() {
        Http pc = new Http(base);
        assertEquals("/admin", pc.signIn(OPERATOR, OPERATOR_PASSWORD), "an operator lands on the console");
        HttpResponse<byte[]> home = pc.get("/home");
        String html = Http.text(home, StandardCharsets.UTF_8);
        assertEquals(200, home.statusCode(), html);
        assertTrue(html.contains("運営さんのホーム"), html);
        assertEquals(303, pc.get("/").statusCode(), "a member at / goes home");

        // a form without this session's token is refused and changes nothing
        assertEquals(403, pc.post("/logout", "_csrf", "forged").statusCode());
        assertEquals(200, pc.get("/home").statusCode());

        assertEquals(303, pc.post("/logout", "_csrf", Http.csrf(html)).statusCode());
        HttpResponse<byte[]> after = pc.get("/home");
        assertEquals(303, after.statusCode(), "signed out: home sends to the top page");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        Http pc = new Http(base);
        HttpResponse<byte[]> r = pc.post("/login", "email", OPERATOR, "password", "not-it");
        assertEquals(200, r.statusCode());
        String html = Http.text(r, StandardCharsets.UTF_8);
        assertTrue(html.contains("メールアドレスまたはパスワードが違います"), html);
        assertEquals(303, pc.get("/home").statusCode());
    }

    @Test
    void anInvitedPhoneRegistersThroughTheMailedLinkAndIsSignedIn() {
        Members.NewMember m = Members.register(base, "しんいり");
        String home = Http.text(m.http().get("/home"), StandardCharsets.UTF_8);
        assertTrue(home.contains("しんいりさんのホーム"), home);
        // the new member can sign in again with the carrier address
        assertEquals("/home", new Http(base).signIn(m.mobileEmail(), Members.PASSWORD));
    }

    @Test
    void aNewCarrierAddressNeedsThePasswordAndItsMailedLink() {
        Members.NewMember m = Members.register(base, "きしゅへん");
        String next = "kishuhen" + System.nanoTime() + "@au.com";
        String form = Http.text(m.http().get("/settings/address"), StandardCharsets.UTF_8);
        String wrong = Http.text(
                m.http()
                        .post(
                                "/settings/address",
                                "kind",
                                "mobile",
                                "email",
                                next,
                                "password",
                                "guess",
                                "_csrf",
                                Http.csrf(form)),
                StandardCharsets.UTF_8);
        assertTrue(wrong.contains("現在のパスワードが違います"), wrong);
        String asked = Http.text(
                m.http()
                        .post(
                                "/settings/address",
                                "kind",
                                "mobile",
                                "email",
                                next,
                                "password",
                                Members.PASSWORD,
                                "_csrf",
                                Http.csrf(form)),
                StandardCharsets.UTF_8);
        assertTrue(asked.contains("確認メールを送りました"), asked);
        String link = Outbox.firstPath(Outbox.latestTo(next));
        HttpResponse<byte[]> done = new Http(base, Http.SMARTPHONE_UA, true).get(link);
        assertTrue(Http.text(done, StandardCharsets.UTF_8).contains("携帯メールアドレスを変更しました"));
        assertEquals("/home", new Http(base).signIn(next, Members.PASSWORD));
        assertEquals(
                200,
                new Http(base)
                        .post("/login", "email", m.mobileEmail(), "password", Members.PASSWORD)
                        .statusCode(),
                "the old address no longer signs in");
        // the notice is delivered after the change commits: wait for it beside the earlier invitation
        long until = System.currentTimeMillis() + 20_000;
        boolean told = false;
        while (!told && System.currentTimeMillis() < until) {
            told = Outbox.text(Outbox.latestTo(m.mobileEmail())).contains("変更されました");
            if (!told) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        assertTrue(told, "the old address is told");
    }

    @Test
    void aRegistrationLinkBelongsToTheFirstDeviceAndWorksOnce() {
        String mobile = "once" + System.nanoTime() + "@ezweb.ne.jp";
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String page = Http.text(operator.get("/invite"), StandardCharsets.UTF_8);
        operator.post("/invite", "email", mobile, "_csrf", Http.csrf(page));
        String link = Outbox.firstPath(Outbox.latestTo(mobile));
        String token = link.substring(link.indexOf("token=") + 6);

        Http phone = new Http(base, Http.SMARTPHONE_UA, true);
        assertEquals(200, phone.get(link).statusCode());
        HttpResponse<byte[]> other = new Http(base).get(link);
        assertEquals(400, other.statusCode());
        assertTrue(Http.text(other, StandardCharsets.UTF_8).contains("別の端末"));

        HttpResponse<byte[]> weak = phone.post("/register", "token", token, "nickname", "a", "password", "short");
        assertEquals(200, weak.statusCode());
        assertTrue(Http.text(weak, StandardCharsets.UTF_8).contains("8文字以上"));

        assertEquals(
                303,
                phone.post("/register", "token", token, "nickname", "いちど", "password", Members.PASSWORD)
                        .statusCode());
        // the phone is now signed in: a second try carries the token of a page it gets as a member
        String signedIn = Http.text(phone.get("/settings/password"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> again = phone.post(
                "/register",
                "token",
                token,
                "nickname",
                "にど",
                "password",
                Members.PASSWORD,
                "_csrf",
                Http.csrf(signedIn));
        assertEquals(400, again.statusCode());
        assertTrue(Http.text(again, StandardCharsets.UTF_8).contains("登録はすでに完了しています"));
    }

    @Test
    void anOperatorSuspendsAMemberWhoIsSignedOutAndRefusedUntilRestored() {
        Members.NewMember m = Members.register(base, "ていし");
        assertEquals(404, m.http().get("/admin").statusCode(), "members see no console");

        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String page = Http.text(operator.get("/admin/members?q=" + m.mobileEmail()), StandardCharsets.UTF_8);
        assertTrue(page.contains(m.mobileEmail()), page);
        HttpResponse<byte[]> done =
                operator.post("/admin/members/" + m.id() + "/suspend", "note", "スパム報告3件", "_csrf", Http.csrf(page));
        assertEquals(200, done.statusCode());

        assertEquals(303, m.http().get("/home").statusCode(), "the suspended member's session ended");
        HttpResponse<byte[]> refused =
                new Http(base).post("/login", "email", m.mobileEmail(), "password", Members.PASSWORD);
        assertTrue(Http.text(refused, StandardCharsets.UTF_8).contains("利用停止中"));

        String audit = Http.text(operator.get("/admin/audit"), StandardCharsets.UTF_8);
        assertTrue(audit.contains("さんが会員「ていし」（ID " + m.id() + "）を利用停止にしました。") && audit.contains("スパム報告3件"), audit);

        operator.post("/admin/members/" + m.id() + "/unsuspend", "note", "誤報", "_csrf", Http.csrf(page));
        assertEquals("/home", new Http(base).signIn(m.mobileEmail(), Members.PASSWORD));
    }

    @Test
    void anOperatorRemovesACarrierDomainAndItsAddressesAreRefusedUntilItIsBack() {
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String console = Http.text(operator.get("/admin/carriers"), StandardCharsets.UTF_8);
        assertTrue(console.contains("ezweb.ne.jp"), console);
        String csrf = Http.csrf(console);
        HttpResponse<byte[]> bad = operator.post(
                "/admin/carriers/au/domains", "domain", "ezweb..ne.jp", "action", "add", "note", "x", "_csrf", csrf);
        assertEquals(400, bad.statusCode(), "a malformed domain is refused with a reason");
        assertTrue(Http.text(bad, StandardCharsets.UTF_8).contains("メールドメインの形ではありません"));
        assertEquals(
                200,
                operator.post(
                                "/admin/carriers/au/domains",
                                "domain",
                                "ezweb.ne.jp",
                                "action",
                                "remove",
                                "note",
                                "訓練: EZweb停止",
                                "_csrf",
                                csrf)
                        .statusCode());
        try {
            // someone invited at a PC address now gives an EZweb address as the phone
            String pc = "pc" + System.nanoTime() + "@example.jp";
            String page = Http.text(operator.get("/invite"), StandardCharsets.UTF_8);
            operator.post("/invite", "email", pc, "_csrf", Http.csrf(page));
            String link = Outbox.firstPath(Outbox.latestTo(pc));
            String token = link.substring(link.indexOf("token=") + 6);
            Http browser = new Http(base);
            assertEquals(200, browser.get(link).statusCode());
            HttpResponse<byte[]> refused = browser.post(
                    "/register",
                    "token",
                    token,
                    "nickname",
                    "えーゆー",
                    "password",
                    Members.PASSWORD,
                    "mobile_email",
                    "someone@ezweb.ne.jp");
            String text = Http.text(refused, StandardCharsets.UTF_8);
            assertTrue(text.contains("ezweb.ne.jp は登録できるドメインにありません"), text);
            assertTrue(!Http.text(operator.get("/admin/carriers/au/export"), StandardCharsets.UTF_8)
                    .contains("\nezweb.ne.jp\n"));

            // the contract's two fields (CONTRACT.md) are enough: the audit log says there was no note
            assertEquals(
                    200,
                    operator.post("/admin/carriers/au/domains", "domain", "ezweb.ne.jp", "action", "add", "_csrf", csrf)
                            .statusCode());
            HttpResponse<byte[]> accepted = browser.post(
                    "/register",
                    "token",
                    token,
                    "nickname",
                    "えーゆー",
                    "password",
                    Members.PASSWORD,
                    "mobile_email",
                    "someone@ezweb.ne.jp");
            assertTrue(Http.text(accepted, StandardCharsets.UTF_8).contains("確認メールを送りました"));
            assertTrue(Http.text(operator.get("/admin/carriers/au/export"), StandardCharsets.UTF_8)
                    .contains("\nezweb.ne.jp\n"));
            String audit = Http.text(operator.get("/admin/audit"), StandardCharsets.UTF_8);
            assertTrue(audit.contains("のメールドメイン「ezweb.ne.jp」を削除しました。") && audit.contains("訓練: EZweb停止"), audit);
            assertTrue(audit.contains(jp.keitai.sns.admin.CarrierOverrides.NO_NOTE), audit);
        } finally {
            operator.post(
                    "/admin/carriers/au/domains",
                    "domain",
                    "ezweb.ne.jp",
                    "action",
                    "add",
                    "note",
                    "後片付け",
                    "_csrf",
                    csrf);
        }
    }

    static final String DOCOMO_GATEWAY = "210.153.84.1";
    static final String AU_GATEWAY = "210.230.128.225";
    static final String OUTSIDE = "203.0.113.7";

    /** A docomo FOMA handset without cookies, behind the docomo gateway, sending its i-mode ID. */
    private Http docomoHandset(String guid) {
        return new Http(base, Http.DOCOMO_FOMA_UA, false)
                .from(DOCOMO_GATEWAY)
                .header("X-Forwarded-Proto", "http")
                .header("X-DCMGUID", guid);
    }

    @Test
    void easyLoginByIModeIdWorksOnlyFromTheDocomoGatewayOverHttp() {
        Members.NewMember m = Members.register(base, "かんたん");
        String guid = "G" + Long.toString(System.nanoTime(), 36).toUpperCase();

        // the member signs in on the handset with the password and binds it; the session travels in the URL
        Http phone = docomoHandset(guid);
        String home = phone.signIn(m.mobileEmail(), Members.PASSWORD);
        assertTrue(home.contains("sid="), "cookieless handsets carry the session in the URL: " + home);
        String sid = home.substring(home.indexOf("sid="));
        HttpResponse<byte[]> settings = phone.get("/settings/easy-login?" + sid + "&guid=ON");
        String page = Http.text(settings, java.nio.charset.Charset.forName("Windows-31J"));
        assertEquals(200, settings.statusCode(), page);
        HttpResponse<byte[]> wrong = phone.post(
                "/settings/easy-login?" + sid,
                java.nio.charset.Charset.forName("Windows-31J"),
                "password",
                "not-the-password",
                "_csrf",
                Http.csrf(page));
        assertTrue(Http.text(wrong, java.nio.charset.Charset.forName("Windows-31J"))
                .contains("現在のパスワードが違います"));
        HttpResponse<byte[]> bound = phone.post(
                "/settings/easy-login?" + sid,
                java.nio.charset.Charset.forName("Windows-31J"),
                "password",
                Members.PASSWORD,
                "_csrf",
                Http.csrf(page));
        String boundText = Http.text(bound, java.nio.charset.Charset.forName("Windows-31J"));
        assertTrue(boundText.contains("この端末を登録しました"), boundText);

        // later, with no session: one click
        HttpResponse<byte[]> easy = docomoHandset(guid).get("/easy-login?guid=ON");
        assertEquals(303, easy.statusCode());
        assertTrue(easy.headers().firstValue("Location").orElse("").contains("sid="));

        // the same ID from anywhere else signs nobody in (the 2010 spoofing attacks)
        Http spoofPc = new Http(base, Http.DOCOMO_FOMA_UA, false).from(OUTSIDE).header("X-DCMGUID", guid);
        assertEquals(200, spoofPc.get("/easy-login?guid=ON").statusCode());
        Http spoofAu =
                new Http(base, Http.DOCOMO_FOMA_UA, false).from(AU_GATEWAY).header("X-DCMGUID", guid);
        assertEquals(200, spoofAu.get("/easy-login?guid=ON").statusCode());
        Http httpsOnly = new Http(base, Http.DOCOMO_FOMA_UA, false)
                .from(DOCOMO_GATEWAY)
                .header("X-Forwarded-Proto", "https")
                .header("X-DCMGUID", guid);
        assertEquals(200, httpsOnly.get("/easy-login?guid=ON").statusCode());
    }

    /** Sends mail to the running server's SMTP listener, as a phone's mail would arrive from the carrier. */
    static void sendMail(String from, String to, String subject, String body, String charset) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", System.getProperty("it.smtp.port"));
        p.setProperty("mail.mime.address.strict", "false");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(session);
        m.setFrom(new jakarta.mail.internet.InternetAddress(from, false));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        m.setSubject(subject, charset);
        m.setText(body, charset);
        jakarta.mail.Transport.send(m);
    }

    /** Sends mail with this SMTP envelope sender ({@code <>} for a bounce) and extra header lines. */
    static void sendMail(String envelopeFrom, String from, String to, Map<String, String> headers) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", System.getProperty("it.smtp.port"));
        p.setProperty("mail.smtp.from", envelopeFrom);
        p.setProperty("mail.mime.address.strict", "false");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(session);
        m.setFrom(new jakarta.mail.internet.InternetAddress(from, false));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        m.setSubject("", "Shift_JIS");
        m.setText("", "Shift_JIS");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        jakarta.mail.Transport.send(m);
    }

    /** Waits until {@code count} mails to the address are in the outbox, then a little longer; returns how many. */
    static long settledCount(String address, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (Outbox.countTo(address) < count && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(3_000); // the workers look at the spool every second: anything more would be here by now
        return Outbox.countTo(address);
    }

    /**
     * Issue 21: get@ answers only mail that looks like a person's (no bounce, no Auto-Submitted, no Precedence:
     * bulk/list/junk), and one address at most three times an hour.
     */
    @Test
    void getAnswersPeopleOnlyAndOneAddressAtMostThreeTimesAnHour() throws Exception {
        String a = "bounce" + System.nanoTime() + "@docomo.ne.jp";
        sendMail("<>", a, "get@sns.example.jp", Map.of());
        sendMail("MAILER-DAEMON@mx.example.com", a, "get@sns.example.jp", Map.of());
        sendMail(a, a, "get@sns.example.jp", Map.of("Auto-Submitted", "auto-replied"));
        sendMail(a, a, "get@sns.example.jp", Map.of("Precedence", "bulk"));
        sendMail(a, a, "get@sns.example.jp", Map.of("Auto-Submitted", "no"));
        assertEquals(1, settledCount(a, 1), "only the person's mail (Auto-Submitted: no) is answered");

        String b = "often" + System.nanoTime() + "@docomo.ne.jp";
        for (int i = 0; i < 4; i++) {
            sendMail(b, "get@sns.example.jp", "", "", "Shift_JIS");
        }
        assertEquals(3, settledCount(b, 3), "three answers an hour, not four");
    }

    @Test
    void anInvitedDocomoPhoneRegistersThroughAnEmptyMailToGet() throws Exception {
        String mobile = "kara" + System.nanoTime() + "@docomo.ne.jp";
        // not invited yet: a polite refusal
        sendMail(mobile, "get@sns.example.jp", "", "", "Shift_JIS");
        String refusal = Outbox.text(Outbox.latestTo(mobile));
        assertTrue(refusal.contains("招待制"), refusal);

        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String page = Http.text(operator.get("/invite"), StandardCharsets.UTF_8);
        operator.post("/invite", "email", mobile, "_csrf", Http.csrf(page));
        long invitations = java.nio.file.Files.list(Outbox.dir()).count();

        sendMail(mobile, "get@sns.example.jp", "", "", "Shift_JIS");
        long until = System.currentTimeMillis() + 20_000;
        while (java.nio.file.Files.list(Outbox.dir()).count() == invitations && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        jakarta.mail.internet.MimeMessage reply = Outbox.latestTo(mobile);
        assertTrue(reply.getContentType().toLowerCase().contains("shift_jis"), "docomo gets Shift_JIS mail");
        String link = Outbox.firstPath(reply);
        assertTrue(link.startsWith("/register?token="), link);

        // the phone opens it: cookieless, Shift_JIS, the session in the URL afterwards
        Http phone = docomoHandset("REGISTER" + System.nanoTime());
        java.nio.charset.Charset sjis = java.nio.charset.Charset.forName("Windows-31J");
        String form = Http.text(phone.get(link), sjis);
        assertTrue(form.contains("新規登録"), form);
        HttpResponse<byte[]> done = phone.post(
                "/register",
                sjis,
                "token",
                link.substring(link.indexOf("token=") + 6),
                "nickname",
                "からめーる～",
                "password",
                Members.PASSWORD,
                "pc_email",
                "");
        assertEquals(303, done.statusCode(), Http.text(done, sjis));
        String home = done.headers().firstValue("Location").orElse("");
        assertTrue(home.contains("/home") && home.contains("sid="), home);
        assertEquals("/home", new Http(base).signIn(mobile, Members.PASSWORD));

        // a member's empty mail gets the login page, and the reply says nothing about other addresses
        long before = java.nio.file.Files.list(Outbox.dir()).count();
        sendMail(mobile, "get@sns.example.jp", "", "", "Shift_JIS");
        long deadline = System.currentTimeMillis() + 20_000;
        while (java.nio.file.Files.list(Outbox.dir()).count() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Outbox.text(Outbox.latestTo(mobile)).contains("すでに登録されています"));
    }

    @Test
    void refusedSettingsFormsAreShownAgainWithTheReason() {
        Members.NewMember m = Members.register(base, "せってい");
        String form = Http.text(m.http().get("/settings/profile"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> longName = m.http()
                .post(
                        "/settings/profile",
                        "nickname",
                        "あ".repeat(21),
                        "self_intro",
                        "",
                        "self_intro_visibility",
                        "friends",
                        "_csrf",
                        Http.csrf(form));
        String text = Http.text(longName, StandardCharsets.UTF_8);
        assertEquals(200, longName.statusCode(), text);
        assertTrue(text.contains("ニックネームは20文字までです。"), text);
        HttpResponse<byte[]> saved = m.http()
                .post(
                        "/settings/profile",
                        "nickname",
                        "せってい済み",
                        "self_intro",
                        "よろしく",
                        "self_intro_visibility",
                        "friends",
                        "_csrf",
                        Http.csrf(form));
        assertTrue(Http.text(saved, StandardCharsets.UTF_8).contains("プロフィールを保存しました。"));

        String invite = Http.text(m.http().get("/invite"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> malformed = m.http().post("/invite", "email", "tomodachi", "_csrf", Http.csrf(invite));
        String refused = Http.text(malformed, StandardCharsets.UTF_8);
        assertEquals(200, malformed.statusCode(), refused);
        assertTrue(refused.contains("メールアドレスの形が正しくありません。") && refused.contains("tomodachi"), refused);
    }

    @Test
    void bindingAndMemberIdsThatDoNotParseNameNothing() {
        Members.NewMember m = Members.register(base, "ばいんど");
        String settings = Http.text(m.http().get("/settings/easy-login"), StandardCharsets.UTF_8);
        String csrf = Http.csrf(settings);
        String bound = Http.text(
                m.http().post("/settings/easy-login", "password", Members.PASSWORD, "_csrf", csrf),
                StandardCharsets.UTF_8);
        java.util.regex.Matcher remove = java.util.regex.Pattern.compile("/settings/easy-login/(\\d+)/remove")
                .matcher(bound);
        assertTrue(remove.find(), bound);
        String binding = remove.group(1);

        assertEquals(
                404,
                m.http().post("/settings/easy-login/abc/remove", "_csrf", csrf).statusCode());
        assertEquals(
                404,
                m.http().post("/settings/easy-login/0/remove", "_csrf", csrf).statusCode());
        String unknown = Http.text(
                m.http().post("/settings/easy-login/999999999/remove", "_csrf", csrf), StandardCharsets.UTF_8);
        assertTrue(unknown.contains("解除できませんでした。"), unknown);

        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        assertEquals(404, operator.get("/admin/easy-login?member=abc").statusCode());
        assertEquals(200, operator.get("/admin/easy-login?member=").statusCode(), "an empty box shows no bindings");
        String console = Http.text(operator.get("/admin/easy-login?member=" + m.id()), StandardCharsets.UTF_8);
        assertTrue(console.contains("/admin/easy-login/" + binding + "/blacklist"), console);
        String token = Http.csrf(console);
        String path = "/admin/easy-login/" + binding + "/blacklist";
        assertEquals(
                400,
                operator.post(path, "member", "abc", "note", "x", "_csrf", token)
                        .statusCode());
        assertEquals(400, operator.post(path, "note", "x", "_csrf", token).statusCode(), "no member");
        assertEquals(
                404,
                operator.post("/admin/easy-login/abc/blacklist", "member", "" + m.id(), "note", "x", "_csrf", token)
                        .statusCode());
        HttpResponse<byte[]> noReason = operator.post(path, "member", "" + m.id(), "note", "\u3000", "_csrf", token);
        String page = Http.text(noReason, StandardCharsets.UTF_8);
        assertEquals(200, noReason.statusCode(), page);
        assertTrue(page.contains("理由を書いてください。") && page.contains(path), page);

        // the member removes the binding themselves
        String removed = Http.text(
                m.http().post("/settings/easy-login/" + binding + "/remove", "_csrf", csrf), StandardCharsets.UTF_8);
        assertTrue(removed.contains("登録を解除しました。"), removed);
    }

    @Test
    void aUrlSessionSignsInOnlyTheHandsetItWasStartedOn() {
        Members.NewMember m = Members.register(base, "URLセッション");
        String guid = "U" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String home = docomoHandset(guid).signIn(m.mobileEmail(), Members.PASSWORD);
        java.util.regex.Matcher found =
                java.util.regex.Pattern.compile("sid=[^&\"]+").matcher(home);
        assertTrue(found.find(), home);
        String path = "/home?" + found.group() + "&guid=ON";
        assertEquals(200, docomoHandset(guid).get(path).statusCode(), "the phone it was started on");
        assertEquals(303, new Http(base).from(OUTSIDE).get(path).statusCode(), "a PC browser");
        assertEquals(
                303,
                new Http(base, "KDDI-SA31 UP.Browser/6.2.0.7.3.129 (GUI) MMP/2.0", false)
                        .from(AU_GATEWAY)
                        .get(path)
                        .statusCode(),
                "another carrier");
        assertEquals(303, docomoHandset("OTHER" + guid).get(path).statusCode(), "another docomo handset");
        assertEquals(
                303,
                new Http(base, Http.DOCOMO_FOMA_UA, false)
                        .from(OUTSIDE)
                        .header("X-DCMGUID", guid)
                        .get(path)
                        .statusCode(),
                "the same ID from outside the gateway");
        assertEquals(200, docomoHandset(guid).get(path).statusCode(), "and the phone still is");
    }

    @Test
    void guestsAreSentToTheTopPage() {
        HttpResponse<byte[]> r = new Http(base).get("/home");
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/"));
    }
}

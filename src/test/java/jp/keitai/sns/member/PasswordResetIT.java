package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * パスワードを忘れた方 (issue 24) over real HTTP and the real outbox: the same answer for every address, a link that works
 * once and expires ({@code sns.password-reset.ttl-seconds} is 30 in arquillian.xml: the expiry test waits it out), every session and the かんたんログイン
 * binding ended, a limit per address, and the whole way on a docomo handset.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordResetIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final String DOCOMO_GATEWAY = "210.153.84.1";
    static final String NEW_PASSWORD = "atarashii-5678";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    /** Asks for a link as a PC browser does; returns the answer page. */
    private String ask(Http browser, String email) {
        String form = Http.text(browser.get("/password-reset"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = browser.post("/password-reset", "email", email, "_csrf", Http.csrf(form));
        assertEquals(200, r.statusCode());
        return Http.text(r, StandardCharsets.UTF_8);
    }

    /** Waits (up to 20 s) until the outbox holds more than {@code before} mails to the address; returns the newest. */
    private static MimeMessage newMailTo(String address, long before) {
        long until = System.currentTimeMillis() + 20_000;
        while (Outbox.countTo(address) <= before && System.currentTimeMillis() < until) {
            sleep(100);
        }
        assertTrue(Outbox.countTo(address) > before, "no new mail to " + address);
        return Outbox.latestTo(address);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRegisteredAndAnUnknownAddressGetTheSameAnswer() {
        Members.NewMember m = Members.register(base, "わすれた");
        long before = Outbox.countTo(m.mobileEmail());
        String unknown = "nobody" + System.nanoTime() + "@docomo.ne.jp";

        String known = ask(new Http(base), m.mobileEmail());
        String stranger = ask(new Http(base), unknown);
        assertTrue(known.contains("入力されたアドレスが登録されていれば"), known);
        assertEquals(known, stranger, "the answer must not tell whether the address is registered");

        MimeMessage mail = newMailTo(m.mobileEmail(), before);
        assertTrue(Outbox.text(mail).contains("わすれたさん"), Outbox.text(mail));
        assertTrue(Outbox.firstPath(mail).startsWith("/password-reset/new?token="), Outbox.text(mail));
        sleep(1000); // the registered address's mail is out: nothing went to the other one meanwhile
        assertEquals(0, Outbox.countTo(unknown), "no mail to an address nobody has");

        // an empty field is the only refusal, and it names no account
        String form = Http.text(new Http(base).get("/password-reset"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> empty = new Http(base).post("/password-reset", "email", " ", "_csrf", Http.csrf(form));
        assertTrue(Http.text(empty, StandardCharsets.UTF_8).contains("メールアドレスを入力してください"));
        // the top page leads here
        assertTrue(Http.text(new Http(base).get("/"), StandardCharsets.UTF_8).contains("/password-reset\">パスワードを忘れた方"));
    }

    @Test
    void theLinkWorksOnceAndEndsEverySessionAndTheEasyLoginBinding() {
        Members.NewMember m = Members.register(base, "いちどだけ");
        String guid = "R" + Long.toString(System.nanoTime(), 36).toUpperCase();
        // the member binds a docomo handset for かんたんログイン, signed in there by URL session
        Http phone = docomoHandset(guid).signInWithoutCookies(m.mobileEmail(), Members.PASSWORD);
        String page = Http.text(phone.get("/settings/easy-login?guid=ON"), SJIS);
        String bound = Http.text(
                phone.post("/settings/easy-login", SJIS, "password", Members.PASSWORD, "_csrf", Http.csrf(page)), SJIS);
        assertTrue(bound.contains("この端末を登録しました"), bound);
        assertEquals(303, docomoHandset(guid).get("/easy-login?guid=ON").statusCode(), "easy login works before");
        assertEquals(200, m.http().get("/home").statusCode());
        assertEquals(200, phone.get("/home").statusCode());

        long before = Outbox.countTo(m.mobileEmail());
        ask(new Http(base), m.mobileEmail());
        String link = Outbox.firstPath(newMailTo(m.mobileEmail(), before));
        String token = link.substring(link.indexOf("token=") + 6);

        Http browser = new Http(base);
        String form = Http.text(browser.get(link), StandardCharsets.UTF_8);
        assertTrue(form.contains("name=\"password\""), form);
        // a password the rules refuse leaves the link usable
        HttpResponse<byte[]> weak =
                browser.post("/password-reset/new", "token", token, "password", "short", "_csrf", Http.csrf(form));
        assertEquals(200, weak.statusCode());
        assertTrue(Http.text(weak, StandardCharsets.UTF_8).contains("8文字以上"));

        HttpResponse<byte[]> done =
                browser.post("/password-reset/new", "token", token, "password", NEW_PASSWORD, "_csrf", Http.csrf(form));
        assertEquals(200, done.statusCode());
        assertTrue(Http.text(done, StandardCharsets.UTF_8).contains("パスワードを再設定しました"));

        assertEquals(303, m.http().get("/home").statusCode(), "the smartphone's session ended");
        assertEquals(303, phone.get("/home").statusCode(), "the handset's URL session ended");
        HttpResponse<byte[]> easy = docomoHandset(guid).get("/easy-login?guid=ON");
        assertEquals(200, easy.statusCode(), "the かんたんログイン binding ended");

        // a second use is refused, by the link and by the form
        HttpResponse<byte[]> again = new Http(base).get(link);
        assertEquals(400, again.statusCode());
        assertTrue(Http.text(again, StandardCharsets.UTF_8).contains("すでに使われています"));
        HttpResponse<byte[]> replay = browser.post(
                "/password-reset/new", "token", token, "password", "another-9999", "_csrf", Http.csrf(form));
        assertEquals(400, replay.statusCode());
        assertEquals(
                200,
                new Http(base)
                        .post("/login", "email", m.mobileEmail(), "password", "another-9999")
                        .statusCode(),
                "the replayed form changed nothing");

        assertEquals(
                200,
                new Http(base)
                        .post("/login", "email", m.mobileEmail(), "password", Members.PASSWORD)
                        .statusCode(),
                "the old password no longer signs in");
        assertEquals("/home", new Http(base).signIn(m.mobileEmail(), NEW_PASSWORD));
    }

    @Test
    void anExpiredLinkIsRefused() {
        Members.NewMember m = Members.register(base, "きげんぎれ");
        long before = Outbox.countTo(m.mobileEmail());
        ask(new Http(base), m.mobileEmail());
        MimeMessage mail = newMailTo(m.mobileEmail(), before);
        String text = Outbox.text(mail);
        Matcher ttl = Pattern.compile("（(\\d+)(時間|分|秒)有効").matcher(text);
        assertTrue(ttl.find(), "the mail says how long the link works: " + text);
        long seconds =
                Long.parseLong(ttl.group(1)) * ("時間".equals(ttl.group(2)) ? 3600 : "分".equals(ttl.group(2)) ? 60 : 1);
        assertTrue(seconds <= 120, "the IT server runs with a 30-second link: " + text);
        String link = Outbox.firstPath(mail);
        String token = link.substring(link.indexOf("token=") + 6);
        Http browser = new Http(base);
        String form = Http.text(browser.get(link), StandardCharsets.UTF_8);

        sleep((seconds + 2) * 1000); // past the link's lifetime, counted from the request
        HttpResponse<byte[]> late = browser.get(link);
        assertEquals(400, late.statusCode());
        assertTrue(Http.text(late, StandardCharsets.UTF_8).contains("有効期限が切れています"));
        HttpResponse<byte[]> post =
                browser.post("/password-reset/new", "token", token, "password", NEW_PASSWORD, "_csrf", Http.csrf(form));
        assertEquals(400, post.statusCode());
        assertEquals("/home", new Http(base).signIn(m.mobileEmail(), Members.PASSWORD), "the password is unchanged");
    }

    @Test
    void oneAddressGetsAtMostThreeLinksAnHourWithTheSameAnswer() {
        Members.NewMember m = Members.register(base, "なんども");
        long before = Outbox.countTo(m.mobileEmail());
        String first = ask(new Http(base), m.mobileEmail());
        ask(new Http(base), m.mobileEmail());
        ask(new Http(base), m.mobileEmail());
        long until = System.currentTimeMillis() + 20_000;
        while (Outbox.countTo(m.mobileEmail()) < before + 3 && System.currentTimeMillis() < until) {
            sleep(100);
        }
        assertEquals(before + 3, Outbox.countTo(m.mobileEmail()));
        assertEquals(first, ask(new Http(base), m.mobileEmail()), "the fourth request gets the same answer");
        sleep(1500);
        assertEquals(before + 3, Outbox.countTo(m.mobileEmail()), "but no fourth mail");
    }

    @Test
    void aDocomoHandsetResetsThePasswordInShiftJis() {
        Members.NewMember m = Members.register(base, "どこも");
        Http guest = docomoHandset(null);
        String top = Http.text(guest.get("/"), SJIS);
        assertTrue(top.contains("accesskey=\"2\"") && top.contains("ﾊﾟｽﾜｰﾄﾞを忘れた方"), top);
        HttpResponse<byte[]> formPage = guest.get("/password-reset");
        assertEquals(200, formPage.statusCode());
        assertTrue(formPage.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        String form = Http.text(formPage, SJIS);
        assertTrue(form.contains("ﾊﾟｽﾜｰﾄﾞを忘れた方"), form);

        long before = Outbox.countTo(m.mobileEmail());
        HttpResponse<byte[]> sent =
                guest.post("/password-reset", SJIS, "email", m.mobileEmail(), "_csrf", Http.csrf(form));
        assertEquals(200, sent.statusCode());
        assertTrue(Http.text(sent, SJIS).contains("再設定用のURLをﾒｰﾙでお送りしました"), Http.text(sent, SJIS));

        MimeMessage mail = newMailTo(m.mobileEmail(), before);
        try {
            assertTrue(mail.getContentType().toLowerCase().contains("shift_jis"), "docomo gets Shift_JIS mail");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        String link = Outbox.firstPath(mail);
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<byte[]> open = guest.get(link);
        assertEquals(200, open.statusCode());
        String newForm = Http.text(open, SJIS);
        assertTrue(newForm.contains("ﾊﾟｽﾜｰﾄﾞ再設定"), newForm);
        HttpResponse<byte[]> done = guest.post(
                "/password-reset/new", SJIS, "token", token, "password", NEW_PASSWORD, "_csrf", Http.csrf(newForm));
        assertEquals(200, done.statusCode());
        assertTrue(Http.text(done, SJIS).contains("パスワードを再設定しました"), Http.text(done, SJIS));

        Http signedIn = docomoHandset(null).signInWithoutCookies(m.mobileEmail(), NEW_PASSWORD);
        String home = Http.text(signedIn.get("/home"), SJIS);
        assertTrue(home.contains("どこも"), home);
    }

    /** A docomo FOMA handset without cookies, behind the docomo gateway, sending its i-mode ID when given one. */
    private Http docomoHandset(String guid) {
        Http h = new Http(base, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY).header("X-Forwarded-Proto", "http");
        return guid == null ? h : h.header("X-DCMGUID", guid);
    }
}

package jp.keitai.sns.testsupport;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes members in integration tests the way real people join: the operator invites a carrier address, the invitee
 * opens the mailed link and fills in the form. Returns a signed-in client for the new member.
 */
public final class Members {

    public static final String OPERATOR = "operator@example.jp";
    public static final String OPERATOR_PASSWORD = "operator-pass";
    public static final String PASSWORD = "password-1234";

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Members() {}

    /** A new member: nickname, carrier address and a signed-in smartphone client. */
    public record NewMember(long id, String nickname, String mobileEmail, Http http) {}

    public static NewMember register(URL base, String nickname) {
        return register(base, nickname, "docomo.ne.jp");
    }

    /** A new member whose carrier address is at {@code mobileDomain} (e.g. {@code softbank.ne.jp}). */
    public static NewMember register(URL base, String nickname, String mobileDomain) {
        String mobile = "m" + System.nanoTime() + "." + SEQ.incrementAndGet() + "@" + mobileDomain;
        Http operator = operator(base);
        String invitePage = Http.text(operator.get("/invite"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> sent = operator.post("/invite", "email", mobile, "_csrf", Http.csrf(invitePage));
        if (sent.statusCode() != 200) {
            throw new AssertionError("invite failed: " + sent.statusCode());
        }
        String link = Outbox.firstPath(Outbox.latestTo(mobile));
        String token = link.substring(link.indexOf("token=") + 6);

        Http member = new Http(base, Http.SMARTPHONE_UA, true);
        member.get(link);
        HttpResponse<byte[]> done =
                member.post("/register", "token", token, "nickname", nickname, "password", PASSWORD, "pc_email", "");
        if (done.statusCode() != 303) {
            throw new AssertionError(
                    "registration failed: " + done.statusCode() + " " + Http.text(done, StandardCharsets.UTF_8));
        }
        String home = Http.text(member.get("/home"), StandardCharsets.UTF_8);
        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("data-member-id=\"(\\d+)\"").matcher(home);
        if (!id.find()) {
            throw new AssertionError("home page has no data-member-id: " + home);
        }
        return new NewMember(Long.parseLong(id.group(1)), nickname, mobile, member);
    }

    /**
     * The operator, signed in once per server: each sign-in is a PBKDF2 verification of 210,000 rounds, and the
     * integration tests register about 130 members per database.
     */
    private static Http operator(URL base) {
        return OPERATORS.computeIfAbsent(base.toString(), b -> {
            Http operator = new Http(base);
            operator.signIn(OPERATOR, OPERATOR_PASSWORD);
            return operator;
        });
    }

    private static final java.util.Map<String, Http> OPERATORS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The member signed in on a docomo FOMA handset behind the docomo gateway: Shift_JIS pages, no cookies. */
    public static Http onDocomo(URL base, NewMember member) {
        return new Http(base, Http.DOCOMO_FOMA_UA, false)
                .from("210.153.84.1")
                .signInWithoutCookies(member.mobileEmail(), PASSWORD);
    }
}

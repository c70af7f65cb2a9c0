package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SessionStore;
import jp.keitai.sns.web.SignIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reset rules on H2 and PostgreSQL, reading the queued mail as the recipient would. */
class PasswordResetServiceTest {

    record Rig(PasswordResetService resets, SessionStore sessions, EasyLoginService easyLogin) {}

    static Rig rig(TestDb db) {
        var settings = TestDb.settings(Map.of("sns.mail.domain", "sns.example.jp"));
        SessionStore sessions = new SessionStore(db.database());
        PasswordResetService s = new PasswordResetService();
        s.database = db.database();
        s.settings = settings;
        s.store = new PasswordResetStore(db.database());
        s.members = new MemberStore(db.database());
        s.signIn = new SignIn(sessions);
        s.accounts = new AccountService(db.database(), s.signIn);
        s.mails = new MembershipMails();
        s.mails.mailer = new Mailer(db.database(), OutboundSettings.from(settings), new MailTemplates());
        return new Rig(s, sessions, new EasyLoginService(db.database()));
    }

    /** The reset links queued to this address, oldest first (the token from each mail's URL). */
    static List<String> tokensTo(TestDb db, String address) {
        return db.database().jdbc(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select raw from mail_outbox where recipient = ? and template = 'password_reset' order by id")) {
                ps.setString(1, address);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(token(rs.getBytes(1)));
                    }
                }
            }
            return out;
        });
    }

    private static String token(byte[] raw) {
        try {
            Properties p = new Properties();
            p.setProperty("mail.mime.address.strict", "false");
            String text = (String) new MimeMessage(Session.getInstance(p), new ByteArrayInputStream(raw)).getContent();
            Matcher m = Pattern.compile("/password-reset/new\\?token=([A-Za-z0-9_-]{43})")
                    .matcher(text);
            assertTrue(m.find(), text);
            return m.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(Refused.class, e).getMessage();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void bothProvenAddressesGetTheLinkAndStrangersNothing(TestDb db) {
        long id = LoginServiceTest.member(db, "r@docomo.ne.jp", "password1");
        db.database().run(em -> em.find(Member.class, id).setPcEmail("r@example.jp"));
        Rig rig = rig(db);
        rig.resets().request(" r@EXAMPLE.JP "); // the domain in any case (local parts compare exactly)
        assertEquals(1, tokensTo(db, "r@docomo.ne.jp").size());
        assertEquals(1, tokensTo(db, "r@example.jp").size());
        assertEquals(tokensTo(db, "r@docomo.ne.jp"), tokensTo(db, "r@example.jp"), "one link, at both addresses");

        rig.resets().request("nobody@docomo.ne.jp");
        rig.resets().request("not an address");
        assertEquals(PasswordResetService.NO_ADDRESS, refusal(() -> rig.resets().request("  ")));
        assertEquals(0, tokensTo(db, "nobody@docomo.ne.jp").size());
        int hashes = db.database().jdbc(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("select token_hash from password_reset")) {
                rs.next();
                return rs.getString(1).equals(tokensTo(db, "r@docomo.ne.jp").get(0)) ? -1 : 1;
            }
        });
        assertEquals(1, hashes, "only the hash is stored");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aLinkWorksOnceEndsSessionsAndBindingsAndClosesTheOtherLinks(TestDb db) {
        long id = LoginServiceTest.member(db, "s@docomo.ne.jp", "password1");
        Rig rig = rig(db);
        String session = rig.sessions().start(id, true);
        rig.easyLogin().bindSubscriber(id, "docomo", "GUID-RESET");
        rig.resets().request("s@docomo.ne.jp");
        rig.resets().request("s@docomo.ne.jp");
        List<String> tokens = tokensTo(db, "s@docomo.ne.jp");
        assertEquals(2, tokens.size());

        assertEquals("パスワードは8文字以上にしてください。", refusal(() -> rig.resets().reset(tokens.get(1), "short")));
        rig.resets().open(tokens.get(1)); // still usable
        rig.resets().reset(tokens.get(1), "password2");
        assertTrue(rig.sessions().find(session).isEmpty(), "sessions ended");
        assertTrue(rig.easyLogin().bindings(id).isEmpty(), "かんたんログイン bindings ended");
        assertEquals(id, LoginServiceTest.service(db).check("s@docomo.ne.jp", "password2", "10.0.0.1"));

        assertEquals(PasswordResetService.USED, refusal(() -> rig.resets().reset(tokens.get(1), "password3")));
        assertEquals(
                PasswordResetService.USED,
                refusal(() -> rig.resets().open(tokens.get(0))),
                "the older link closed too");
        assertEquals(PasswordResetService.INVALID, refusal(() -> rig.resets().open("x".repeat(43))));
        assertEquals(PasswordResetService.INVALID, refusal(() -> rig.resets().open(null)));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void expiredLinksSuspendedMembersAndTheHourlyLimit(TestDb db) {
        long id = LoginServiceTest.member(db, "t@docomo.ne.jp", "password1");
        Rig rig = rig(db);
        rig.resets().request("t@docomo.ne.jp");
        String token = tokensTo(db, "t@docomo.ne.jp").get(0);
        db.database().jdbc(c -> c.createStatement().executeUpdate("update password_reset set expires_at = created_at"));
        assertEquals(PasswordResetService.EXPIRED, refusal(() -> rig.resets().reset(token, "password2")));
        assertEquals(id, LoginServiceTest.service(db).check("t@docomo.ne.jp", "password1", "10.0.0.1"));

        rig.resets().request("t@docomo.ne.jp");
        rig.resets().request("t@docomo.ne.jp");
        rig.resets().request("t@docomo.ne.jp"); // the fourth in the hour: no mail
        assertEquals(3, tokensTo(db, "t@docomo.ne.jp").size());

        long other = LoginServiceTest.member(db, "u@docomo.ne.jp", "password1");
        new MemberService(db.database()).setStatus(other, MemberStatus.SUSPENDED);
        rig.resets().request("u@docomo.ne.jp");
        assertEquals(0, tokensTo(db, "u@docomo.ne.jp").size(), "a suspended account gets no link");
    }
}

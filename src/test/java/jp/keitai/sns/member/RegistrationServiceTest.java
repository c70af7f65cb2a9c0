package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistrationServiceTest {

    static final CarrierMailDomains DOMAINS = d -> Optional.ofNullable(Map.of(
                    "docomo.ne.jp", "docomo",
                    "ezweb.ne.jp", "au",
                    "au.com", "au",
                    "softbank.ne.jp", "softbank",
                    "i.softbank.jp", "softbank")
            .get(d));

    /** The membership steps as the pages and the get@ route reach them, over one database. */
    record Steps(RegistrationService registrations, InvitationService invitations, AddressChangeService addresses) {
        Outcome invite(long inviterId, String email) {
            return invitations.invite(inviterId, email);
        }

        Outcome emptyMail(String sender) {
            return registrations.emptyMail(sender);
        }

        RegistrationService.Opened open(String token, String device) {
            return registrations.open(token, device);
        }

        Outcome submit(String token, String device, String nickname, String password, String pc, String mobile) {
            return registrations.submit(token, device, nickname, password, pc, mobile);
        }

        Outcome confirm(String token, String device) {
            return registrations.confirm(token, device);
        }

        Outcome requestAddressChange(long memberId, String password, String kind, String email) {
            return addresses.request(memberId, password, kind, email);
        }
    }

    static Steps service(TestDb db, String registration) {
        Settings settings =
                TestDb.settings(Map.of("sns.registration", registration, "sns.base-url", "https://sns.example.jp"));
        return new Steps(
                new RegistrationService(db.database(), settings, DOMAINS),
                new InvitationService(db.database(), settings),
                new AddressChangeService(db.database(), settings, DOMAINS));
    }

    static long operator(TestDb db) {
        OperatorBootstrap.createIfNone(db.database(), "op@example.jp", "operator-pass");
        return new MemberService(db.database())
                .findByEmail("op@example.jp")
                .orElseThrow()
                .id();
    }

    static String token(OutgoingMail mail) {
        String url = mail.values().get("url");
        return url.substring(url.indexOf("token=") + 6);
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void anInvitedCarrierAddressRegistersOnceFromTheDeviceThatOpenedTheLink(TestDb db) {
        Steps s = service(db, "invite");
        Outcome invited = s.invite(operator(db), "taro..@DOCOMO.ne.jp");
        assertTrue(invited.ok());
        OutgoingMail mail = invited.mails().get(0);
        assertEquals("taro..@docomo.ne.jp", mail.to());
        assertEquals("invitation", mail.template());
        assertTrue(mail.values().get("url").startsWith("https://sns.example.jp/register?token="));
        String token = token(mail);

        RegistrationService.Opened opened = s.open(token, "phone");
        assertEquals("taro..@docomo.ne.jp", opened.registration().getMobileEmail());
        assertFalse(opened.registration().isMobileMissing());
        assertEquals(
                RegistrationService.OTHER_DEVICE, s.open(token, "someone-else").refusal());

        assertEquals(
                "ニックネームを入力してください。",
                s.submit(token, "phone", " ", "password1", null, null).message());
        Outcome done = s.submit(token, "phone", "たろう", "password1", "taro@example.jp", null);
        assertTrue(done.ok(), done.message());
        assertNotNull(done.memberId());
        assertEquals("confirm_pc", done.mails().get(0).template(), "the PC address is proven by its own link");

        assertEquals(
                RegistrationService.COMPLETED,
                s.submit(token, "phone", "たろう", "password1", null, null).message());
        Member m = new MemberService(db.database()).entity(done.memberId()).orElseThrow();
        assertEquals("taro..@docomo.ne.jp", m.getMobileEmail());
        assertEquals(null, m.getPcEmail());

        Outcome pc = s.confirm(token(done.mails().get(0)), "pc");
        assertTrue(pc.ok(), pc.message());
        assertEquals(
                "taro@example.jp",
                new MemberService(db.database())
                        .find(done.memberId())
                        .orElseThrow()
                        .pcEmail());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aPcInvitationWaitsForTheCarrierAddressBeforeAnyMemberExists(TestDb db) {
        Steps s = service(db, "invite");
        String token = token(s.invite(operator(db), "hanako@example.jp").mails().get(0));
        assertTrue(s.open(token, "pc").registration().isMobileMissing());
        assertTrue(s.submit(token, "pc", "はなこ", "password1", null, "hanako@gmail.com")
                .message()
                .startsWith(AccountRules.NOT_CARRIER));
        Outcome waiting = s.submit(token, "pc", "はなこ", "password1", null, "hanako@ezweb.ne.jp");
        assertTrue(waiting.ok(), waiting.message());
        assertEquals(null, waiting.memberId());
        assertEquals(1L, count(db), "only the operator exists so far");
        OutgoingMail confirm = waiting.mails().get(0);
        assertEquals("hanako@ezweb.ne.jp", confirm.to());

        Outcome done = s.confirm(token(confirm), "au-phone");
        assertTrue(done.ok(), done.message());
        Member m = new MemberService(db.database()).entity(done.memberId()).orElseThrow();
        assertEquals("hanako@ezweb.ne.jp", m.getMobileEmail());
        assertEquals("hanako@example.jp", m.getPcEmail());
        assertEquals(
                RegistrationService.COMPLETED,
                s.confirm(token(confirm), "au-phone").message());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void emptyMailGivesALinkOnlyToInvitedAddressesInInviteMode(TestDb db) {
        Steps s = service(db, "invite");
        Outcome stranger = s.emptyMail("stranger@softbank.ne.jp");
        assertFalse(stranger.ok());
        assertEquals("registration_refused", stranger.mails().get(0).template());
        assertFalse(s.emptyMail("spam@example.com").ok());
        assertTrue(s.emptyMail("spam@example.com").mails().isEmpty(), "no reply to non-carrier senders");

        s.invite(operator(db), "friend@softbank.ne.jp");
        Outcome invited = s.emptyMail("friend@SoftBank.ne.jp");
        assertTrue(invited.ok());
        OutgoingMail link = invited.mails().get(0);
        assertEquals("registration", link.template());
        Outcome done = s.submit(token(link), "sb", "ともだち", "password1", null, null);
        assertTrue(done.ok(), done.message());

        Outcome again = s.emptyMail("friend@softbank.ne.jp");
        assertEquals("login", again.mails().get(0).template(), "a member gets the login page");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void openModeLetsAnyCarrierAddressStartButOneAccountPerAddress(TestDb db) {
        Steps s = service(db, "open");
        String first = token(s.emptyMail("x@au.com").mails().get(0));
        String second = token(s.emptyMail("x@au.com").mails().get(0));
        assertTrue(s.submit(first, "a", "いち", "password1", null, null).ok());
        Outcome dup = s.submit(second, "a", "に", "password1", null, null);
        assertFalse(dup.ok());
        assertEquals(1L, count(db), "one member for one address");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void expiredAndUnknownLinksAreRefusedClearly(TestDb db) {
        Steps s = service(db, "open");
        String token = token(s.emptyMail("y@docomo.ne.jp").mails().get(0));
        db.database().jdbc(c -> c.createStatement().executeUpdate("update registration set expires_at = created_at"));
        assertEquals(RegistrationService.EXPIRED, s.open(token, "d").refusal());
        assertEquals(RegistrationService.INVALID, s.open("x".repeat(43), "d").refusal());
        assertEquals(RegistrationService.INVALID, s.open(null, "d").refusal());
        assertEquals(0L, count(db), "nothing was created");
    }

    private static long count(TestDb db) {
        return db.database().read(em -> em.createQuery("select count(m) from Member m", Long.class)
                .getSingleResult());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void changingAnAddressAsksThePasswordAndProvesTheNewAddress(TestDb db) {
        Steps s = service(db, "open");
        long me = LoginServiceTest.member(db, "old@docomo.ne.jp", "password1");
        long other = LoginServiceTest.member(db, "taken@ezweb.ne.jp", "password2");
        assertEquals(
                AccountService.WRONG_PASSWORD,
                s.requestAddressChange(me, "guess", "mobile", "new@au.com").message());
        assertFalse(
                s.requestAddressChange(me, "password1", "mobile", "me@example.jp")
                        .ok(),
                "not a carrier");
        assertFalse(
                s.requestAddressChange(me, "password1", "pc", "me@softbank.ne.jp")
                        .ok(),
                "a carrier as PC");
        assertFalse(
                s.requestAddressChange(me, "password1", "mobile", "taken@EZWEB.ne.jp")
                        .ok(),
                "another member's");
        assertTrue(other > 0);

        Outcome asked = s.requestAddressChange(me, "password1", "mobile", "New..@AU.com");
        assertTrue(asked.ok(), asked.message());
        OutgoingMail mail = asked.mails().get(0);
        assertEquals("New..@au.com", mail.to());
        assertEquals("confirm_change", mail.template());
        MemberService members = new MemberService(db.database());
        assertEquals("old@docomo.ne.jp", members.entity(me).orElseThrow().getMobileEmail(), "nothing changes yet");

        Outcome done = s.confirm(token(mail), "new-phone");
        assertTrue(done.ok(), done.message());
        assertEquals("New..@au.com", members.entity(me).orElseThrow().getMobileEmail());
        assertEquals("old@docomo.ne.jp", done.mails().get(0).to(), "the old address is told");
        assertEquals("address_changed", done.mails().get(0).template());
        assertFalse(s.confirm(token(mail), "new-phone").ok(), "a link works once");

        Outcome pc = s.requestAddressChange(me, "password1", "pc", "me@example.jp");
        assertTrue(s.confirm(token(pc.mails().get(0)), "pc").ok());
        assertEquals("me@example.jp", members.entity(me).orElseThrow().getPcEmail());
        assertTrue(s.requestAddressChange(me, "password1", "pc", "").ok());
        assertNull(members.entity(me).orElseThrow().getPcEmail(), "an empty PC address removes it");
    }
}

package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.function.Executable;
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
        StepDone invite(long inviterId, String email) {
            return invitations.invite(inviterId, email);
        }

        StepDone emptyMail(String sender) {
            return registrations.emptyMail(sender);
        }

        Registration open(String token, String device) {
            return registrations.open(token, device);
        }

        StepDone submit(String token, String device, String nickname, String password, String pc, String mobile) {
            return registrations.submit(token, device, nickname, password, pc, mobile);
        }

        StepDone confirm(String token, String device) {
            return registrations.confirm(token, device);
        }

        StepDone requestAddressChange(long memberId, String password, String kind, String email) {
            return addresses.request(memberId, password, kind, email);
        }
    }

    /** The reason a step was refused with. */
    static String refusal(Executable step) {
        return assertThrows(Refused.class, step).getMessage();
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
        assertEquals(AccountForm.MALFORMED, refusal(() -> s.invite(operator(db), "taro at docomo")));
        StepDone invited = s.invite(operator(db), "taro..@DOCOMO.ne.jp");
        OutgoingMail mail = invited.mails().get(0);
        assertEquals("taro..@docomo.ne.jp", mail.to());
        assertEquals("invitation", mail.template());
        assertTrue(mail.values().get("url").startsWith("https://sns.example.jp/register?token="));
        String token = token(mail);

        Registration opened = s.open(token, "phone");
        assertEquals("taro..@docomo.ne.jp", opened.getMobileEmail());
        assertFalse(opened.isMobileMissing());
        assertEquals(RegistrationService.OTHER_DEVICE, refusal(() -> s.open(token, "someone-else")));

        assertEquals("ニックネームを入力してください。", refusal(() -> s.submit(token, "phone", " ", "password1", null, null)));
        assertEquals(
                AccountForm.RESERVED_NICKNAME, refusal(() -> s.submit(token, "phone", "運営", "password1", null, null)));
        StepDone done = s.submit(token, "phone", "たろう", "password1", "taro@example.jp", null);
        assertNotNull(done.memberId());
        assertEquals("confirm_pc", done.mails().get(0).template(), "the PC address is proven by its own link");

        assertEquals(
                RegistrationService.COMPLETED, refusal(() -> s.submit(token, "phone", "たろう", "password1", null, null)));
        Member m = new MemberService(db.database()).entity(done.memberId()).orElseThrow();
        assertEquals("taro..@docomo.ne.jp", m.getMobileEmail());
        assertEquals(null, m.getPcEmail());

        Refused notYet = assertThrows(Refused.class, () -> s.emptyMail("taro@example.jp"));
        assertFalse(notYet instanceof RegistrationService.NotInvited, "an unconfirmed PC address gets no reply");
        assertEquals(
                "PCメールアドレスを登録しました。", s.confirm(token(done.mails().get(0)), "pc").message());
        // get@ answers a member at the confirmed PC address too, with the login page (CONTRACT: anyone, members
        // get a login URL); other addresses off the carrier list still get nothing
        OutgoingMail login = s.emptyMail("taro@EXAMPLE.jp").mails().get(0);
        assertEquals("login", login.template());
        assertEquals("taro@example.jp", login.to());
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
        assertTrue(s.open(token, "pc").isMobileMissing());
        assertEquals(
                AccountForm.NOT_CARRIER + "（gmail.com は登録できるドメインにありません）",
                refusal(() -> s.submit(token, "pc", "はなこ", "password1", null, "hanako@gmail.com")));
        StepDone waiting = s.submit(token, "pc", "はなこ", "password1", null, "hanako@ezweb.ne.jp");
        assertTrue(waiting.message().startsWith("携帯電話のメールアドレスに確認メールを送りました。"), waiting.message());
        assertEquals(null, waiting.memberId());
        assertEquals(1L, count(db), "only the operator exists so far");
        OutgoingMail confirm = waiting.mails().get(0);
        assertEquals("hanako@ezweb.ne.jp", confirm.to());

        StepDone done = s.confirm(token(confirm), "au-phone");
        assertEquals("登録が完了しました。ようこそ！", done.message());
        Member m = new MemberService(db.database()).entity(done.memberId()).orElseThrow();
        assertEquals("hanako@ezweb.ne.jp", m.getMobileEmail());
        assertEquals("hanako@example.jp", m.getPcEmail());
        assertEquals(RegistrationService.COMPLETED, refusal(() -> s.confirm(token(confirm), "au-phone")));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void emptyMailGivesALinkOnlyToInvitedAddressesInInviteMode(TestDb db) {
        Steps s = service(db, "invite");
        RegistrationService.NotInvited stranger =
                assertThrows(RegistrationService.NotInvited.class, () -> s.emptyMail("stranger@softbank.ne.jp"));
        assertEquals("stranger@softbank.ne.jp", stranger.reply().get(0).to(), "the polite refusal goes to the sender");
        assertEquals("registration_refused", stranger.reply().get(0).template());
        Refused spam = assertThrows(Refused.class, () -> s.emptyMail("spam@example.com"));
        assertFalse(spam instanceof RegistrationService.NotInvited, "no reply to non-carrier senders");

        s.invite(operator(db), "friend@softbank.ne.jp");
        StepDone invited = s.emptyMail("friend@SoftBank.ne.jp");
        OutgoingMail link = invited.mails().get(0);
        assertEquals("registration", link.template());
        StepDone done = s.submit(token(link), "sb", "ともだち", "password1", null, null);
        assertNotNull(done.memberId());

        StepDone again = s.emptyMail("friend@softbank.ne.jp");
        assertEquals("login", again.mails().get(0).template(), "a member gets the login page");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void openModeLetsAnyCarrierAddressStartButOneAccountPerAddress(TestDb db) {
        Steps s = service(db, "open");
        String first = token(s.emptyMail("x@au.com").mails().get(0));
        String second = token(s.emptyMail("x@au.com").mails().get(0));
        assertNotNull(s.submit(first, "a", "いち", "password1", null, null).memberId());
        assertEquals(
                RegistrationService.ADDRESS_REFUSED,
                refusal(() -> s.submit(second, "a", "に", "password1", null, null)));
        assertEquals(1L, count(db), "one member for one address");
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void expiredAndUnknownLinksAreRefusedClearly(TestDb db) {
        Steps s = service(db, "open");
        String token = token(s.emptyMail("y@docomo.ne.jp").mails().get(0));
        db.database().jdbc(c -> c.createStatement().executeUpdate("update registration set expires_at = created_at"));
        assertEquals(RegistrationService.EXPIRED, refusal(() -> s.open(token, "d")));
        assertEquals(RegistrationService.INVALID, refusal(() -> s.open("x".repeat(43), "d")));
        assertEquals(RegistrationService.INVALID, refusal(() -> s.open(null, "d")));
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
                refusal(() -> s.requestAddressChange(me, "guess", "mobile", "new@au.com")));
        assertEquals(
                AccountForm.NOT_CARRIER + "（example.jp は登録できるドメインにありません）",
                refusal(() -> s.requestAddressChange(me, "password1", "mobile", "me@example.jp")),
                "not a carrier");
        assertEquals(
                AccountForm.CARRIER_AS_PC,
                refusal(() -> s.requestAddressChange(me, "password1", "pc", "me@softbank.ne.jp")),
                "a carrier as PC");
        assertEquals(
                AccountForm.PC_MALFORMED,
                refusal(() -> s.requestAddressChange(me, "password1", "pc", "me@@example")),
                "not an address");
        StepDone taken = s.requestAddressChange(me, "password1", "mobile", "taken@EZWEB.ne.jp");
        assertTrue(other > 0);
        assertTrue(taken.mails().isEmpty(), "another member's address gets nothing");

        StepDone asked = s.requestAddressChange(me, "password1", "mobile", "New..@AU.com");
        assertTrue(asked.message().startsWith("新しいアドレスに確認メールを送りました。"), asked.message());
        assertEquals(asked.message(), taken.message(), "the answer does not tell whether an address is registered");
        OutgoingMail mail = asked.mails().get(0);
        assertEquals("New..@au.com", mail.to());
        assertEquals("confirm_change", mail.template());
        MemberService members = new MemberService(db.database());
        assertEquals("old@docomo.ne.jp", members.entity(me).orElseThrow().getMobileEmail(), "nothing changes yet");

        StepDone done = s.confirm(token(mail), "new-phone");
        assertEquals("携帯メールアドレスを変更しました。", done.message());
        assertEquals("New..@au.com", members.entity(me).orElseThrow().getMobileEmail());
        assertEquals("old@docomo.ne.jp", done.mails().get(0).to(), "the old address is told");
        assertEquals("address_changed", done.mails().get(0).template());
        assertEquals(
                RegistrationService.COMPLETED, refusal(() -> s.confirm(token(mail), "new-phone")), "a link works once");

        StepDone pc = s.requestAddressChange(me, "password1", "pc", "me@example.jp");
        assertEquals(
                "PCメールアドレスを登録しました。", s.confirm(token(pc.mails().get(0)), "pc").message());
        assertEquals("me@example.jp", members.entity(me).orElseThrow().getPcEmail());
        assertEquals(
                "PCメールアドレスを削除しました。",
                s.requestAddressChange(me, "password1", "pc", "").message());
        assertNull(members.entity(me).orElseThrow().getPcEmail(), "an empty PC address removes it");
    }

    /** Issue 21: get@ answers one address at most three times an hour; the fourth mail is refused unanswered. */
    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void getAnswersOneAddressAtMostThreeTimesAnHour(TestDb db) {
        Steps s = service(db, "invite");
        for (int i = 0; i < RegistrationService.GET_ANSWERS; i++) {
            // not invited: the polite refusal is an answer too, and counts
            assertThrows(RegistrationService.NotInvited.class, () -> s.emptyMail("often@docomo.ne.jp"));
        }
        Refused fourth = assertThrows(Refused.class, () -> s.emptyMail("often@DOCOMO.ne.jp"));
        assertFalse(fourth instanceof RegistrationService.NotInvited, "no reply this time");
        assertTrue(fourth.getMessage().contains("3回"), fourth.getMessage());
        // another address is not held back
        assertThrows(RegistrationService.NotInvited.class, () -> s.emptyMail("other@docomo.ne.jp"));
        Steps open = service(db, "open");
        assertEquals(1, open.emptyMail("newcomer@ezweb.ne.jp").mails().size());
        assertThrows(Refused.class, () -> {
            open.emptyMail("newcomer@ezweb.ne.jp");
            open.emptyMail("newcomer@ezweb.ne.jp");
            open.emptyMail("newcomer@ezweb.ne.jp");
        });
    }
}

package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.mail.inbound.InboundMail;
import jp.keitai.sns.mail.inbound.MailResult;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.PostingAddresses;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code v.<secret>@} handler on H2 and PostgreSQL, called as the spool worker calls it (inside a transaction):
 * both checks, joining and cutting, the answers and who gets them, and posting once per mail.
 */
class VoiceMailRouteTest {

    record Rig(VoiceRig voice, VoiceMailRoute route, PostingAddresses addresses) {}

    static Rig rig(TestDb db) {
        VoiceRig v = new VoiceRig(db.database());
        var settings = TestDb.settings(Map.of("sns.mail.domain", "sns.example.jp"));
        VoiceMailRoute route = new VoiceMailRoute();
        route.addresses = new PostingAddresses(db.database(), settings);
        route.members = v.members;
        route.voices = v.voices;
        route.mailer = new Mailer(db.database(), OutboundSettings.from(settings), new MailTemplates());
        return new Rig(v, route, route.addresses);
    }

    static int seq;

    static InboundMail mail(String from, String localPart, String subject, String text, boolean auto, String key) {
        return mail(from, from, localPart, subject, text, auto, key);
    }

    static InboundMail mail(
            String envelope, String from, String localPart, String subject, String text, boolean auto, String key) {
        return new InboundMail(
                ++seq,
                "<" + key + "@example>",
                key,
                envelope,
                from,
                localPart + "@sns.example.jp",
                localPart,
                "softbank",
                subject,
                text,
                false,
                List.of(),
                List.of(),
                auto,
                false,
                Instant.now());
    }

    MailResult handle(TestDb db, Rig rig, InboundMail mail) {
        return db.database().tx(em -> rig.route().handle(mail, em));
    }

    /** Templates of the mails queued to this address, oldest first. */
    static List<String> answers(TestDb db, String to) {
        return db.database().jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select template, raw from mail_outbox where recipient = ? order by id")) {
                ps.setString(1, to);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + ":" + new String(rs.getBytes(2), StandardCharsets.ISO_8859_1));
                    }
                }
                return out;
            }
        });
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void bothTheSecretAndTheSenderMustHoldAndRefusalsGoToTheRegisteredAddress(TestDb db) {
        Rig rig = rig(db);
        long id = rig.voice().member("sb");
        var m = rig.voice().members.find(id).orElseThrow();
        String registered = m.mobileEmail();
        String local =
                rig.addresses().addressOf(id, PostingAddresses.Kind.VOICE).split("@")[0];

        MailResult wrongSecret = handle(db, rig, mail(registered, "v.aaaaaaaaaaaaaaaa", "無事", "", false, "k1"));
        assertEquals(MailResult.Outcome.REFUSED, wrongSecret.outcome());
        MailResult forged = handle(db, rig, mail("spoofer@softbank.ne.jp", local, "無事", "", false, "k2"));
        assertEquals(MailResult.Outcome.REFUSED, forged.outcome());
        assertEquals(List.of(), answers(db, "spoofer@softbank.ne.jp"), "never answer a forged sender");
        List<String> told = answers(db, registered);
        assertEquals(1, told.size(), "the member is told, once");
        assertTrue(told.get(0).startsWith("voice_refused:"), told.get(0));
        MailResult auto = handle(db, rig, mail(registered, local, "無事", "", true, "k3"));
        assertEquals(MailResult.Outcome.REFUSED, auto.outcome());
        MailResult blank = handle(db, rig, mail(registered, local, " ", "\u3000\n", false, "k4"));
        assertEquals(MailResult.Outcome.REFUSED, blank.outcome());
        assertEquals(2, answers(db, registered).size(), "no answer to an automatic mail; the blank one is answered");
        assertEquals(0, rig.voice().voices.countBy(id));

        // issue 21: the From is the member's, the SMTP envelope sender someone else's: refused, the member told
        MailResult relayed = handle(db, rig, mail("relay@example.com", registered, local, "無事", "", false, "k6"));
        assertEquals(MailResult.Outcome.REFUSED, relayed.outcome());
        assertEquals(3, answers(db, registered).size());
        assertTrue(text(answers(db, registered).get(2).substring("voice_refused:".length()))
                .contains("実際の送信元が違いました"));
        assertEquals(List.of(), answers(db, "relay@example.com"));
        assertEquals(0, rig.voice().voices.countBy(id));

        rig.voice().members.setStatus(id, MemberStatus.SUSPENDED);
        assertEquals(
                MailResult.Outcome.REFUSED,
                handle(db, rig, mail(registered, local, "無事", "", false, "k5")).outcome());
        assertEquals(0, rig.voice().voices.countBy(id));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void subjectAndTextBecomeOneVoiceCutAt150AndAMailPostsOnce(TestDb db) {
        Rig rig = rig(db);
        long id = rig.voice().member("sb");
        String registered = rig.voice().members.find(id).orElseThrow().mobileEmail();
        String local = rig.addresses()
                .addressOf(id, PostingAddresses.Kind.VOICE)
                .split("@")[0]
                .toUpperCase(java.util.Locale.ROOT); // handsets may change the case

        InboundMail safe = mail(registered, local, "天気☁️", "晴れ☀️です\n家族も無事", false, "m1");
        assertEquals(MailResult.Outcome.DONE, handle(db, rig, safe).outcome());
        assertEquals(MailResult.Outcome.DONE, handle(db, rig, safe).outcome(), "handled again: no second post");
        List<VoiceItem> mine = rig.voice().voices.latestBy(id, id, 10);
        assertEquals(1, mine.size());
        assertEquals("天気☁️ 晴れ☀️です 家族も無事", mine.get(0).getBody());
        assertEquals(1, answers(db, registered).size(), "one confirmation");
        assertTrue(answers(db, registered).get(0).startsWith("voice_posted:"));

        String longText = "😀".repeat(100) + "𠮷".repeat(100);
        assertEquals(
                MailResult.Outcome.DONE,
                handle(db, rig, mail(registered, local, "長文", longText, false, "m2"))
                        .outcome());
        VoiceItem cut = rig.voice().voices.latestBy(id, id, 1).get(0);
        assertEquals("長文 " + "😀".repeat(100) + "𠮷".repeat(47), cut.getBody());
        assertEquals(150, VoiceText.length(cut.getBody()));
        // the member's address is docomo's: the answer is Shift_JIS, and says the voice was cut and why
        String answer = answers(db, registered).get(1);
        assertTrue(answer.startsWith("voice_posted:"), answer);
        assertTrue(answer.contains("charset=Shift_JIS"), answer);
        String confirmation = text(answer.substring("voice_posted:".length()));
        assertTrue(confirmation.contains("150文字を超えた分は省きました。"), confirmation);
        assertTrue(confirmation.contains("件名と本文をつなげたもので、150文字まで"), confirmation);
    }

    /** The decoded text of a queued mail. */
    static String text(String raw) {
        try {
            var m = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
            return ((String) m.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

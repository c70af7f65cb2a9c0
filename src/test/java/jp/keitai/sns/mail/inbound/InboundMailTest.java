package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 21: which mail looks like a person's, and whether the envelope sender agrees with From. */
class InboundMailTest {

    static InboundMail mail(String envelope, String from, boolean auto, boolean bulk) {
        return new InboundMail(
                1,
                null,
                "k",
                envelope,
                from,
                "get@x",
                "get",
                "docomo",
                "",
                "",
                false,
                List.of(),
                List.of(),
                auto,
                bulk,
                Instant.now());
    }

    @Test
    void bouncesAutoRepliesAndBulkMailAreNotAPersons() {
        assertNull(mail("taro@docomo.ne.jp", "taro@docomo.ne.jp", false, false).notFromAPerson());
        assertNotNull(mail("", "taro@docomo.ne.jp", false, false).notFromAPerson(), "empty envelope: a bounce");
        assertNotNull(mail("MAILER-DAEMON@mx.example.com", "taro@docomo.ne.jp", false, false)
                .notFromAPerson());
        assertNotNull(mail("mailer-daemon", "taro@docomo.ne.jp", false, false).notFromAPerson());
        assertNotNull(
                mail("taro@docomo.ne.jp", "taro@docomo.ne.jp", true, false).notFromAPerson());
        assertNotNull(
                mail("taro@docomo.ne.jp", "taro@docomo.ne.jp", false, true).notFromAPerson());
    }

    @Test
    void theEnvelopeSenderMustBeTheFromAddress() {
        assertTrue(mail("taro@docomo.ne.jp", "taro@DoCoMo.ne.jp", false, false).envelopeAgreesWithFrom());
        assertTrue(
                mail("\"a.b.\"@docomo.ne.jp", "a.b.@docomo.ne.jp", false, false).envelopeAgreesWithFrom());
        assertTrue(
                mail("a(--)l@ezweb.ne.jp", "a(--)l@ezweb.ne.jp", false, false).envelopeAgreesWithFrom());
        assertFalse(
                mail("forger@example.com", "taro@docomo.ne.jp", false, false).envelopeAgreesWithFrom());
        assertFalse(mail("", "taro@docomo.ne.jp", false, false).envelopeAgreesWithFrom());
        assertFalse(
                mail("Taro@docomo.ne.jp", "taro@docomo.ne.jp", false, false).envelopeAgreesWithFrom(),
                "local parts are case-sensitive, as carriers issue them");
    }

    @Test
    void theParserReadsPrecedenceAndAutoSubmitted() throws UnreadableMail {
        MailParser parser = new MailParser(
                InboundSettings.from(jp.keitai.sns.testsupport.TestDb.settings(java.util.Map.of())),
                jp.keitai.sns.carrier.CarrierRegistry.load(java.util.Optional.empty()));
        for (String header :
                List.of("Precedence: list", "Precedence: Bulk", "Precedence: junk", "Auto-Submitted: auto-generated")) {
            byte[] raw = ("From: a@docomo.ne.jp\r\nSubject: x\r\n" + header + "\r\n\r\nbody\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            SpoolMessage row =
                    new SpoolMessage(Instant.now(), "127.0.0.1", "h", "a@docomo.ne.jp", "get@x", "get", null, "k", raw);
            InboundMail m = parser.parse(row).mail();
            assertNotNull(m.notFromAPerson(), header);
            assertNotNull(parser.partial(row).notFromAPerson(), header + " (read from an unreadable mail too)");
        }
        byte[] plain = "From: a@docomo.ne.jp\r\nPrecedence: first-class\r\n\r\nbody\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SpoolMessage row =
                new SpoolMessage(Instant.now(), "127.0.0.1", "h", "a@docomo.ne.jp", "get@x", "get", null, "k", plain);
        assertNull(parser.parse(row).mail().notFromAPerson());
    }
}

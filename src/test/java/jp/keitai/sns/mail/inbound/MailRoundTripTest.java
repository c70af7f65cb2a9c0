package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import jp.keitai.sns.mail.outbound.MailTemplates;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.mail.outbound.OutboundSettings;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Mailer writes for a carrier, sent back by that carrier's handset, reads as the same Unicode text: the
 * outbound encoders and the inbound parser agree, emoji included (or its text fallback where the carrier has none).
 */
class MailRoundTripTest {

    private static final String TEXT = "①～③と㈱、ﾃｽﾄ、晴れ\u2600\uFE0F";

    @TempDir
    Path data;

    @Test
    void everyCarriersMailReadsBackAsWritten() {
        Map<String, String> expected = Map.of(
                "hanako-7@docomo.ne.jp", "①～③と㈱、ﾃｽﾄ、晴れ\u2600\uFE0F",
                "a..b.@docomo.ne.jp", "①～③と㈱、ﾃｽﾄ、晴れ\u2600\uFE0F",
                "taro@ezweb.ne.jp", "①～③と㈱、テスト、晴れ\u2600\uFE0F", // ISO-2022-JP has no half-width kana
                "dog@softbank.ne.jp", "①～③と㈱、ﾃｽﾄ、晴れ\u2600\uFE0F",
                "masashi@i.softbank.jp", TEXT,
                "phs@pdx.ne.jp", "①～③と㈱、テスト、晴れ[太陽]",
                "taro.yamada@example.com", "①～③と㈱、テスト、晴れ[太陽]");
        Mailer mailer = new Mailer(
                null,
                OutboundSettings.from(TestDb.settings(Map.of("sns.data.dir", data.toString()))),
                new MailTemplates());
        try (TestDb db = TestDb.h2();
                MailRig rig = new MailRig(db.database(), Map.of())) {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                String member = e.getKey();
                Mailer.Composed mail = mailer.compose(member, "refused", Map.of("reason", TEXT), Instant.now());
                // the handset sends it back: same bytes, from the member's address
                String raw = new String(mail.raw(), StandardCharsets.ISO_8859_1)
                        .replace("From: no-reply@localhost", "From: " + member);
                SmtpClient.Reply reply = rig.send(
                        member, "v.x8y2z7w3u4s5r6q9@" + MailRig.DOMAIN, raw.getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(250, reply.code(), member + ": " + reply);
                long id = MailRig.queuedId(reply);
                rig.work();
                InboundMail in = rig.handled.get(id);
                assertEquals(member, in.from());
                assertEquals("投稿できませんでした", in.subject());
                assertTrue(in.text().contains("理由: " + e.getValue() + "\n"), member + ": " + in.text());
            }
        }
    }
}

package jp.keitai.sns.mail.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.carrier.CarrierRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How mail to a carrier is written comes from its carrier file's {@code [mail]} section: an operator's copy in
 * {@code sns.carrier-config.dir} changes it without a release or a restart, and deleting the copy restores it.
 */
class MailCarrierDataTest {

    @TempDir
    Path data;

    @TempDir
    Path carrierDir;

    @Test
    void anOperatorsMailSectionChangesTheOutboundCharset() throws IOException {
        CarrierRegistry carriers = CarrierRegistry.load(Optional.of(carrierDir));
        Mailer mailer = new Mailer(
                null,
                OutboundSettings.from(OutboundFixtures.settings(data, Map.of())),
                OutboundFixtures.templates(Map.of("notice", OutboundFixtures.NOTICE)),
                carriers);
        String head = head(mailer, "hanako@docomo.ne.jp");
        assertTrue(head.contains("Content-Type: text/plain; charset=Shift_JIS\r\n"), head);

        // the operator's docomo handsets now read UTF-8 mail
        Path file = carrierDir.resolve("docomo.conf");
        Files.writeString(
                file,
                shipped("docomo.conf")
                        .replace(
                                "charset = Windows-31J\ncharset-label = Shift_JIS\ntransfer-encoding = 8bit\nemoji = sjis",
                                "charset = UTF-8\ncharset-label = UTF-8\ntransfer-encoding = base64\nemoji = unicode"),
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        carriers.reloadIfChanged();
        assertEquals(java.util.List.of(), carriers.problems());
        Mailer.Composed mail = compose(mailer, "hanako@docomo.ne.jp");
        head = split(mail.raw())[0];
        assertEquals("docomo", mail.carrier());
        assertTrue(head.contains("Content-Type: text/plain; charset=UTF-8\r\n"), head);
        assertTrue(head.contains("Content-Transfer-Encoding: base64\r\n"), head);
        String body = new String(Base64.getMimeDecoder().decode(split(mail.raw())[1]), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("花子さん、①～③の髙橋です"), body);
        // au is untouched
        assertTrue(head(mailer, "taro@ezweb.ne.jp").contains("charset=ISO-2022-JP\r\n"));

        Files.delete(file);
        carriers.reloadIfChanged();
        assertTrue(head(mailer, "hanako@docomo.ne.jp").contains("charset=Shift_JIS\r\n"));
    }

    private static Mailer.Composed compose(Mailer mailer, String to) {
        return mailer.compose(to, "notice", Map.of("name", "花子"), Instant.parse("2009-03-14T00:12:44Z"));
    }

    private static String head(Mailer mailer, String to) {
        return split(compose(mailer, to).raw())[0];
    }

    private static String[] split(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        return new String[] {all.substring(0, end + 2), all.substring(end + 4)};
    }

    private static String shipped(String name) throws IOException {
        try (InputStream in = CarrierRegistry.class.getClassLoader().getResourceAsStream("carrier-config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.carrier.emoji.EmojiCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail behaviour as carrier data: which carrier an address is for mail, and the {@code [mail]} section. */
class MailProfileTest {

    private static final CarrierRegistry SHIPPED = CarrierRegistry.load(Optional.empty());

    private static String mailCarrier(CarrierRegistry r, String address) {
        return r.mailProfileOf(address).getId();
    }

    @Test
    void theShippedFilesKnowTheCarrierOfEachMailAddress() {
        assertEquals("docomo", mailCarrier(SHIPPED, "a..b.@docomo.ne.jp"));
        assertEquals("docomo", mailCarrier(SHIPPED, "\"a.b.\"@DoCoMo.ne.jp"));
        assertEquals("docomo", mailCarrier(SHIPPED, "a@docomo.ne.jp> "));
        assertEquals("au", mailCarrier(SHIPPED, "x@ezweb.ne.jp"));
        assertEquals("au", mailCarrier(SHIPPED, "x@au.com"));
        assertEquals("softbank", mailCarrier(SHIPPED, "x@softbank.ne.jp"));
        assertEquals("softbank", mailCarrier(SHIPPED, "x@t.vodafone.ne.jp"));
        // SoftBank's for the allow-list, but an iPhone's for mail (smartphone.conf [mail] domains)
        assertEquals(Optional.of("softbank"), SHIPPED.carrierOfMailAddress("x@i.softbank.jp"));
        assertEquals("smartphone", mailCarrier(SHIPPED, "x@i.softbank.jp"));
        assertEquals("smartphone", mailCarrier(SHIPPED, "x@I.SoftBank.jp"));
        assertEquals("willcom", mailCarrier(SHIPPED, "x@dj.pdx.ne.jp"));
        assertEquals("emobile", mailCarrier(SHIPPED, "x@emnet.ne.jp"));
        assertEquals("pc", mailCarrier(SHIPPED, "x@example.com"));
        assertEquals("pc", mailCarrier(SHIPPED, "no-at-sign"));
        assertEquals("pc", mailCarrier(SHIPPED, null));
    }

    @Test
    void operatorsChangesToMailDomainsCountForMail() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        r.applyOverlay(CarrierOverlay.builder()
                .removeDomain("au", "ezweb.ne.jp")
                .addDomain("docomo", "docomo.example.jp")
                .build());
        assertEquals("pc", mailCarrier(r, "x@ezweb.ne.jp"));
        assertEquals("docomo", mailCarrier(r, "x@docomo.example.jp"));
    }

    @Test
    void theShippedMailSectionsSayHowEachCarrierReadsMail() {
        MailProfile docomo = SHIPPED.profile("docomo").orElseThrow().getMail();
        assertEquals(Charset.forName("Windows-31J"), docomo.charset());
        assertEquals("Shift_JIS", docomo.charsetLabel());
        assertEquals("8bit", docomo.transferEncoding());
        assertEquals(EmojiCodec.Source.SJIS, docomo.emoji());
        MailProfile au = SHIPPED.profile("au").orElseThrow().getMail();
        assertEquals("ISO-2022-JP", au.charsetLabel());
        assertEquals("7bit", au.transferEncoding());
        assertEquals(EmojiCodec.Source.JIS, au.emoji());
        MailProfile smartphone = SHIPPED.profile("smartphone").orElseThrow().getMail();
        assertEquals(StandardCharsets.UTF_8, smartphone.charset());
        assertEquals("base64", smartphone.transferEncoding());
        assertEquals(List.of("i.softbank.jp"), smartphone.domains());
        assertEquals("ISO-2022-JP", SHIPPED.fallbackProfile().getMail().charsetLabel());
    }

    @Test
    void anOperatorsCopyChangesMailOrKeepsTheShippedSection(@TempDir Path dir) throws IOException {
        CarrierRegistry r = CarrierRegistry.load(Optional.of(dir));
        String shipped = CarrierRegistryTest.shipped("docomo.conf");
        Path file = dir.resolve("docomo.conf");

        write(
                file,
                shipped.replace(
                        "charset = Windows-31J\ncharset-label = Shift_JIS\ntransfer-encoding = 8bit\nemoji = sjis",
                        "charset = UTF-8\ncharset-label = UTF-8\ntransfer-encoding = base64\nemoji = unicode"),
                1);
        r.reloadIfChanged();
        assertEquals(List.of(), r.problems());
        assertEquals("UTF-8", r.mailProfileOf("a@docomo.ne.jp").getMail().charsetLabel());

        // a copy without [mail] keeps the shipped mail settings
        write(file, withoutMailSection(shipped), 2);
        r.reloadIfChanged();
        assertEquals(List.of(), r.problems());
        assertEquals("Shift_JIS", r.mailProfileOf("a@docomo.ne.jp").getMail().charsetLabel());

        // a new carrier without [mail] writes ISO-2022-JP (a copy of docomo's file, whose mail is Shift_JIS)
        write(
                dir.resolve("rakuten.conf"),
                withoutMailSection(shipped).replace("DoCoMo", "Rakuten").replace("docomo.ne.jp", "rakuten.jp"),
                3);
        r.reloadIfChanged();
        assertEquals(List.of(), r.problems());
        CarrierProfile rakuten = r.mailProfileOf("a@rakuten.jp");
        assertEquals("rakuten", rakuten.getId());
        assertEquals(MailProfile.DEFAULT, rakuten.getMail());
    }

    @Test
    void mistakesInTheMailSectionAreRefusedWithTheirLine() {
        String shipped = CarrierRegistryTest.shipped("docomo.conf");
        assertRefused(shipped.replace("emoji = sjis", "emoji = jis"), "emoji = jis", "carries emoji as sjis");
        assertRefused(
                shipped.replace("transfer-encoding = 8bit", "transfer-encoding = 7bit"),
                "transfer-encoding = 7bit",
                "7bit carries only ISO-2022-JP");
        assertRefused(
                shipped.replace("transfer-encoding = 8bit", "transfer-encoding = quoted"),
                "transfer-encoding = quoted",
                "transfer-encoding is");
        assertRefused(
                shipped.replace("emoji = sjis", "emoji = sjis\ncharset = EUC-JP"), "charset = EUC-JP", "given twice");
        assertRefused(
                shipped.replace(
                        "charset = Windows-31J\ncharset-label = Shift_JIS\ntransfer",
                        "charset = EUC-JP\ncharset-label = EUC-JP\ntransfer"),
                "charset = EUC-JP",
                "mail charset is");
        assertRefused(shipped.replace("emoji = sjis", "emoji = sjis\nbcc = x"), "bcc = x", "unknown key");
        assertRefused(
                shipped.replace("emoji = sjis", "emoji = sjis\ndomains = not_a domain!"),
                "domains = not_a domain!",
                "not a mail domain");
        String lacking = shipped.replace("emoji = sjis\n", "");
        assertRefused(lacking, "[mail]", "[mail] lacks 'emoji'");
    }

    private static String withoutMailSection(String text) {
        int start = text.indexOf("[mail]\n");
        int end = text.indexOf("\n[", start + 1);
        return text.substring(0, start) + text.substring(end + 1);
    }

    private static void assertRefused(String text, String badLine, String message) {
        CarrierConfigException e = assertThrows(
                CarrierConfigException.class,
                () -> CarrierFile.parse(
                        "docomo", "docomo.conf", text, EmojiCodec.bundled().carriers(), MailProfile.DEFAULT));
        int line = List.of(text.split("\n")).lastIndexOf(badLine) + 1;
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static void write(Path file, String text, int version) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)));
    }
}

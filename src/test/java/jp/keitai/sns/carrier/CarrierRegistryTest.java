package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped carrier data, reloading from an operator's directory, refusals with file and line, the overlay. */
class CarrierRegistryTest {

    static InetAddress ip(String s) {
        return Cidr.literal(s).orElseThrow();
    }

    @Test
    void shippedDataLoadsCleanly() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        assertEquals(List.of(), r.problems());
        assertEquals(
                List.of("docomo", "au", "softbank", "willcom", "emobile", "smartphone", "pc"),
                r.profiles().stream().map(CarrierProfile::getId).toList());
        assertEquals(Optional.of("docomo"), r.carrierOfMailDomain("docomo.ne.jp"));
        assertEquals(Optional.of("au"), r.carrierOfMailDomain("AU.COM"));
        assertEquals(Optional.of("au"), r.carrierOfMailAddress("taro@abc.biz.ezweb.ne.jp"));
        assertEquals(Optional.of("softbank"), r.carrierOfMailAddress("a..b.@i.softbank.jp"));
        assertEquals(Optional.of("softbank"), r.carrierOfMailDomain("t.vodafone.ne.jp"));
        assertEquals(Optional.of("willcom"), r.carrierOfMailDomain("dk.pdx.ne.jp"));
        assertEquals(Optional.empty(), r.carrierOfMailDomain("gmail.com"));
        assertEquals(Optional.empty(), r.carrierOfMailDomain("evildocomo.ne.jp"));
        assertTrue(r.isGatewayAddress("docomo", ip("210.153.84.200")));
        assertFalse(r.isGatewayAddress("au", ip("210.153.84.200")));
        assertEquals(Optional.empty(), r.gatewayCarrierOf(ip("203.0.113.7")));
        assertTrue(r.gatewayRanges("docomo").get(0).getSource().endsWith("2011-08-02"));
        // every gateway range in the shipped files sits under a "# source, date" line
        for (CarrierProfile p : r.profiles()) {
            for (GatewayRange g : r.gatewayRanges(p.getId())) {
                assertTrue(g.getSource().matches(".+, \\d{4}-\\d{2}-\\d{2}"), g.toString());
            }
        }
    }

    @Test
    void auSubdomainsAreAuForTheAllowListAndForTheMailLayerAlike() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        for (String address :
                List.of("taro@ezweb.ne.jp", "taro@sub.ezweb.ne.jp", "taro@abc.biz.ezweb.ne.jp", "a(--)l@ezweb.ne.jp")) {
            assertEquals(Optional.of("au"), r.carrierOfMailAddress(address), "allow-list: " + address);
            assertEquals("au", r.mailProfileOf(address).getId(), "mail layer: " + address);
        }
        assertEquals(Optional.empty(), r.carrierOfMailDomain("ezweb.ne.jp.example.com"));
        assertEquals(Optional.empty(), r.carrierOfMailDomain("notezweb.ne.jp"));
    }

    @Test
    void theAllowListSaysWhichPdxFormsAreWillcomHandsets() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        for (String domain : List.of("pdx.ne.jp", "di.pdx.ne.jp", "dj.pdx.ne.jp", "dk.pdx.ne.jp", "wm.pdx.ne.jp")) {
            assertEquals(Optional.of("willcom"), r.carrierOfMailDomain(domain), domain);
            assertEquals("willcom", r.mailProfileOf("phs@" + domain).getId(), domain);
        }
        assertTrue(r.mailDomains("willcom").containsAll(List.of("di.pdx.ne.jp", "dj.pdx.ne.jp", "wm.pdx.ne.jp")));
        assertFalse(r.mailDomains("willcom").contains("*.pdx.ne.jp"), "named one by one, not every subdomain");
        assertEquals(Optional.empty(), r.carrierOfMailDomain("www.pdx.ne.jp"), "not a handset address");
    }

    @Test
    void operatorFilesReloadWithoutRestartAndBrokenOnesAreRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        CarrierRegistry r = CarrierRegistry.load(Optional.of(dir));
        assertEquals(Optional.empty(), r.carrierOfMailDomain("docomo.example.jp"));

        String shipped = shipped("docomo.conf");
        Path file = dir.resolve("docomo.conf");
        write(file, shipped.replace("[mail-domains]\n", "[mail-domains]\ndocomo.example.jp\n"), 1);
        r.reloadIfChanged();
        assertEquals(Optional.of("docomo"), r.carrierOfMailDomain("docomo.example.jp"));

        // a broken edit: refused with file and line, the last good version stays
        String broken = shipped.replace("[mail-domains]\n", "[mail-domains]\ndocomo.example.jp\nnot a domain!\n");
        write(file, broken, 2);
        r.reloadIfChanged();
        assertEquals(Optional.of("docomo"), r.carrierOfMailDomain("docomo.example.jp"));
        String problem = r.problems().get(r.problems().size() - 1);
        int line = List.of(broken.split("\n")).indexOf("not a domain!") + 1;
        assertTrue(problem.startsWith(file + ":" + line + ": not a mail domain"), problem);

        // a range without its source line is refused too
        write(file, shipped.replace("[gateway]\n", "[gateway]\n192.0.2.0/24\n"), 3);
        r.reloadIfChanged();
        assertTrue(
                r.problems().get(r.problems().size() - 1).contains("has no '# source"),
                r.problems().toString());
        assertFalse(r.isGatewayAddress("docomo", ip("192.0.2.1")));

        // fixed: in force at once
        write(file, shipped.replace("[gateway]\n", "[gateway]\n# source: test lab, 2026-11-22\n192.0.2.0/24\n"), 4);
        r.reloadIfChanged();
        assertTrue(r.isGatewayAddress("docomo", ip("192.0.2.1")));
        assertEquals(Optional.empty(), r.carrierOfMailDomain("docomo.example.jp"));

        // deleting the override falls back to the shipped file
        Files.delete(file);
        r.reloadIfChanged();
        assertFalse(r.isGatewayAddress("docomo", ip("192.0.2.1")));

        // dev/QA ranges
        write(dir.resolve("dev-gateways.conf"), "[au]\n# source: QA proxy, 2026-11-22\n198.51.100.0/24\n", 5);
        r.reloadIfChanged();
        assertTrue(r.isGatewayAddress("au", ip("198.51.100.9")));
    }

    @Test
    void parserNamesTheLineOfEachMistake() {
        String shipped = shipped("docomo.conf");
        assertRefused(shipped.replace("budget = 5000", "budget = lots"), "budget = lots", "budget is a number");
        assertRefused(shipped.replace("^DoCoMo/\n", "DoCoMo/\n"), "DoCoMo/", "anchored at the start");
        assertRefused(shipped.replace("cookies = no", "cookies = maybe"), "cookies = maybe", "expected yes or no");
        assertRefused(shipped.replace("emoji = docomo", "emoji = nokia"), "emoji = nokia", "emoji is one of");
        assertRefused(shipped.replace("210.153.84.0/24", "210.153.84.1/24"), "210.153.84.1/24", "host bits set");
        assertRefused(
                shipped.replace("charset = Windows-31J", "charst = Windows-31J"),
                "charst = Windows-31J",
                "unknown key");
    }

    private static void assertRefused(String text, String badLine, String message) {
        CarrierConfigException e = assertThrows(
                CarrierConfigException.class,
                () -> CarrierFile.parse(
                        "docomo",
                        "docomo.conf",
                        text,
                        jp.keitai.sns.carrier.emoji.EmojiCodec.bundled().carriers(),
                        MailProfile.DEFAULT));
        int line = List.of(text.split("\n")).indexOf(badLine) + 1;
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void operatorOverlayAddsAndRemovesDomainsAndRanges() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        r.applyOverlay(CarrierOverlay.builder()
                .addDomain("au", "newau.ne.jp")
                .removeDomain("softbank", "disney.ne.jp")
                .addRange("docomo", "198.51.100.0/24", "docomo notice of 2026-11-01, 2026-11-22")
                .removeRange("docomo", "210.153.84.0/24")
                .build());
        assertEquals(Optional.of("au"), r.carrierOfMailDomain("newau.ne.jp"));
        assertEquals(Optional.empty(), r.carrierOfMailDomain("disney.ne.jp"));
        assertTrue(r.isGatewayAddress("docomo", ip("198.51.100.1")));
        assertFalse(r.isGatewayAddress("docomo", ip("210.153.84.1")));
        assertTrue(r.isGatewayAddress("docomo", ip("210.153.86.1")));
        assertThrows(
                IllegalArgumentException.class, () -> CarrierOverlay.builder().addDomain("au", "bad domain"));
        assertThrows(
                IllegalArgumentException.class, () -> CarrierOverlay.builder().addRange("au", "1.2.3.4/99", "x"));
        assertThrows(
                IllegalArgumentException.class,
                () -> r.applyOverlay(
                        CarrierOverlay.builder().addDomain("nokia", "nokia.jp").build()));
        r.applyOverlay(CarrierOverlay.empty());
        assertTrue(r.isGatewayAddress("docomo", ip("210.153.84.1")));
    }

    static String shipped(String name) {
        try (InputStream in = CarrierRegistry.class.getClassLoader().getResourceAsStream("carrier-config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes and sets a distinct modification time, so a reload sees the change even within one second. */
    private static void write(Path file, String text, int version) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)));
    }
}

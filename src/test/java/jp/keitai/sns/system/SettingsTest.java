package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @Test
    void defaultsAreTheContractOnes() {
        Settings s = TestDb.settings(Map.of());
        assertEquals(8080, s.httpPort());
        assertEquals("http://localhost:8080", s.baseUrl().toString());
        assertEquals("localhost", s.mailDomain());
        assertEquals(2525, s.smtpPort());
        assertEquals(Settings.OutboundMode.FILE, s.outboundMode());
        assertEquals("", s.dbUrl());
        assertTrue(s.dataDir().endsWith("data"));
        assertEquals(Settings.Registration.INVITE, s.registration());
        assertTrue(s.carrierConfigDir().isEmpty());
        assertEquals(s.dataDir().resolve("photos"), s.photosDir());
    }

    @Test
    void nodesCanShareOnePhotoDirectory() {
        Settings s = TestDb.settings(Map.of("sns.data.dir", "/tmp/node1", "sns.photos.dir", "/srv/shared/photos/"));
        assertEquals(java.nio.file.Path.of("/srv/shared/photos"), s.photosDir());
        assertEquals(java.nio.file.Path.of("/tmp/node1"), s.dataDir());
    }

    @Test
    void valuesAreTakenAndNormalised() {
        Settings s = TestDb.settings(Map.of(
                "sns.base-url", "https://sns.example.jp/",
                "sns.mail.domain", "SNS.Example.JP",
                "sns.smtp.port", "0",
                "sns.outbound.mode", "smtp",
                "sns.registration", "open"));
        assertEquals("https://sns.example.jp", s.baseUrl().toString());
        assertEquals("sns.example.jp", s.mailDomain());
        assertEquals(0, s.smtpPort());
        assertEquals(Settings.OutboundMode.SMTP, s.outboundMode());
        assertEquals(Settings.Registration.OPEN, s.registration());
    }

    @ParameterizedTest
    @CsvSource({
        "sns.http.port, eighty",
        "sns.http.port, 0",
        "sns.smtp.port, 70000",
        "sns.base-url, ftp://example.jp",
        "sns.mail.domain, not a domain",
        "sns.outbound.mode, pigeon",
        "sns.registration, everyone",
        "sns.db.url, jdbc:mysql://localhost/x",
        "sns.operator.email, nobody",
    })
    void aBadValueIsRefusedNamingItsKey(String key, String value) {
        SettingsException e = assertThrows(SettingsException.class, () -> TestDb.settings(Map.of(key, value)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void anOperatorNeedsAPasswordOfEightCharacters() {
        SettingsException e = assertThrows(
                SettingsException.class,
                () -> TestDb.settings(Map.of("sns.operator.email", "op@example.jp", "sns.operator.password", "short")));
        assertTrue(e.getMessage().contains("sns.operator.password"));
        assertTrue(!e.getMessage().contains("short"), "the password is never echoed");
    }
}

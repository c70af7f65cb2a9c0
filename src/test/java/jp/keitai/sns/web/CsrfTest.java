package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsrfTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void guestTokensAreSignedWithTheSharedKeyAndExpire(TestDb db) {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        Csrf node1 = new Csrf(null, new WebKeyStore(db.database()));
        Csrf node2 = new Csrf(null, new WebKeyStore(db.database()));
        String token = node1.guestToken(now);

        assertTrue(node2.acceptsGuestToken(token, now.plus(Duration.ofHours(11))), "another node, same key");
        assertFalse(node1.acceptsGuestToken(token, now.plus(Duration.ofHours(13))), "expired");
        assertFalse(node1.acceptsGuestToken(token, now.minus(Duration.ofMinutes(10))), "from the future");
        assertFalse(node1.acceptsGuestToken(token.substring(0, token.length() - 1) + "A", now), "forged signature");
        String later = node1.guestToken(now.plus(Duration.ofHours(1)));
        String moved = later.substring(0, later.indexOf('.')) + token.substring(token.indexOf('.'));
        assertFalse(node1.acceptsGuestToken(moved, now.plus(Duration.ofHours(1))), "a signature belongs to its time");
        assertFalse(node1.acceptsGuestToken("g.x", now));
        assertFalse(node1.acceptsGuestToken("gzz.x", now));
        assertEquals(
                new WebKeyStore(db.database()).secret("csrf-guest"),
                new WebKeyStore(db.database()).secret("csrf-guest"),
                "made once");
    }

    @Test
    void originMustBeThisHost() {
        URI here = URI.create("http://sns.example.jp:8080/login");
        assertTrue(CsrfFilter.sameSite("http://sns.example.jp:8080", here));
        assertTrue(CsrfFilter.sameSite("https://SNS.example.jp", here));
        assertFalse(CsrfFilter.sameSite("http://evil.example", here));
        assertFalse(CsrfFilter.sameSite("null", here));
        assertFalse(CsrfFilter.sameSite("::", here));
    }

    @Test
    void theTokenIsReadFromTheHeadOfAMultipartBody() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok-1\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--b--\r\n";
        assertEquals("tok-1", CsrfFilter.multipartField(body, "_csrf"));
        assertNull(CsrfFilter.multipartField(body.substring(0, 56), "_csrf"), "cut before the value ends");
        assertNull(CsrfFilter.multipartField("--b\r\nContent-Disposition: form-data; name=\"title\"", "_csrf"));
    }

    @Test
    void theTokenIsReadFromTheForm() {
        assertEquals("a b/=", CsrfFilter.formField("x=1&_csrf=a+b%2F%3D&y=2", "_csrf"));
        assertEquals("", CsrfFilter.formField("_csrf", "_csrf"));
        assertNull(CsrfFilter.formField("x=1", "_csrf"));
        assertNull(CsrfFilter.formField("", "_csrf"));
    }
}

package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service starts on the configured database, answers readiness, and renders by device family. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @Test
    void healthReportsTheDatabaseInUse() {
        HttpResponse<byte[]> r = new Http(base).get("/health", Http.PC_UA);
        String json = Http.text(r, StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), json);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json.contains("\"status\":\"UP\""), json);
        assertTrue(json.contains("\"database\":\"" + System.getProperty("it.db") + "\""), json);
    }

    @Test
    void theBenchmarkPageIsNotServedWithoutTheBenchmarkSetting() {
        assertEquals(
                404,
                new Http(base).get("/static/ceiling.jsp", Http.DOCOMO_FOMA_UA).statusCode());
    }

    @Test
    void pcGetsTheUtf8TopPage() {
        HttpResponse<byte[]> r = new Http(base).get("/", Http.PC_UA);
        assertEquals(200, r.statusCode());
        assertEquals(
                "text/html;charset=UTF-8",
                r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        String html = Http.text(r, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("ログイン"), html);
        assertTrue(html.contains("name=\"email\"") && html.contains("name=\"password\""), html);
    }

    @Test
    void docomoGetsTheShiftJisKeitaiTopPage() {
        HttpResponse<byte[]> r = new Http(base).get("/", Http.DOCOMO_FOMA_UA);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").endsWith("charset=Shift_JIS"));
        String html = Http.text(r, Charset.forName("Windows-31J"));
        assertFalse(html.contains("<!DOCTYPE html>"), "keitai template expected");
        assertTrue(html.contains("ﾛｸﾞｲﾝ"), html);
        // the body really is Shift_JIS: ﾛ is one byte (0xDB) there, three in UTF-8
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("ﾛｸﾞｲﾝ"));
    }
}

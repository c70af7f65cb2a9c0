package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Handsets;
import jp.keitai.sns.testsupport.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The handset edge against the running server: every User-Agent of the fixture table from inside and outside its
 * carrier's gateway ranges, with and without ID headers; encoded bytes of pages and forms; byte budgets; URL sessions.
 * The test client is a trusted proxy (arquillian.xml), so X-Forwarded-For places it behind any gateway.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandsetEdgeIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final String MOVA = "DoCoMo/1.0/N505i/c20/TB/W20H10";
    static final String FOMA = "DoCoMo/2.0 P903i(c100;TB;W24H12)";
    static final String AU = "KDDI-CA39 UP.Browser/6.2.0.13.1.5 (GUI) MMP/2.0";
    static final String SOFTBANK = "SoftBank/1.0/910T/TJ001/SN359466000000000 Browser/NetFront/3.3";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app()
                .addClass(EdgeProbeResource.class)
                .addAsWebInfResource(new ClassLoaderAsset("edgeprobe/long.jsp"), "templates/edgeprobe/long.jsp");
    }

    @ArquillianResource
    URL base;

    /** The server over loopback: the test client is then a trusted proxy (arquillian.xml). */
    Http local() {
        try {
            return new Http(new URL(base.getProtocol(), "127.0.0.1", base.getPort(), base.getFile()));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String path, String ua, String... headers) {
        return get(local(), path, ua, headers);
    }

    static HttpResponse<byte[]> get(Http http, String path, String ua, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).header("User-Agent", ua);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.GET().build());
    }

    /** The signed guest token from the top page, fetched with the same handset and headers as the post. */
    String guestToken(String ua, String... headers) {
        return Http.csrf(new String(get("/", ua, headers).body(), StandardCharsets.ISO_8859_1));
    }

    /** Raw form bytes as a guest's handset sends them, headed by the guest {@code _csrf} token every POST needs. */
    HttpResponse<byte[]> post(String path, String ua, byte[] body, String... headers) {
        byte[] token = ("_csrf=" + guestToken(ua, headers) + "&").getBytes(StandardCharsets.US_ASCII);
        byte[] withToken = new byte[token.length + body.length];
        System.arraycopy(token, 0, withToken, 0, token.length);
        System.arraycopy(body, 0, withToken, token.length, body.length);
        body = withToken;
        HttpRequest.Builder b = HttpRequest.newBuilder(local().uri(path))
                .header("User-Agent", ua)
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return new Http(base)
                .send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static String json(HttpResponse<byte[]> r, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\"([^\"]*)\"|[^,}]+)")
                .matcher(new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(m.find(), key + " in " + new String(r.body(), StandardCharsets.UTF_8));
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    static String contentType(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    @Test
    void everyHandsetOfTheTableInsideAndOutsideItsGateway() {
        Map<String, Handsets.Gateway> gateways = Handsets.gateways();
        int requests = 0;
        for (Handsets.Agent a : Handsets.agents()) {
            Handsets.Gateway own = gateways.get(a.carrier());
            String header = own.idHeader() == null ? "X-DCMGUID" : own.idHeader();

            // outside every range, with a forged ID header: that carrier's pages, unverified, the ID never read
            HttpResponse<byte[]> out =
                    get("/edge/handset", a.userAgent(), "X-Forwarded-For", Handsets.OUTSIDE, header, "SPOOF123");
            assertEquals(a.carrier(), json(out, "carrier"), a.toString());
            assertEquals(a.generation(), json(out, "generation"), a.toString());
            assertEquals(a.budget(), Integer.parseInt(json(out, "pageBudget")), a.toString());
            assertEquals("false", json(out, "verified"), a.toString());
            assertEquals("false", json(out, "subscriberIdAccepted"), a.toString());
            assertEquals(Handsets.OUTSIDE, json(out, "clientIp"));

            // the top page fits the handset's budget, in its charset
            HttpResponse<byte[]> top = get("/", a.userAgent(), "X-Forwarded-For", Handsets.OUTSIDE);
            assertEquals(200, top.statusCode(), a.toString());
            String type = contentType(top);
            String charset = json(out, "charset");
            assertTrue(type.endsWith("charset=" + charset), a + ": " + type);
            assertTrue(type.startsWith(json(out, "contentType")), a + ": " + type);
            if (a.budget() > 0) {
                assertTrue(top.body().length <= a.budget(), a + ": " + top.body().length + " bytes");
            }
            Charset cs = charset.equals("Shift_JIS") ? SJIS : StandardCharsets.UTF_8;
            String html = new String(top.body(), cs);
            assertTrue(html.contains("ケータイSNS"), a.toString());
            assertArrayEquals(top.body(), html.getBytes(cs), a + ": clean " + charset);
            requests += 2;

            if (own.inside() == null) {
                continue;
            }
            // inside its own gateway: verified; the ID header read over HTTP only
            HttpResponse<byte[]> in =
                    get("/edge/handset", a.userAgent(), "X-Forwarded-For", own.inside(), header, "REAL123");
            assertEquals("true", json(in, "verified"), a.toString());
            assertEquals(String.valueOf(own.idHeader() != null), json(in, "subscriberIdAccepted"), a.toString());
            HttpResponse<byte[]> https = get(
                    "/edge/handset",
                    a.userAgent(),
                    "X-Forwarded-For",
                    own.inside(),
                    "X-Forwarded-Proto",
                    "https",
                    header,
                    "REAL123");
            assertEquals("true", json(https, "secure"), a.toString());
            assertEquals("false", json(https, "subscriberIdAccepted"), "never over HTTPS: " + a);
            // another carrier's gateway does not vouch for this handset's ID header
            String foreign = a.carrier().equals("docomo") ? "210.230.128.225" : "210.153.84.1";
            HttpResponse<byte[]> wrong =
                    get("/edge/handset", a.userAgent(), "X-Forwarded-For", foreign, header, "SPOOF123");
            assertEquals("false", json(wrong, "subscriberIdAccepted"), a.toString());
            requests += 3;
        }
        assertTrue(requests >= 150, "requests: " + requests);
    }

    @Test
    void spoofedDcmguidFromAnUntrustedHopIsNeverRead() {
        // X-Forwarded-For naming a docomo gateway, but added by a hop we do not run: the client is that hop
        HttpResponse<byte[]> r =
                get("/edge/handset", FOMA, "X-Forwarded-For", "210.153.84.1, 198.51.100.20", "X-DCMGUID", "SPOOF");
        assertEquals("198.51.100.20", json(r, "clientIp"));
        assertEquals("false", json(r, "verified"));
        assertEquals("false", json(r, "subscriberIdAccepted"));
        // from a peer that is no trusted proxy at all, X-Forwarded-For is ignored
        String host = base.getHost();
        if (!host.startsWith("127.")
                && !host.equals("localhost")
                && !host.startsWith("10.")
                && !host.startsWith("192.168.")
                && !host.startsWith("172.")) {
            HttpResponse<byte[]> direct = get(
                    Http.direct(base), "/edge/handset", FOMA, "X-Forwarded-For", "210.153.84.1", "X-DCMGUID", "SPOOF");
            assertFalse(json(direct, "clientIp").equals("210.153.84.1"));
            assertEquals("false", json(direct, "subscriberIdAccepted"));
        }
    }

    @Test
    void movaGetsAShiftJisChtmlPageUnder5000BytesThatW3mReads() throws Exception {
        HttpResponse<byte[]> r = get("/", MOVA, "X-Forwarded-For", "210.153.84.1");
        assertEquals("text/html;charset=Shift_JIS", contentType(r));
        assertTrue(r.body().length < 5000, r.body().length + " bytes");
        String html = new String(r.body(), SJIS);
        assertTrue(html.startsWith("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD Compact HTML 1.0 Draft//EN\">"), html);
        assertTrue(html.contains("charset=Shift_JIS"));
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("istyle=\"3\""), "input mode from the profile");
        assertTrue(html.contains("accesskey=\"1\""), html);
        assertTrue(html.contains("guid=ON"), "docomo links over HTTP carry guid=ON");
        // ﾛｸﾞｲﾝ is one byte per character in Shift_JIS
        assertTrue(indexOf(r.body(), "ﾛｸﾞｲﾝ".getBytes(SJIS)) >= 0);
        File w3m = new File("/usr/bin/w3m");
        if (w3m.canExecute()) {
            Path file = Files.createTempFile("mova", ".html");
            Files.write(file, r.body());
            Process p = new ProcessBuilder(
                            "w3m", "-dump", "-T", "text/html", "-I", "Shift_JIS", "-O", "UTF-8", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            // w3m shows half-width kana as full-width (ﾛｸﾞｲﾝ → ロク゛イン); the Japanese must come out whole
            assertTrue(dump.contains("ケータイSNS"), dump);
            assertTrue(dump.contains("はじめての方は招待メールのURLから登録してください。"), dump);
            assertTrue(dump.contains("ロク゛イン") || dump.contains("ﾛｸﾞｲﾝ") || dump.contains("ログイン"), dump);
            Files.delete(file);
        }
    }

    @Test
    void fomaGetsXhtmlAsApplicationXhtmlXml() {
        HttpResponse<byte[]> r = get("/", FOMA, "X-Forwarded-For", Handsets.OUTSIDE);
        assertEquals("application/xhtml+xml;charset=Shift_JIS", contentType(r));
        String html = new String(r.body(), SJIS);
        assertTrue(html.startsWith("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>"), html);
        assertTrue(html.contains("i-XHTML"), html);
    }

    @Test
    void emojiAndWaveDashGoOutAsEachCarriersBytes() {
        // the probe page says 晴れ☀️でした～: ☀ is F89F for docomo, F660 for au, U+E04A for SoftBank 3G
        assertTrue(indexOf(get("/edge-probe/long?n=1", MOVA).body(), hex("F89F")) >= 0, "docomo sun");
        assertTrue(indexOf(get("/edge-probe/long?n=1", MOVA).body(), hex("8160")) >= 0, "～ as 8160");
        assertTrue(indexOf(get("/edge-probe/long?n=1", AU).body(), hex("F660")) >= 0, "au sun");
        byte[] sb = get("/edge-probe/long?n=1", SOFTBANK).body();
        assertTrue(indexOf(sb, "\uE04A".getBytes(StandardCharsets.UTF_8)) >= 0, "SoftBank sun");
        byte[] pc = get("/edge-probe/long?n=1", Http.PC_UA).body();
        assertTrue(indexOf(pc, "\u2600\uFE0F".getBytes(StandardCharsets.UTF_8)) >= 0, "PC keeps Unicode");
        byte[] willcom = get(
                        "/edge-probe/long?n=1",
                        "Mozilla/3.0(WILLCOM;KYOCERA/WX310K/2;1.2.2.16.000000/0.1/C100) Opera 7.0")
                .body();
        assertTrue(indexOf(willcom, hex("F89F")) >= 0, "WILLCOM shows docomo-compatible pictograms");
        assertTrue(new String(willcom, SJIS).contains("晴れ\uE63Eでした～"), "no ? for an emoji or a wave dash");
    }

    @Test
    void formsPostedInShiftJisArriveAsUnicode() {
        // 日記～ + docomo sun F89F + an invalid byte pair
        byte[] body = "text=%93%FA%8BL%81%60%F8%9F%82".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> r = post("/edge-probe/echo", MOVA, body);
        assertEquals(200, r.statusCode());
        assertEquals("U+65E5 U+8A18 U+FF5E U+2600 U+FE0F U+FFFD", json(r, "codepoints"));
        HttpResponse<byte[]> q = get("/edge-probe/echo?text=%F6%60+%93%FA", AU);
        assertEquals("U+2600 U+FE0F U+0020 U+65E5", json(q, "codepoints"));
        // SoftBank 3G posts UTF-8 with its private-use emoji
        HttpResponse<byte[]> s =
                post("/edge-probe/echo", SOFTBANK, "text=%EE%81%8A".getBytes(StandardCharsets.US_ASCII));
        assertEquals("U+2600 U+FE0F", json(s, "codepoints"));
        // broken escapes and bytes: replaced, never a 500
        HttpResponse<byte[]> bad =
                post("/edge-probe/echo", MOVA, "text=%E3%81%ZZ%FF%FF".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, bad.statusCode());
        // over the limit: a clear refusal in the handset's charset
        byte[] big = ("text=" + "a".repeat(140_000)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> tooBig = post("/edge-probe/echo", MOVA, big);
        assertEquals(413, tooBig.statusCode());
        assertTrue(new String(tooBig.body(), SJIS).contains("大きすぎます"));
    }

    @Test
    void longPagesSplitIntoPartsWithinTheBudget() {
        String first = "/edge-probe/long?n=200";
        HttpResponse<byte[]> r = get(first, MOVA, "X-Forwarded-For", Handsets.OUTSIDE);
        int parts = 0;
        List<Integer> sizes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String path = first;
        while (path != null && parts < 50) {
            r = get(path, MOVA, "X-Forwarded-For", Handsets.OUTSIDE);
            assertEquals(200, r.statusCode());
            assertTrue(r.body().length <= 5000, "part " + (parts + 1) + ": " + r.body().length);
            sizes.add(r.body().length);
            String html = new String(r.body(), SJIS);
            assertArrayEquals(r.body(), html.getBytes(SJIS), "no cut character");
            parts++;
            text.append(html.replaceAll("<div style=\"text-align:center\">.*?</div>", "")
                    .replaceAll("<[^>]+>", ""));
            Matcher next =
                    Pattern.compile("<a href=\"([^\"]+)\" accesskey=\"#\">").matcher(html);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
            if (parts > 1) {
                assertTrue(html.contains("accesskey=\"*\""), "前へ on part " + parts);
            }
        }
        assertTrue(parts >= 3, "parts: " + parts + " " + sizes);
        for (int i = 1; i <= 200; i++) {
            assertTrue(text.toString().replace("\n", "").contains("第" + i + "話"), "item " + i + " shown once split");
        }
    }

    @Test
    void cookielessHandsetsCarryTheSessionInUrlsAndSignedInPagesAreNotStored() {
        HttpResponse<byte[]> mova = get("/edge-probe/long?n=3&signedIn=1", MOVA, "X-Forwarded-For", "210.153.84.1");
        String html = new String(mova.body(), SJIS);
        assertTrue(html.contains("/diary/1?sid=T0k3n-abc&amp;guid=ON"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"sid\" value=\"T0k3n-abc\">"), "GET form: " + html);
        assertTrue(html.contains("action=\"/edge-probe/echo?sid=T0k3n-abc&amp;guid=ON\""), html);
        assertTrue(html.contains("href=\"/out?url=https%3A%2F%2Fexample.com%2Fpage%3Fx%3D1%26y%3D2\""), html);
        assertFalse(html.contains("/out?url=https%3A%2F%2Fexample.com%2Fpage%3Fx%3D1%26y%3D2&amp;sid"), html);
        assertTrue(mova.headers().firstValue("Cache-Control").orElse("").contains("no-store"));

        HttpResponse<byte[]> redirect = get("/edge-probe/redirect?signedIn=1", MOVA);
        assertEquals(303, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElse("").contains("sid=T0k3n-abc"));
        assertTrue(redirect.headers().firstValue("Cache-Control").orElse("").contains("no-store"));

        // SoftBank 3G keeps cookies: no id in URLs, still no-store
        HttpResponse<byte[]> sb = get("/edge-probe/long?n=3&signedIn=1", SOFTBANK);
        assertFalse(new String(sb.body(), StandardCharsets.UTF_8).contains("sid="));
        assertTrue(sb.headers().firstValue("Cache-Control").orElse("").contains("no-store"));

        // a guest: neither
        HttpResponse<byte[]> guest = get("/edge-probe/long?n=3", MOVA);
        assertFalse(new String(guest.body(), SJIS).contains("sid="));
        assertFalse(guest.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void theInterstitialLinksOutWithoutTheSessionId() {
        HttpResponse<byte[]> r = get("/out?url=https%3A%2F%2Fexample.com%2Fpage%3Fx%3D1", MOVA);
        assertEquals(200, r.statusCode());
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
        String html = new String(r.body(), SJIS);
        assertTrue(html.contains("<a href=\"https://example.com/page?x=1\">"), html);
        assertEquals(400, get("/out?url=javascript%3Aalert(1)", MOVA).statusCode());
    }

    static void assertArrayEquals(byte[] expected, byte[] actual, String message) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, message);
    }

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

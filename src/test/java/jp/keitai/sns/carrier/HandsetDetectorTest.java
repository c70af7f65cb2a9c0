package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.testsupport.Handsets;
import org.junit.jupiter.api.Test;

/** Detection from the User-Agent table and gateway addresses, without a server. */
class HandsetDetectorTest {

    static final CarrierRegistry registry = CarrierRegistry.load(Optional.empty());
    static final HandsetDetector detector = new HandsetDetector(registry, TrustedProxies.parse("10.0.0.0/8"));

    static Handset detect(String remote, boolean https, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return detector.detect(remote, https, map::get);
    }

    @Test
    void everyUserAgentInTheTableIsRecognised() {
        List<Handsets.Agent> agents = Handsets.agents();
        assertTrue(agents.size() >= 40, "at least 40 real User-Agents");
        for (Handsets.Agent a : agents) {
            Handset h = detect(Handsets.OUTSIDE, false, "User-Agent", a.userAgent());
            assertEquals(a.carrier(), h.getCarrier(), a.toString());
            assertEquals(a.generation(), h.getGeneration(), a.toString());
            assertEquals(a.model(), h.getModel(), a.toString());
            assertEquals(a.budget(), h.getPageBudget(), a.toString());
            assertFalse(h.isVerified(), a.toString());
        }
    }

    @Test
    void subscriberIdOnlyFromTheOwningGatewayOverPlainHttp() {
        Map<String, Handsets.Gateway> gateways = Handsets.gateways();
        for (Handsets.Agent a : Handsets.agents()) {
            Handsets.Gateway own = gateways.get(a.carrier());
            if (own.inside() == null || own.idHeader() == null) {
                continue;
            }
            Handset inside = detect(own.inside(), false, "User-Agent", a.userAgent(), own.idHeader(), "ID0123abc");
            assertTrue(inside.isVerified(), a.toString());
            assertEquals(Optional.of("ID0123abc"), inside.verifiedSubscriberId(), a.toString());
            assertFalse(inside.toString().contains("ID0123abc"), "never in toString");

            Handset https = detect(own.inside(), true, "User-Agent", a.userAgent(), own.idHeader(), "ID0123abc");
            assertEquals(Optional.empty(), https.verifiedSubscriberId(), "never over HTTPS: " + a);

            Handset spoofed = detect(Handsets.OUTSIDE, false, "User-Agent", a.userAgent(), own.idHeader(), "ID0123abc");
            assertEquals(a.carrier(), spoofed.getCarrier(), "still that carrier's pages");
            assertTrue(spoofed.isUnverifiedHandset());
            assertEquals(Optional.empty(), spoofed.verifiedSubscriberId(), "spoofed from outside: " + a);

            for (Handsets.Gateway other : gateways.values()) {
                if (other.inside() != null && !other.carrier().equals(a.carrier())) {
                    Handset wrong =
                            detect(other.inside(), false, "User-Agent", a.userAgent(), own.idHeader(), "ID0123abc");
                    assertEquals(Optional.empty(), wrong.verifiedSubscriberId(), a + " via " + other.carrier());
                    assertFalse(wrong.isVerified());
                }
            }
        }
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromTrustedProxies() {
        String docomo = "DoCoMo/2.0 P903i(c100;TB;W24H12)";
        Handset viaProxy =
                detect("10.0.0.2", false, "User-Agent", docomo, "X-Forwarded-For", "210.153.84.1", "X-DCMGUID", "abc");
        assertTrue(viaProxy.isVerified());
        assertEquals("210.153.84.1", viaProxy.getClientIp());
        assertEquals(Optional.of("abc"), viaProxy.verifiedSubscriberId());

        Handset chain = detect(
                "10.0.0.2", false, "User-Agent", docomo, "X-Forwarded-For", "210.153.84.1, 10.9.9.9", "X-DCMGUID", "x");
        assertEquals("210.153.84.1", chain.getClientIp());

        Handset forgedLeft = detect(
                "10.0.0.2",
                false,
                "User-Agent",
                docomo,
                "X-Forwarded-For",
                "210.153.84.1, 198.51.100.9",
                "X-DCMGUID",
                "x");
        assertEquals("198.51.100.9", forgedLeft.getClientIp(), "the rightmost untrusted hop is the client");
        assertFalse(forgedLeft.isVerified());

        Handset untrusted = detect(
                "198.51.100.1", false, "User-Agent", docomo, "X-Forwarded-For", "210.153.84.1", "X-DCMGUID", "x");
        assertEquals("198.51.100.1", untrusted.getClientIp());
        assertFalse(untrusted.isVerified());
        assertEquals(Optional.empty(), untrusted.verifiedSubscriberId());

        Handset https = detect(
                "10.0.0.2",
                false,
                "User-Agent",
                docomo,
                "X-Forwarded-For",
                "210.153.84.1",
                "X-Forwarded-Proto",
                "https",
                "X-DCMGUID",
                "x");
        assertTrue(https.isSecure());
        assertEquals(Optional.empty(), https.verifiedSubscriberId());
        assertEquals("", https.getHttpLinkParams(), "guid=ON only over plain HTTP");

        Handset garbage = detect("10.0.0.2", false, "User-Agent", docomo, "X-Forwarded-For", "evil.example.com");
        assertEquals("10.0.0.2", garbage.getClientIp());
    }

    @Test
    void profilesDriveCharsetContentTypeAndSessions() {
        Handset mova = detect(Handsets.OUTSIDE, false, "User-Agent", "DoCoMo/1.0/N505i/c20/TB/W20H10");
        assertEquals("Shift_JIS", mova.getCharsetLabel());
        assertEquals("text/html", mova.getContentType());
        assertFalse(mova.isCookies());
        assertTrue(mova.isUrlSession());
        assertEquals("guid=ON", mova.getHttpLinkParams());
        assertEquals(List.of("docomo", "keitai"), mova.templateSuffixes());
        assertEquals("istyle=\"1\"", mova.getInput().getHiragana());

        Handset foma = detect(Handsets.OUTSIDE, false, "User-Agent", "DoCoMo/2.0 P903i(c100;TB;W24H12)");
        assertEquals("application/xhtml+xml", foma.getContentType());
        assertTrue(foma.isXhtml());

        Handset sb3g = detect(Handsets.OUTSIDE, false, "User-Agent", "SoftBank/1.0/910T/TJ001 Browser/NetFront/3.3");
        assertEquals("UTF-8", sb3g.getCharsetLabel());
        assertTrue(sb3g.isCookies());
        assertEquals("mode=\"hiragana\"", sb3g.getInput().getHiragana());

        Handset pdc = detect(Handsets.OUTSIDE, false, "User-Agent", "J-PHONE/4.3/V601SH/SNJSHA3029293 SH/0007aa");
        assertEquals("Shift_JIS", pdc.getCharsetLabel());

        Handset au = detect(
                Handsets.OUTSIDE,
                false,
                "User-Agent",
                "KDDI-CA39 UP.Browser/6.2.0.13.1.5 (GUI) MMP/2.0",
                "X-UP-DEVCAP-MAX-PDU",
                "8000");
        assertEquals(8000, au.getPageBudget(), "au states its limit in X-UP-DEVCAP-MAX-PDU");
        assertTrue(au.getInput().getHiragana().contains("-wap-input-format"));

        Handset pc = detect(Handsets.OUTSIDE, false);
        assertEquals("pc", pc.getCarrier());
        assertEquals(List.of("pc"), pc.templateSuffixes());
    }
}

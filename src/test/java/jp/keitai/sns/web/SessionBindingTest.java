package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.carrier.HandsetDetector;
import jp.keitai.sns.carrier.TrustedProxies;
import jp.keitai.sns.testsupport.Http;
import org.junit.jupiter.api.Test;

class SessionBindingTest {

    static final HandsetDetector detector =
            new HandsetDetector(CarrierRegistry.load(Optional.empty()), TrustedProxies.parse("10.0.0.0/8"));

    static final String FOMA = Http.DOCOMO_FOMA_UA;
    static final String AU = "KDDI-SA31 UP.Browser/6.2.0.7.3.129 (GUI) MMP/2.0";
    static final String DOCOMO_GW = "210.153.84.1";
    static final String DOCOMO_GW2 = "210.153.84.200";
    static final String AU_GW = "210.230.128.225";
    static final String OUTSIDE = "203.0.113.7";

    static Handset at(String remote, boolean https, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return detector.detect(remote, https, map::get);
    }

    @Test
    void aSessionStartedWithASubscriberIdNeedsThatIdOrItsCarriersGateway() {
        String bound = SessionBinding.of(at(DOCOMO_GW, false, "User-Agent", FOMA, "X-DCMGUID", "ABC1234"));
        assertFalse(bound.contains("ABC1234"), "the ID is stored hashed");
        assertTrue(SessionBinding.matches(bound, at(DOCOMO_GW2, false, "User-Agent", FOMA, "X-DCMGUID", "ABC1234")));
        assertTrue(
                SessionBinding.matches(bound, at(DOCOMO_GW, true, "User-Agent", FOMA)),
                "over HTTPS the carrier withholds the ID; its gateway still vouches for the carrier");
        assertFalse(
                SessionBinding.matches(bound, at(DOCOMO_GW, false, "User-Agent", FOMA, "X-DCMGUID", "OTHER99")),
                "another handset");
        assertFalse(SessionBinding.matches(bound, at(OUTSIDE, false, "User-Agent", Http.PC_UA)), "a PC browser");
        assertFalse(
                SessionBinding.matches(bound, at(OUTSIDE, false, "User-Agent", FOMA, "X-DCMGUID", "ABC1234")),
                "a docomo User-Agent from outside the gateway");
        assertFalse(
                SessionBinding.matches(bound, at(AU_GW, false, "User-Agent", AU, "X-UP-SUBNO", "ABC1234")),
                "another carrier");
    }

    @Test
    void withoutAnIdTheSessionIsBoundToTheCarriersGatewayOrElseTheAddress() {
        String gw = SessionBinding.of(at(AU_GW, true, "User-Agent", AU));
        assertTrue(SessionBinding.matches(gw, at(AU_GW, true, "User-Agent", AU)));
        assertFalse(SessionBinding.matches(gw, at(OUTSIDE, true, "User-Agent", AU)));
        assertFalse(SessionBinding.matches(gw, at(DOCOMO_GW, true, "User-Agent", FOMA)));

        String emulator = SessionBinding.of(at(OUTSIDE, false, "User-Agent", FOMA));
        assertTrue(SessionBinding.matches(emulator, at(OUTSIDE, false, "User-Agent", FOMA)));
        assertFalse(SessionBinding.matches(emulator, at("198.51.100.1", false, "User-Agent", FOMA)));
        assertFalse(SessionBinding.matches(emulator, at(OUTSIDE, false, "User-Agent", Http.PC_UA)));
        assertFalse(SessionBinding.matches(null, at(OUTSIDE, false, "User-Agent", FOMA)), "unbound: nobody");
    }
}

package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped gateway ranges against the published lists they were taken from (README, "Carrier data"): every block
 * holds as many ranges as its source line says the source adds, every range parses, no range is listed twice, and no
 * range of one carrier overlaps another carrier's.
 */
class CarrierSourcesTest {

    /**
     * Ranges each source adds, in file order, per carrier. The numbers were counted in the mirrors named in the files'
     * source lines: docomo 8, au 45 (2011-08-02) plus 1 of a later list of 29, SoftBank 3 (2011-08-02) plus 1 of the
     * 2010-04-19 list of 4 plus 10 of a later list, WILLCOM 122 distinct of jpmobile's 142 entries plus 38 of a
     * list of 140 plus 3 of a list of 45 distinct, EMOBILE 1.
     */
    static final Map<String, List<Integer>> PER_SOURCE = Map.of(
            "docomo", List.of(8),
            "au", List.of(45, 1),
            "softbank", List.of(3, 1, 10),
            "willcom", List.of(122, 38, 3),
            "emobile", List.of(1),
            "smartphone", List.of(),
            "pc", List.of());

    /** Totals per carrier: the union of its published lists. */
    static final Map<String, Integer> TOTAL =
            Map.of("docomo", 8, "au", 46, "softbank", 14, "willcom", 163, "emobile", 1, "smartphone", 0, "pc", 0);

    @Test
    void eachCarrierShipsEveryRangeOfItsPublishedListsUnderTheirSourceLines() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        assertEquals(List.of(), r.problems());
        for (CarrierProfile p : r.profiles()) {
            String carrier = p.getId();
            List<GatewayRange> ranges = r.gatewayRanges(carrier);
            assertEquals(TOTAL.get(carrier), ranges.size(), carrier + ": ranges shipped");
            Map<String, Integer> perSource = new LinkedHashMap<>();
            for (GatewayRange g : ranges) {
                perSource.merge(g.getSource(), 1, Integer::sum);
            }
            assertEquals(PER_SOURCE.get(carrier), new ArrayList<>(perSource.values()), carrier + ": " + perSource);
            Set<Cidr> seen = new HashSet<>();
            for (GatewayRange g : ranges) {
                assertTrue(seen.add(g.cidr()), carrier + " lists " + g.getRange() + " twice");
                // canonical text: it parses back to itself (no host bits, no leading zeros)
                assertEquals(g.getRange(), Cidr.parse(g.getRange()).toString());
                assertTrue(g.getSource().matches(".+, \\d{4}-\\d{2}-\\d{2}"), g.toString());
            }
        }
    }

    @Test
    void theIssueCaseWillcomCoversAllOfJpmobilesList() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        // from different parts of jpmobile's willcom.rb; the old file held only 114.20.49–67 of it
        for (String a : List.of(
                "61.198.128.1",
                "61.198.138.103",
                "61.204.95.200",
                "125.28.17.1",
                "211.126.192.200",
                "219.108.7.9",
                "221.119.9.1",
                "114.21.255.30",
                "210.255.190.1",
                "221.109.150.1")) {
            assertTrue(r.isGatewayAddress("willcom", CarrierRegistryTest.ip(a)), a);
        }
        assertFalse(r.isGatewayAddress("willcom", CarrierRegistryTest.ip("61.198.138.104")));
        assertFalse(r.isGatewayAddress("willcom", CarrierRegistryTest.ip("114.21.255.32")));
    }

    @Test
    void noCarriersRangesOverlap() {
        CarrierRegistry r = CarrierRegistry.load(Optional.empty());
        List<GatewayRange> all = new ArrayList<>();
        for (CarrierProfile p : r.profiles()) {
            all.addAll(r.gatewayRanges(p.getId()));
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                GatewayRange a = all.get(i);
                GatewayRange b = all.get(j);
                if (!a.getCarrier().equals(b.getCarrier())) {
                    assertFalse(overlap(a.cidr(), b.cidr()), a + " overlaps " + b);
                }
            }
        }
    }

    static boolean overlap(Cidr a, Cidr b) {
        return a.contains(network(b)) || b.contains(network(a));
    }

    static InetAddress network(Cidr c) {
        String s = c.toString();
        return Cidr.literal(s.substring(0, s.indexOf('/'))).orElseThrow();
    }
}

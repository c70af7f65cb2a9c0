package jp.keitai.sns.carrier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One consistent view of the carrier data in force: the files' profiles, mail domains and gateway ranges with the
 * operators' overlay laid over them. Immutable; {@link CarrierRegistry} replaces it whole on a reload or an overlay
 * change, so a reader never sees half of either.
 */
final class CarrierSnapshot {

    final Map<String, CarrierProfile> profiles;
    final CarrierProfile fallback;
    /** As the files say, before the overlay (kept to lay a new overlay over). */
    final Map<String, List<String>> fileDomains;

    final List<GatewayRange> fileRanges;
    /** In force: files plus overlay. */
    final Map<String, List<String>> domains;

    final List<GatewayRange> ranges;
    private final DomainTable carrierDomains;
    private final DomainTable mailDomains;

    private CarrierSnapshot(
            Map<String, CarrierProfile> profiles,
            Map<String, List<String>> fileDomains,
            List<GatewayRange> fileRanges,
            Map<String, List<String>> domains,
            List<GatewayRange> ranges) {
        this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        this.fallback = profiles.values().stream()
                .filter(CarrierProfile::isFallback)
                .findFirst()
                .orElseThrow();
        this.fileDomains = fileDomains;
        this.fileRanges = List.copyOf(fileRanges);
        this.domains = domains;
        this.ranges = List.copyOf(ranges);
        this.carrierDomains = new DomainTable(domains);
        Map<String, List<String>> mail = new LinkedHashMap<>();
        profiles.forEach((id, p) -> mail.put(id, p.getMail().domains()));
        this.mailDomains = new DomainTable(mail);
    }

    /** The files' data with {@code overlay} laid over it. */
    static CarrierSnapshot build(
            Map<String, CarrierProfile> profiles,
            Map<String, List<String>> fileDomains,
            List<GatewayRange> fileRanges,
            CarrierOverlay overlay) {
        Map<String, List<String>> domains = new LinkedHashMap<>();
        for (String carrier : profiles.keySet()) {
            Set<String> set = new LinkedHashSet<>(fileDomains.getOrDefault(carrier, List.of()));
            set.addAll(overlay.addedDomains(carrier));
            set.removeAll(overlay.removedDomains(carrier));
            domains.put(carrier, List.copyOf(set));
        }
        List<GatewayRange> ranges = new ArrayList<>();
        for (GatewayRange r : fileRanges) {
            if (!overlay.removedRanges(r.getCarrier()).contains(r.cidr())) {
                ranges.add(r);
            }
        }
        for (String carrier : profiles.keySet()) {
            ranges.addAll(overlay.addedRanges(carrier));
        }
        return new CarrierSnapshot(profiles, fileDomains, fileRanges, domains, ranges);
    }

    /** The carrier whose {@code [mail-domains]} (with the overlay) list a lower-case domain. */
    Optional<String> carrierOfDomain(String domain) {
        return carrierDomains.carrierOf(domain);
    }

    /** The carrier whose {@code [mail] domains} name a lower-case domain. */
    Optional<String> mailCarrierOfDomain(String domain) {
        return mailDomains.carrierOf(domain);
    }

    /** Domains to carriers: exact names, and {@code *.domain} entries for every subdomain; the first listed wins. */
    private static final class DomainTable {
        private final Map<String, String> exact = new HashMap<>();
        private final Map<String, String> wildcard = new HashMap<>();

        DomainTable(Map<String, List<String>> byCarrier) {
            byCarrier.forEach((carrier, list) -> {
                for (String d : list) {
                    if (d.startsWith("*.")) {
                        wildcard.putIfAbsent(d.substring(2), carrier);
                    } else {
                        exact.putIfAbsent(d, carrier);
                    }
                }
            });
        }

        Optional<String> carrierOf(String d) {
            String carrier = exact.get(d);
            if (carrier != null) {
                return Optional.of(carrier);
            }
            if (wildcard.isEmpty()) {
                return Optional.empty();
            }
            for (int dot = d.indexOf('.'); dot >= 0; dot = d.indexOf('.', dot + 1)) {
                carrier = wildcard.get(d.substring(dot + 1));
                if (carrier != null) {
                    return Optional.of(carrier);
                }
            }
            return Optional.empty();
        }
    }
}

package jp.keitai.sns.carrier;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Operators' changes laid over the carrier files: mail domains and gateway ranges added or removed from the admin
 * console (stored in the database by the admin feature). Immutable; build one with {@link #builder()} and hand it to
 * {@link CarrierRegistry#applyOverlay(CarrierOverlay)} whenever the stored changes change.
 */
public final class CarrierOverlay {

    private static final CarrierOverlay EMPTY = new Builder().build();

    private final Map<String, Set<String>> addedDomains;
    private final Map<String, Set<String>> removedDomains;
    private final Map<String, List<GatewayRange>> addedRanges;
    private final Map<String, Set<Cidr>> removedRanges;

    private CarrierOverlay(Builder b) {
        addedDomains = copy(b.addedDomains);
        removedDomains = copy(b.removedDomains);
        Map<String, List<GatewayRange>> ranges = new HashMap<>();
        b.addedRanges.forEach((k, v) -> ranges.put(k, List.copyOf(v)));
        addedRanges = Map.copyOf(ranges);
        removedRanges = copy(b.removedRanges);
    }

    public static CarrierOverlay empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    Set<String> addedDomains(String carrier) {
        return addedDomains.getOrDefault(carrier, Set.of());
    }

    Set<String> removedDomains(String carrier) {
        return removedDomains.getOrDefault(carrier, Set.of());
    }

    List<GatewayRange> addedRanges(String carrier) {
        return addedRanges.getOrDefault(carrier, List.of());
    }

    Set<Cidr> removedRanges(String carrier) {
        return removedRanges.getOrDefault(carrier, Set.of());
    }

    Set<String> carriers() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(addedDomains.keySet());
        all.addAll(removedDomains.keySet());
        all.addAll(addedRanges.keySet());
        all.addAll(removedRanges.keySet());
        return all;
    }

    private static <T> Map<String, Set<T>> copy(Map<String, Set<T>> m) {
        Map<String, Set<T>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }

    /** Collects changes; every value is checked as it is added, with a message fit for an operator. */
    public static final class Builder {
        private final Map<String, Set<String>> addedDomains = new HashMap<>();
        private final Map<String, Set<String>> removedDomains = new HashMap<>();
        private final Map<String, List<GatewayRange>> addedRanges = new HashMap<>();
        private final Map<String, Set<Cidr>> removedRanges = new HashMap<>();

        /** @param domain {@code example.ne.jp}, or {@code *.example.ne.jp} for every subdomain */
        public Builder addDomain(String carrier, String domain) {
            addedDomains.computeIfAbsent(carrier, k -> new LinkedHashSet<>()).add(checkDomain(domain));
            return this;
        }

        public Builder removeDomain(String carrier, String domain) {
            removedDomains.computeIfAbsent(carrier, k -> new LinkedHashSet<>()).add(checkDomain(domain));
            return this;
        }

        /**
         * @param cidr e.g. {@code 210.153.84.0/24}
         * @param source where the range was published and when, as in the carrier files
         */
        public Builder addRange(String carrier, String cidr, String source) {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a gateway range needs its source and date");
            }
            addedRanges
                    .computeIfAbsent(carrier, k -> new java.util.ArrayList<>())
                    .add(new GatewayRange(carrier, Cidr.parse(cidr), source.strip()));
            return this;
        }

        public Builder removeRange(String carrier, String cidr) {
            removedRanges.computeIfAbsent(carrier, k -> new LinkedHashSet<>()).add(Cidr.parse(cidr));
            return this;
        }

        public CarrierOverlay build() {
            return new CarrierOverlay(this);
        }
    }

    /** Lower-cases and checks a mail domain; {@code *.} in front means every subdomain. */
    public static String checkDomain(String domain) {
        String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (!CarrierFile.DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("not a mail domain: " + domain);
        }
        return d;
    }
}

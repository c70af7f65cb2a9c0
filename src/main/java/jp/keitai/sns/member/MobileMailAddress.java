package jp.keitai.sns.member;

import java.util.Locale;
import java.util.Optional;

/**
 * A carrier mobile mail address on the allow-list. Local parts are kept exactly as the carrier issued them (docomo
 * issued {@code a..b.} and the like before 2009); only the domain is case-insensitive.
 */
public record MobileMailAddress(String address, String carrier) {

    /** The address if it is a syntactically usable address on an allow-listed carrier domain. */
    public static Optional<MobileMailAddress> of(String address, CarrierMailDomains domains) {
        Optional<String> domain = domainOf(address);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        return domains.carrierOf(domain.get()).map(c -> new MobileMailAddress(MailAddresses.canonical(address), c));
    }

    /** The lower-cased domain of an address that has one local part and one domain, else empty. */
    public static Optional<String> domainOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim();
        int at = a.lastIndexOf('@');
        if (at < 1 || at == a.length() - 1 || a.length() > 254 || a.chars().anyMatch(ch -> ch <= ' ' || ch > '~')) {
            return Optional.empty();
        }
        String domain = a.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            return Optional.empty();
        }
        return Optional.of(domain);
    }
}

package jp.keitai.sns.member;

import java.util.Optional;

/**
 * The carrier mail-domain allow-list as operators keep it: which carrier, if any, a mail domain belongs to. Backed
 * by the carrier registry (shipped carrier-config plus operators' changes); tests give their own list.
 */
@FunctionalInterface
public interface CarrierMailDomains {
    Optional<String> carrierOf(String domain);
}

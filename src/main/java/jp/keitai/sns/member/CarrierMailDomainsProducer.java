package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jp.keitai.sns.carrier.CarrierRegistry;

/** The allow-list is the carrier registry's mail domains: shipped carrier-config plus operators' changes. */
@ApplicationScoped
public class CarrierMailDomainsProducer {

    @Inject
    CarrierRegistry registry;

    @Produces
    CarrierMailDomains domains() {
        return registry::carrierOfMailDomain;
    }
}

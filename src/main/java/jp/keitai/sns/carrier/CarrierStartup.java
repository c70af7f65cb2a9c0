package jp.keitai.sns.carrier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import jp.keitai.sns.system.Started;

/** Loads the carrier data and checks {@code sns.trusted-proxies} at start, so a mistake stops start-up, not a request. */
@ApplicationScoped
public class CarrierStartup {

    private static final Logger LOG = Logger.getLogger(CarrierStartup.class.getName());

    @Inject
    CarrierRegistry registry;

    @Inject
    HandsetDetector detector;

    void onStart(@Observes Started started) {
        int ranges = registry.profiles().stream()
                .mapToInt(p -> registry.gatewayRanges(p.getId()).size())
                .sum();
        detector.ready();
        LOG.info(() -> "carrier-config: " + registry.profiles().size() + " carriers, " + ranges + " gateway ranges"
                + (registry.problems().isEmpty() ? "" : ", refused: " + registry.problems()));
    }
}

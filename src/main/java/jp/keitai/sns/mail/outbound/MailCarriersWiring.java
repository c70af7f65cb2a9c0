package jp.keitai.sns.mail.outbound;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Locale;
import java.util.Optional;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.system.Started;

/**
 * Hands the mail channel the carrier registry's domain lookup (shipped carrier-config plus operators' changes) before
 * the listener starts. i.softbank.jp is SoftBank's for the allow-list, but its handsets are iPhones reading UTF-8
 * mail with Unicode emoji, so mail treats it as a smartphone.
 */
@ApplicationScoped
public class MailCarriersWiring {

    @Inject
    CarrierRegistry registry;

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) Started started) {
        MailCarriers.use(address -> {
            String a = address.toLowerCase(Locale.ROOT);
            if (a.endsWith("@i.softbank.jp")) {
                return Optional.of(MailCarriers.SMARTPHONE);
            }
            return registry.carrierOfMailAddress(address);
        });
    }
}

package jp.keitai.sns.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@link Settings} from MicroProfile Config (system properties, environment, microprofile-config.properties). A bad
 * value stops the process (exit code 2) with the key named in the log.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    @Produces
    @Singleton
    Settings settings() {
        Config config = ConfigProvider.getConfig();
        try {
            Settings settings = Settings.load(key -> config.getOptionalValue(key, String.class));
            CacheSize.configure(settings);
            return settings;
        } catch (SettingsException e) {
            // Payara Micro would keep running without the application; an operator's supervisor should see the
            // process end instead, with the key named in the log. Exit from another thread (this one is deploying), and
            // a plain one: a container-managed thread would be stopped with the failed deployment before it exits.
            LOG.severe(() -> "keitai-sns stops: " + e.getMessage());
            new Thread(() -> System.exit(2), "sns-bad-settings-exit").start();
            throw e;
        }
    }
}

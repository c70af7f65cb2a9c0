package jp.keitai.sns.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The start-up sequence: validate settings, migrate the database, then tell the features. */
@ApplicationScoped
public class Boot {

    private static final Logger LOG = Logger.getLogger(Boot.class.getName());

    @Inject
    Settings settings;

    @Inject
    Database database;

    @Inject
    Event<Started> started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            // touching the proxy-less singletons validates every setting and runs Flyway
            LOG.info(() -> "keitai-sns starting: base-url " + settings.baseUrl() + ", data " + settings.dataDir()
                    + ", postgresql=" + database.isPostgresql());
            started.fire(new Started(settings));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "keitai-sns could not start: " + e.getMessage(), e);
            throw e;
        }
    }
}

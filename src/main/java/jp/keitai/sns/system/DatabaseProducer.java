package jp.keitai.sns.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's {@link Database}, opened (and migrated) on first use; {@link Boot} uses it first. */
@ApplicationScoped
public class DatabaseProducer {

    @Produces
    @Singleton
    Database database(Settings settings) {
        return Database.open(settings);
    }

    void close(@Disposes Database database) {
        database.close();
    }
}

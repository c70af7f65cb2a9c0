package jp.keitai.sns.system;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's {@link Database}, opened (and migrated) on first use; {@link Boot} uses it first. */
@ApplicationScoped
public class DatabaseProducer {

    /** The container's default thread factory, for the change listener. */
    @Resource
    ManagedThreadFactory threads;

    @Produces
    @Singleton
    Database database(Settings settings) {
        return Database.open(settings, threads);
    }

    void close(@Disposes Database database) {
        database.close();
    }
}

package jp.keitai.sns.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Where features record what happened, inside the transaction that made it: the row commits with the voice, diary,
 * comment or request, or not at all, and the change feed ({@code system.Changes}, topic {@link #TOPIC}) tells this
 * node after the commit and every other node by PostgreSQL {@code NOTIFY} sent in the same transaction.
 */
@ApplicationScoped
public class LiveEvents {

    /** The change-feed topic: the ids of new {@code live_event} rows. */
    public static final String TOPIC = "live";

    @Inject
    Database database;

    private LiveStore store;

    protected LiveEvents() {}

    /** For features wired by hand (unit tests). */
    public LiveEvents(Database database) {
        this.database = database;
    }

    private LiveStore store() {
        LiveStore s = store;
        if (s == null) {
            s = new LiveStore(database);
            store = s;
        }
        return s;
    }

    /** Records an event; call it in the transaction that wrote the content. */
    public void record(String kind, long actor, long object, Integer detail) {
        long id = store().insert(kind, actor, object, detail, Clock.now());
        database.changes().publish(TOPIC, id);
    }
}

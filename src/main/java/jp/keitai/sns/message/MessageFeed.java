package jp.keitai.sns.message;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * The unread counts the home page shows, kept in memory and dropped on every node through {@code system.Changes}
 * (topic {@link #TOPIC}, published in the transaction that sends, reads or deletes). Inside a transaction the count is
 * read from the database. One instance: {@link MessageService} and {@link MessageBoxService} say what changed, the
 * latter reads the counts.
 */
@ApplicationScoped
public class MessageFeed {

    static final String TOPIC = "messages";

    @Inject
    Database database;

    @Inject
    MessageStore store;

    private ReadCache<Long, Integer> unread;

    protected MessageFeed() {}

    MessageFeed(Database database, MessageStore store) {
        this.database = database;
        this.store = store;
        init();
    }

    @PostConstruct
    void init() {
        unread = ReadCache.ofIds(CacheSize.MEMBERS.get());
        database.changes().subscribe(TOPIC, unread::invalidate);
        database.changes().onReset(unread::clear);
    }

    int unread(long member) {
        if (database.inTransaction()) {
            return store.unreadCount(member);
        }
        return unread.get(member, store::unreadCount);
    }

    /** The member's inbox changed (a message came, was read or deleted). */
    void changed(long member) {
        database.changes().publish(TOPIC, member);
    }
}

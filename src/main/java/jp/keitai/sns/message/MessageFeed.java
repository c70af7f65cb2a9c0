package jp.keitai.sns.message;

import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * The unread counts the home page shows, kept in memory and dropped on every node through {@code system.Changes}
 * (topic {@link #TOPIC}, published in the transaction that sends, reads or deletes). Inside a transaction the count is
 * read from the database.
 */
final class MessageFeed {

    static final String TOPIC = "messages";

    private final Database database;
    private final MessageStore store;
    private final ReadCache<Long, Integer> unread;

    MessageFeed(Database database, MessageStore store) {
        this.database = database;
        this.store = store;
        this.unread = ReadCache.ofIds(CacheSize.MEMBERS.get());
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

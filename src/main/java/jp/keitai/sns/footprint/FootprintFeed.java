package jp.keitai.sns.footprint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * What あしあと keeps in memory, and the only place it does: the pairs this node recorded within the window
 * ({@link RecentPairs}, so a repeated view is refused without SQL), each member's 忍び足 choice, and the home page's
 * count of new footprints. The two caches are dropped on every node through {@code system.Changes}: 忍び足 on
 * {@link #STEALTH_TOPIC}, the count on {@link #FRESH_TOPIC}, on a 忍び足 change and on a block (blocked visitors are not
 * counted). Inside a transaction every answer is read from the database.
 */
final class FootprintFeed {

    static final String STEALTH_TOPIC = "footprint-stealth";
    static final String FRESH_TOPIC = "footprint-fresh";

    private final FootprintStore store;
    private final Database database;
    private final SocialGraph graph;
    private final RecentPairs recent;
    /** 忍び足 of each member (false when never chosen). */
    private final ReadCache<Long, Boolean> stealth;
    /** Footprints since the list was last opened, and 忍び足, per member. */
    private final ReadCache<Long, Footprints.Fresh> freshCounts;

    FootprintFeed(FootprintStore store, Database database, SocialGraph graph, Duration window) {
        this.store = store;
        this.database = database;
        this.graph = graph;
        recent = new RecentPairs(Math.toIntExact(CacheSize.FOOTPRINT_PAIRS.get()), window);
        stealth = ReadCache.ofIds(CacheSize.MEMBERS.get());
        freshCounts = ReadCache.ofIds(CacheSize.MEMBERS.get());
        database.changes().subscribe(STEALTH_TOPIC, stealth::invalidate);
        database.changes().subscribe(STEALTH_TOPIC, freshCounts::invalidate);
        database.changes().subscribe(FRESH_TOPIC, freshCounts::invalidate);
        database.changes().subscribe(SocialGraph.BLOCKS, freshCounts::invalidate);
        database.changes().onReset(() -> {
            stealth.clear();
            freshCounts.clear();
            recent.clear();
        });
    }

    /**
     * The pair rule in memory: false when this node recorded the pair within the window before {@code at}; otherwise
     * notes it and returns true (the database's rule still decides).
     */
    boolean claim(long visitor, long visited, Instant at) {
        return recent.claim(visitor, visited, at);
    }

    /** The database refused the visit (another node recorded the pair): forgets it here. */
    void forget(long visitor, long visited, Instant at) {
        recent.forget(visitor, visited, at);
    }

    /** Whether the member walks with 忍び足. */
    boolean isStealth(long member) {
        if (database.inTransaction()) {
            return store.stealth(member);
        }
        return stealth.get(member, store::stealth);
    }

    /** The home page's line for the member: footprints since the list was last opened, and 忍び足. */
    Footprints.Fresh fresh(long member) {
        if (database.inTransaction()) {
            return loadFresh(member);
        }
        return freshCounts.get(member, this::loadFresh);
    }

    /** Drops the member's count here (visits to them were queued on this node and are now written). */
    void dropFresh(long member) {
        freshCounts.invalidate(member);
    }

    /** {@link #fresh} from the database, leaving out visitors either side has blocked (as the list does). */
    Footprints.Fresh loadFresh(long member) {
        return store.fresh(member, List.copyOf(graph.blockedEitherWay(member)));
    }
}

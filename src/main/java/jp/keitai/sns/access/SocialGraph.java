package jp.keitai.sns.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The マイミク graph as visibility needs it: who is a friend, a friend of a friend, or blocked. {@code friend}
 * implements it, so that {@code access} (below every feature) depends on no feature.
 */
public interface SocialGraph {

    /** The {@code system.Changes} topic raised when a block is made or lifted. */
    String BLOCKS = "blocks";

    /**
     * The closest tie of the viewer (null = guest) to the owner. A friend of a friend is one through an active friend:
     * nobody passes through a suspended or withdrawn member.
     */
    Relation relation(Long viewer, long owner);

    /** The member's active friends (neither suspended nor withdrawn), ascending. */
    List<Long> friendIds(long member);

    /** The member's active friends, ascending, unboxed (the home page asks on every view). */
    long[] friendIdArray(long member);

    /** Members the member blocked or was blocked by, ascending. */
    long[] blockedIds(long member);

    /** Members the member blocked or was blocked by. */
    Set<Long> blockedEitherWay(long member);

    /** Whether either of the two blocked the other. */
    boolean blockedEitherWay(long a, long b);

    /** Of the candidates, those within two steps (friend, or friend of an active friend) of the member. */
    Set<Long> withinTwoStepsAmong(long member, Collection<Long> candidates);
}

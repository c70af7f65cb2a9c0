package jp.keitai.sns.live;

import java.util.Optional;
import java.util.Set;

/**
 * A feature's part of live updates: for the kinds of event it records, who might be told, and what one member may
 * be told now. The feature decides with its own rules and {@code access.AccessPolicy}, exactly as its pages do, at the
 * moment the event is sent (a diary made private meanwhile, a block, a suspension: nothing is sent).
 */
public interface LiveSource {

    /** The event kinds this source draws. */
    Set<String> kinds();

    /**
     * The members who might be told (a superset is fine: {@link #render} decides), or null for "ask {@link #render}
     * for every connected member".
     */
    long[] audience(LiveEvent event);

    /** What {@code viewer} is told of the event now, or empty when they may not see it (or it is gone). */
    Optional<LiveItem> render(long viewer, LiveEvent event);
}

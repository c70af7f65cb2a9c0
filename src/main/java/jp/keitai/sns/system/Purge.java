package jp.keitai.sns.system;

import java.time.Instant;

/**
 * One feature's share of the hourly {@link Housekeeping}: deletes the feature's rows that have outlived their use.
 * Features implement it as a CDI bean next to the store that owns the rows; the housekeeping only calls them.
 */
public interface Purge {

    /** A short name for the log. */
    String name();

    /** Deletes what is older than the feature keeps at {@code now}; returns how many rows went. */
    int purge(Instant now);
}

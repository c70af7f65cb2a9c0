/**
 * あしあと: who visited a member's profile and diaries, the 忍び足 choice, the per-day counts and the roll-up of old
 * visits. Other features call {@link jp.keitai.sns.footprint.Footprints#record} on a view; visits are written behind
 * the view in batches (every {@code sns.footprint.flush-millis}, default 100 ms, and when the application stops), and
 * the owner's list and counts wait for this node's queued visits, so a visit queued on another node shows after that
 * node's next flush.
 */
package jp.keitai.sns.footprint;

/**
 * あしあと: who visited a member's profile and diaries, the 忍び足 choice, the per-day counts and the roll-up of old
 * visits. The diary page calls {@link jp.keitai.sns.footprint.Footprints#record} on a view, the profile page through
 * {@link jp.keitai.sns.footprint.FootprintProfileSection}; visits are written behind the view in batches (every
 * {@code sns.footprint.flush-millis}, default 100 ms, and when the application stops), and the owner's list and counts
 * wait for this node's queued visits, so a visit queued on another node shows after that node's next flush. Tables:
 * {@code VisitStore} (writes), {@code FootprintStore}; in memory: {@code FootprintFeed}.
 */
package jp.keitai.sns.footprint;

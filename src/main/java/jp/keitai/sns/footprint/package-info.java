/**
 * あしあと: who visited a member's profile and diaries, the 忍び足 choice, the per-day counts and the roll-up of old
 * visits. Other features call {@link jp.keitai.sns.footprint.Footprints#record} on a view.
 */
package jp.keitai.sns.footprint;

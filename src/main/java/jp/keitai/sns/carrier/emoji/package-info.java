/**
 * Carrier emoji: the docomo, au and SoftBank pictogram codes ↔ standard Unicode emoji, with Japanese text fallbacks,
 * driven by the generated tables in {@code carrier-config/emoji/}. Used by the HTTP edge and by the mail code.
 */
package jp.keitai.sns.carrier.emoji;

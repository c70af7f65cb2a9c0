package jp.keitai.sns.mail.outbound;

import jp.keitai.sns.carrier.emoji.EmojiCodec;

/**
 * The one place where mail meets the carrier emoji tables: the web edge's {@link EmojiCodec}, so a pictogram means the
 * same in a page and in a mail. Inbound text is turned into Unicode emoji right after charset decoding; outbound text
 * into the recipient carrier's codes (or a text fallback such as [晴れ]) right before charset encoding.
 */
public final class MailEmoji {

    private MailEmoji() {}

    /** A carrier's emoji (set: {@code CarrierProfile.getEmoji()}) in text decoded from {@code source} to Unicode. */
    public static String toUnicode(String text, String emojiSet, EmojiCodec.Source source) {
        return EmojiCodec.bundled().toUnicode(text, emojiSet, source);
    }

    /** Unicode emoji to a carrier's codes in {@code target} (its emoji set's), or a text fallback. */
    public static String fromUnicode(String text, String emojiSet, EmojiCodec.Source target) {
        return EmojiCodec.bundled().fromUnicode(text, emojiSet, target);
    }
}

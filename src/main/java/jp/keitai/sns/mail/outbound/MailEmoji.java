package jp.keitai.sns.mail.outbound;

import jp.keitai.sns.carrier.emoji.EmojiCodec;

/**
 * The one place where mail meets the carrier emoji tables: the web edge's {@link EmojiCodec}, so a pictogram means the
 * same in a page and in a mail. Inbound text is turned into Unicode emoji right after charset decoding; outbound text
 * into the recipient carrier's codes (or a text fallback such as [晴れ]) right before charset encoding.
 */
public final class MailEmoji {

    /** How text was (or will be) carried: which charset, and so where the carrier's emoji are. */
    public enum Source {
        /** decoded with Windows-31J */
        SJIS(EmojiCodec.Source.SJIS),
        /** ISO-2022-JP decoded with x-windows-50220 (au's mail JIS emoji) */
        JIS(EmojiCodec.Source.JIS),
        /** UTF-8: carrier private-use code points or Unicode emoji */
        UNICODE(EmojiCodec.Source.UNICODE);

        private final EmojiCodec.Source codec;

        Source(EmojiCodec.Source codec) {
            this.codec = codec;
        }
    }

    private MailEmoji() {}

    /** Carrier emoji in {@code text} (as decoded from {@code source}) to Unicode emoji. */
    public static String toUnicode(String text, String carrier, Source source) {
        return EmojiCodec.bundled().toUnicode(text, carrier, source.codec);
    }

    /** Unicode emoji to the carrier's codes in {@code target}, or a text fallback. */
    public static String fromUnicode(String text, String carrier, Source target) {
        return EmojiCodec.bundled().fromUnicode(text, carrier, target.codec);
    }
}

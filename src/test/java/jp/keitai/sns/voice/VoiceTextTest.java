package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 150-character rule as members count: code points, with an emoji (however it is built) as one character. */
class VoiceTextTest {

    @Test
    void codePointsCountOnceAndEmojiCountAsOne() {
        assertEquals(150, VoiceText.length("あ".repeat(150)));
        assertEquals(150, VoiceText.length("😀".repeat(150)), "4-byte emoji: 300 UTF-16 units, 150 characters");
        assertEquals(150, VoiceText.length("𠮷".repeat(150)), "4-byte kanji (CJK extension B)");
        assertEquals(150, VoiceText.length("☀️".repeat(150)), "carrier emoji arrive as U+2600 U+FE0F: one each");
        assertEquals(1, VoiceText.length("👨‍👩‍👧"), "a zero-width-joined family");
        assertEquals(1, VoiceText.length("🇯🇵"), "a flag of two regional indicators");
        assertEquals(1, VoiceText.length("1️⃣"), "a keycap");
        assertEquals(1, VoiceText.length("👍🏽"), "a skin tone");
        assertEquals(2, VoiceText.length("🇯🇵🇯"), "a lone regional indicator is a character of its own");
        assertEquals(5, VoiceText.length("ｶﾀｶﾅ～"), "half-width kana and the wave dash are one each");
    }

    @Test
    void blankMeansNothingVisible() {
        assertTrue(VoiceText.isBlank(VoiceText.normalise(null)));
        assertTrue(VoiceText.isBlank(VoiceText.normalise("")));
        assertTrue(VoiceText.isBlank(VoiceText.normalise("   ")));
        assertTrue(VoiceText.isBlank(VoiceText.normalise("\u3000\u3000")), "full-width spaces");
        assertTrue(VoiceText.isBlank(VoiceText.normalise("\r\n\t \u00A0\u200B\uFEFF")));
        assertFalse(VoiceText.isBlank(VoiceText.normalise(" ☀️ ")));
        assertFalse(VoiceText.isBlank(VoiceText.normalise("。")));
    }

    @Test
    void normalisingMakesOneLineAndKeepsEmojiWhole() {
        assertEquals("無事です 家族も元気", VoiceText.normalise("\u3000無事です\r\n\r\n家族も元気\n"));
        assertEquals("晴れ☀️", VoiceText.normalise("晴れ☀️ "), "the variation selector stays with its emoji");
        assertEquals("a b", VoiceText.normalise("a\u0000\u0007 b"));
    }

    @Test
    void truncatingNeverCutsAnEmojiOrASurrogatePair() {
        String text = "あ".repeat(148) + "☀️😀👨‍👩‍👧𠮷";
        String cut = VoiceText.truncate(text, 150);
        assertEquals("あ".repeat(148) + "☀️😀", cut);
        assertEquals(150, VoiceText.length(cut));
        assertEquals("😀".repeat(150), VoiceText.truncate("😀".repeat(151), 150));
        assertEquals("短い", VoiceText.truncate("短い", 150));
        assertEquals("あ", VoiceText.truncate("あ b", 2), "no trailing space after the cut");
    }
}

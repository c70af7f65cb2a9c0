package jp.keitai.sns.voice;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.Max;
import jp.keitai.sns.web.FormCheck;

/**
 * The limits of a voice's body as stored ({@link VoiceText#normalise}), as constraints {@link FormCheck} checks. Both
 * are {@link VoiceText}'s own measures (blank counts invisible characters as space, the length counts an emoji once),
 * so each is a field of its own. {@code blank} sorts before {@code length}, so a blank body is told first.
 */
record VoiceForm(
        @AssertFalse(message = "{voice.body.blank}") boolean blank,

        @Max(value = VoiceText.MAX, message = "{voice.body.size}")
        int length) {

    /** The form of a normalised body. */
    static VoiceForm of(String text) {
        return new VoiceForm(VoiceText.isBlank(text), VoiceText.length(text));
    }
}

package jp.keitai.sns.footprint;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jp.keitai.sns.web.FormCheck;

/** The 忍び足 switch as sent by its form, {@code on} or {@code off}, as constraints {@link FormCheck} checks. */
record StealthForm(
        @NotNull(message = "{footprint.stealth.choose}")
        @Pattern(regexp = "on|off", message = "{footprint.stealth.choose}")
        String stealth) {

    /** Whether the member chose 忍び足. */
    boolean on() {
        return "on".equals(stealth);
    }
}

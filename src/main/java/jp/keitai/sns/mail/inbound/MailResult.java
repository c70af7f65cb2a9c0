package jp.keitai.sns.mail.inbound;

import java.util.Objects;

/**
 * What a {@link MailHandler} made of a mail; recorded on the spool row.
 *
 * @param reason a short Japanese reason (required for refused and quarantined; an optional note for done)
 */
public record MailResult(Outcome outcome, String reason) {

    public enum Outcome {
        /** handled: posted, answered, … */
        DONE,
        /** deliberately not handled (wrong secret, wrong sender, bad content); the member may be told why */
        REFUSED,
        /** suspicious or unreadable: kept for an operator to look at */
        QUARANTINED
    }

    public MailResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome != Outcome.DONE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(outcome + " needs a reason");
        }
    }

    public static MailResult done() {
        return new MailResult(Outcome.DONE, null);
    }

    public static MailResult done(String note) {
        return new MailResult(Outcome.DONE, note);
    }

    public static MailResult refused(String reason) {
        return new MailResult(Outcome.REFUSED, reason);
    }

    public static MailResult quarantined(String reason) {
        return new MailResult(Outcome.QUARANTINED, reason);
    }
}

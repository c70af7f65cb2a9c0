package jp.keitai.sns.member;

import java.util.List;

/**
 * A membership step's answer (invitation, registration, address change): a message for the person, mails to send once
 * the step is committed, and the member when one was just created (the page then signs them in).
 */
public record Outcome(boolean ok, String message, List<OutgoingMail> mails, Long memberId) {

    static Outcome refused(String message) {
        return new Outcome(false, message, List.of(), null);
    }

    static Outcome ok(String message, List<OutgoingMail> mails) {
        return new Outcome(true, message, mails, null);
    }
}

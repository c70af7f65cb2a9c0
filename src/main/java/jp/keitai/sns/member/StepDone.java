package jp.keitai.sns.member;

import java.util.List;

/**
 * A membership step done (an invitation, a registration, an address change, the answer to an empty mail): a message
 * for the person, the mails to send once the step has committed, and the member when one was just created (the page
 * then signs them in). A step that cannot be done throws {@link jp.keitai.sns.web.Refused} instead.
 */
public record StepDone(String message, List<OutgoingMail> mails, Long memberId) {

    static StepDone told(String message, List<OutgoingMail> mails) {
        return new StepDone(message, mails, null);
    }
}

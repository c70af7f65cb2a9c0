package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import jp.keitai.sns.mail.outbound.Mailer;

/** Hands the mails membership steps ask for to the mail channel, encoded for each recipient's carrier. */
@ApplicationScoped
public class MembershipMails {

    @Inject
    Mailer mailer;

    /** Queues and sends after the step has committed (each mail in a transaction of its own). */
    public void send(List<OutgoingMail> mails) {
        for (OutgoingMail m : mails) {
            mailer.send(m.to(), m.template(), m.values());
        }
    }

    /** Queues in the caller's transaction: the mails leave only if it commits (mail routes). */
    public void queue(EntityManager em, List<OutgoingMail> mails) {
        for (OutgoingMail m : mails) {
            mailer.queue(em, m.to(), m.template(), m.values());
        }
    }
}

package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.keitai.sns.mail.inbound.MailResult;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.system.Started;

/**
 * 空メール registration: an (empty) mail to {@code get@} is answered with a registration link, the login page, or a
 * polite refusal, by {@link RegistrationService#emptyMail}. The reply is queued in the same transaction that marks
 * the mail handled, so a crash sends neither or both.
 */
@ApplicationScoped
public class GetMailRoute {

    @Inject
    MailRoutes routes;

    @Inject
    RegistrationService registrations;

    @Inject
    MembershipMails mails;

    void onStart(@Observes Started started) {
        routes.register("get", MailRoutes.exactly("get"), (mail, em) -> {
            Outcome outcome = registrations.emptyMail(mail.fromCanonical());
            mails.queue(em, outcome.mails());
            return outcome.ok() ? MailResult.done(outcome.message()) : MailResult.refused(outcome.message());
        });
    }
}

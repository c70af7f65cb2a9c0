package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.keitai.sns.mail.inbound.MailResult;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.Refused;

/**
 * 空メール registration: an (empty) mail to {@code get@} is answered with a registration link, the login page, or a
 * polite refusal, by {@link RegistrationService#emptyMail}. The reply is queued in the same transaction that marks
 * the mail handled, so a crash sends neither or both; a sender off the carrier allow-list gets no reply, unless the
 * address is a member's confirmed PC address (then the login page). Only mail
 * that looks like a person's is answered (no bounces, no {@code Auto-Submitted}, no {@code Precedence: bulk}), and
 * one address at most three times an hour ({@link RegistrationService#emptyMail}).
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
            String notFromAPerson = mail.notFromAPerson();
            if (notFromAPerson != null) {
                return MailResult.refused(notFromAPerson + "（返信なし）");
            }
            try {
                StepDone answered = registrations.emptyMail(mail.fromCanonical());
                mails.queue(em, answered.mails());
                return MailResult.done(answered.message());
            } catch (RegistrationService.NotInvited e) {
                mails.queue(em, e.reply());
                return MailResult.refused(e.getMessage());
            } catch (Refused e) {
                return MailResult.refused(e.getMessage());
            }
        });
    }
}

package jp.keitai.sns.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.mail.inbound.InboundMail;
import jp.keitai.sns.mail.inbound.MailHandler;
import jp.keitai.sns.mail.inbound.MailResult;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.Refused;

/**
 * 安否確認 by mail: an empty mail (or one with a short message) to {@code safe@{domain}} from a member's verified
 * carrier address (From, and the SMTP envelope sender agreeing with it) answers 「無事です」 for that member. A sender
 * who is no member's carrier address is answered to nobody; a member is told when no check is open.
 */
@ApplicationScoped
public class SafetyMailRoute implements MailHandler {

    static final String NAME = "safety";
    static final String LOCAL_PART = "safe";

    @Inject
    MailRoutes routes;

    @Inject
    SafetyService safety;

    @Inject
    MemberService members;

    @Inject
    Mailer mailer;

    protected SafetyMailRoute() {}

    public SafetyMailRoute(SafetyService safety, MemberService members, Mailer mailer) {
        this.safety = safety;
        this.members = members;
        this.mailer = mailer;
    }

    void onStart(@Observes Started started) {
        routes.register(NAME, MailRoutes.exactly(LOCAL_PART), this);
    }

    @Override
    public MailResult handle(InboundMail mail, EntityManager em) {
        if (mail.autoSubmitted()) {
            return MailResult.refused("自動送信のメールには応答しません");
        }
        Optional<MemberSummary> found = members.findByEmail(mail.fromCanonical())
                .filter(m -> mail.fromCanonical().equals(m.mobileEmail()));
        if (found.isEmpty()) {
            return MailResult.refused("会員の携帯アドレスではありません");
        }
        MemberSummary m = found.get();
        if (!mail.envelopeAgreesWithFrom()) {
            return MailResult.refused("エンベロープの差出人（" + mail.envelopeFrom() + "）が From と違います");
        }
        if (m.status() != MemberStatus.ACTIVE) {
            return MailResult.refused("停止中のメンバーです");
        }
        String text = (mail.subject() + " " + mail.text()).strip();
        if (text.codePointCount(0, text.length()) > SafetyService.MAX_MESSAGE) {
            text = text.substring(0, text.offsetByCodePoints(0, SafetyService.MAX_MESSAGE));
        }
        try {
            boolean first = safety.answer(m.id(), text, "mail");
            if (first) {
                mailer.queue(em, m.mobileEmail(), "safety/answered", Map.of());
            }
        } catch (Refused e) {
            mailer.queue(em, m.mobileEmail(), "safety/refused", Map.of("reason", e.getMessage()));
            return MailResult.refused(e.getMessage());
        }
        return MailResult.done("無事です: 会員 " + m.id());
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.mail.inbound.InboundMail;
import jp.keitai.sns.mail.inbound.MailHandler;
import jp.keitai.sns.mail.inbound.MailResult;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.mail.inbound.PhotoCandidate;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.Refused;

/**
 * コミュニティのメール投稿: mail to {@code c.{secret}@} becomes a comment on the topic the secret belongs to (text =
 * body, images = photos; the subject is ignored). As for diaries: the secret names the member, and the sender must be
 * that member's verified carrier address (From, and the envelope agreeing with it); answers go to the registered
 * address only, a wrong secret is answered to nobody; the comment, the answer and the spool row commit together.
 */
@ApplicationScoped
public class CommunityMailRoute implements MailHandler {

    @Inject
    MailRoutes routes;

    @Inject
    TopicMail topics;

    @Inject
    TopicComments comments;

    @Inject
    MemberService members;

    @Inject
    Mailer mailer;

    void onStart(@Observes Started started) {
        routes.register("community", MailRoutes.prefix("c."), this);
    }

    private record Owner(TopicMail.MailOwner owner, MemberSummary member) {}

    private Optional<Owner> owner(InboundMail mail) {
        return topics.mailOwner(mail.localPart())
                .flatMap(o -> members.find(o.memberId()).map(m -> new Owner(o, m)));
    }

    @Override
    public MailResult handle(InboundMail mail, EntityManager em) {
        Optional<Owner> found = owner(mail);
        if (found.isEmpty()) {
            return MailResult.refused("投稿用アドレスが違います");
        }
        Owner o = found.get();
        MemberSummary m = o.member();
        if (mail.autoSubmitted()) {
            return MailResult.refused("自動送信のメールには応答しません");
        }
        if (m.mobileEmail() == null || !m.mobileEmail().equals(mail.fromCanonical())) {
            refuse(em, m, "登録されている携帯のメールアドレス以外から送られました。投稿用アドレスが他人に知られた場合は、" + "トピックのページで「アドレスを変える」を選んでください。");
            return MailResult.refused("送信元が登録アドレスではありません");
        }
        if (!mail.envelopeAgreesWithFrom()) {
            refuse(em, m, InboundMail.ENVELOPE_DISAGREES);
            return MailResult.refused("エンベロープの差出人（" + mail.envelopeFrom() + "）が From と違います");
        }
        if (m.status() != MemberStatus.ACTIVE) {
            refuse(em, m, "アカウントが停止されているため投稿できません。");
            return MailResult.refused("停止中のメンバーです");
        }
        List<byte[]> photos = mail.photos().stream().map(PhotoCandidate::bytes).toList();
        String text = mail.text();
        if (text.isBlank() && !photos.isEmpty()) {
            text = "（写真）";
        }
        int number;
        try {
            number = comments.commentByMail(m.id(), o.owner(), text, photos);
        } catch (Refused e) {
            refuse(em, m, e.getMessage());
            return MailResult.refused(e.getMessage());
        }
        mailer.queue(
                em,
                m.mobileEmail(),
                "community/posted",
                Map.of(
                        "title", o.owner().topicTitle(),
                        "number", String.valueOf(number),
                        "photos", String.valueOf(photos.size()),
                        "path",
                                "/communities/" + o.owner().communityId() + "/topics/"
                                        + o.owner().topicId() + "?page=" + ((number - 1) / TopicService.PAGE + 1) + "#c"
                                        + number));
        return MailResult.done("コミュニティコメント " + o.owner().topicId() + "#" + number);
    }

    @Override
    public void refusedByChannel(InboundMail mail, String reason, EntityManager em) {
        Optional<Owner> found = owner(mail);
        if (found.isPresent()
                && !mail.autoSubmitted()
                && found.get().member().mobileEmail() != null
                && found.get().member().mobileEmail().equals(mail.fromCanonical())) {
            refuse(em, found.get().member(), reason);
        }
    }

    private void refuse(EntityManager em, MemberSummary m, String reason) {
        String to = m.mobileEmail() != null ? m.mobileEmail() : m.pcEmail();
        if (to != null) {
            mailer.queue(em, to, "community/refused", Map.of("reason", reason));
        }
    }
}

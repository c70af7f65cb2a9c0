package jp.keitai.sns.message;

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
import jp.keitai.sns.mail.inbound.PhotoCandidate;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.Refused;

/**
 * Reply by mail, {@code m.{secret}@{domain}}: the secret names a member and a message thread (it came in that
 * member's notice of a new message), and the sender must be the member's verified carrier address (From, and the SMTP
 * envelope sender agreeing with it), as for diary mail. The text (with its emoji, as Unicode) becomes a reply to the
 * newest message of the thread the member received, to its sender, under the same rules as on the web (blocks, the
 * recipient's setting). Refusals are answered to the registered address only; a wrong secret is answered to nobody.
 * The secret rotates with the member's posting addresses.
 */
@ApplicationScoped
public class MessageMailRoute implements MailHandler {

    static final String NAME = "message";

    @Inject
    MailRoutes routes;

    @Inject
    MessageService messages;

    @Inject
    ReplyAddresses replies;

    @Inject
    MemberService members;

    @Inject
    Mailer mailer;

    protected MessageMailRoute() {}

    public MessageMailRoute(MessageService messages, ReplyAddresses replies, MemberService members, Mailer mailer) {
        this.messages = messages;
        this.replies = replies;
        this.members = members;
        this.mailer = mailer;
    }

    void onStart(@Observes Started started) {
        routes.register(NAME, MailRoutes.prefix("m."), this);
    }

    @Override
    public MailResult handle(InboundMail mail, EntityManager em) {
        Optional<ReplyAddresses.MailThread> thread = replies.mailThread(mail.localPart());
        Optional<MemberSummary> member = thread.flatMap(t -> members.find(t.memberId()));
        if (thread.isEmpty() || member.isEmpty()) {
            return MailResult.refused("返信用アドレスが違います");
        }
        MemberSummary m = member.get();
        if (mail.autoSubmitted()) {
            return MailResult.refused("自動送信のメールには応答しません");
        }
        if (m.mobileEmail() == null || !m.mobileEmail().equals(mail.fromCanonical())) {
            refuse(em, m, "登録されている携帯のメールアドレス以外から送られました。");
            return MailResult.refused("送信元が登録アドレスではありません");
        }
        if (!mail.envelopeAgreesWithFrom()) {
            refuse(em, m, InboundMail.ENVELOPE_DISAGREES);
            return MailResult.refused("エンベロープの差出人（" + mail.envelopeFrom() + "）が From と違います");
        }
        if (m.status() != MemberStatus.ACTIVE) {
            refuse(em, m, "アカウントが停止されているため送れません。");
            return MailResult.refused("停止中のメンバーです");
        }
        if (thread.get().answering().isEmpty()) {
            refuse(em, m, "返信先のメッセージがありません（削除されています）。");
            return MailResult.refused("返信先がありません");
        }
        MessageStore.Row answering = thread.get().answering().get();
        String title = mail.subject().isBlank()
                ? (answering.title().startsWith("Re:") ? answering.title() : "Re: " + answering.title())
                : mail.subject().strip();
        if (title.codePointCount(0, title.length()) > MessageService.MAX_TITLE) {
            title = title.substring(0, title.offsetByCodePoints(0, MessageService.MAX_TITLE));
        }
        long id;
        try {
            id = messages.send(
                    m.id(),
                    null,
                    title,
                    mail.text(),
                    mail.photos().stream().map(PhotoCandidate::bytes).toList(),
                    answering.id(),
                    "mail:" + jp.keitai.sns.web.Tokens.sha256(mail.dedupKey()));
        } catch (Refused e) {
            refuse(em, m, e.getMessage());
            return MailResult.refused(e.getMessage());
        }
        return MailResult.done("メッセージ #" + id);
    }

    @Override
    public void refusedByChannel(InboundMail mail, String reason, EntityManager em) {
        replies.mailThread(mail.localPart())
                .flatMap(t -> members.find(t.memberId()))
                .filter(m -> !mail.autoSubmitted()
                        && m.mobileEmail() != null
                        && m.mobileEmail().equals(mail.fromCanonical()))
                .ifPresent(m -> refuse(em, m, reason));
    }

    private void refuse(EntityManager em, MemberSummary m, String reason) {
        String to = m.mobileEmail() != null ? m.mobileEmail() : m.pcEmail();
        if (to != null) {
            mailer.queue(em, to, "message/refused", Map.of("reason", reason));
        }
    }
}

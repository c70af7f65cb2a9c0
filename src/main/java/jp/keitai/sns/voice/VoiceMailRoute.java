package jp.keitai.sns.voice;

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
import jp.keitai.sns.member.PostingAddresses;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.Tokens;

/**
 * Voice by mail, {@code v.<secret>@<domain>}: the secret names the member, and the sender must be that member's
 * verified carrier address (the From header, and the SMTP envelope sender agreeing with it); both must hold. Subject and text are joined into one line and cut at 150 characters (the
 * confirmation says so). Refusals are answered to the member's registered address, never to the sender of a mail
 * with a wrong secret. The post, the answer and the spool row commit together; the mail's dedup key on the post
 * keeps a mail handled twice from posting twice.
 */
@ApplicationScoped
public class VoiceMailRoute {

    static final String NAME = "voice";

    @Inject
    MailRoutes routes;

    @Inject
    PostingAddresses addresses;

    @Inject
    MemberService members;

    @Inject
    VoiceService voices;

    @Inject
    Mailer mailer;

    void onStart(@Observes Started started) {
        routes.register(NAME, MailRoutes.prefix(PostingAddresses.Kind.VOICE.prefix()), new MailHandler() {
            @Override
            public MailResult handle(InboundMail mail, EntityManager em) {
                return VoiceMailRoute.this.handle(mail, em);
            }

            @Override
            public void refusedByChannel(InboundMail mail, String reason, EntityManager em) {
                // e.g. too many photos: tell the member, if the secret is theirs and the mail came from their phone
                sender(mail).ifPresent(m -> refuse(em, m.mobileEmail(), reason));
            }
        });
    }

    /** The member whose secret and carrier address this mail carries, if both match and the member is active. */
    private Optional<PostingAddresses.Owner> sender(InboundMail mail) {
        return addresses
                .ownerOf(PostingAddresses.Kind.VOICE, mail.localPart())
                .filter(m -> m.status() == MemberStatus.ACTIVE && !mail.autoSubmitted())
                .filter(m -> m.mobileEmail() != null && m.mobileEmail().equals(mail.fromCanonical()));
    }

    MailResult handle(InboundMail mail, EntityManager em) {
        Optional<PostingAddresses.Owner> member = addresses.ownerOf(PostingAddresses.Kind.VOICE, mail.localPart());
        if (member.isEmpty()) {
            return MailResult.refused("ボイス投稿用アドレスが違います（返信なし）");
        }
        PostingAddresses.Owner m = member.get();
        String registered = m.mobileEmail();
        if (m.status() != MemberStatus.ACTIVE || registered == null) {
            return MailResult.refused("投稿できない状態のメンバーです（返信なし）");
        }
        if (mail.autoSubmitted()) {
            return MailResult.refused("自動送信のメールは投稿しません（返信なし）");
        }
        if (!registered.equals(mail.fromCanonical())) {
            return refuse(em, registered, "登録されたケータイのメールアドレス以外から送られました。");
        }
        if (!mail.envelopeAgreesWithFrom()) {
            // a From header naming the member, written by someone else: the member is told, the sender is not
            return refuse(em, registered, InboundMail.ENVELOPE_DISAGREES);
        }
        String joined = VoiceText.normalise(mail.subject() + " " + mail.text());
        if (VoiceText.isBlank(joined)) {
            return refuse(em, registered, "件名にも本文にも文字がありません。");
        }
        boolean cut = VoiceText.length(joined) > VoiceText.MAX;
        String body = cut ? VoiceText.truncate(joined, VoiceText.MAX) : joined;
        VoiceService.Posted posted;
        try {
            posted = voices.post(m.id(), body, null, "mail:" + Tokens.sha256(mail.dedupKey()));
        } catch (Refused e) {
            return refuse(em, registered, e.getMessage());
        }
        if (!posted.created()) {
            return MailResult.done("投稿済みのメールです（ボイス " + posted.id() + "）");
        }
        String note =
                (cut ? "150文字を超えた分は省きました。\n" : "") + (mail.photos().isEmpty() ? "" : "写真はボイスには載りません（日記に送ってください）。\n");
        mailer.queue(em, registered, "voice_posted", Map.of("body", body, "note", note));
        return MailResult.done("ボイス " + posted.id() + " を投稿しました" + (cut ? "（150文字で切りました）" : ""));
    }

    private MailResult refuse(EntityManager em, String registered, String reason) {
        try {
            mailer.queue(em, registered, "voice_refused", Map.of("reason", reason));
        } catch (IllegalArgumentException e) {
            // an address we cannot write a header for: the refusal stays on the spool row
        }
        return MailResult.refused(reason);
    }
}

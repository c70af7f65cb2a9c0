package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.mail.inbound.InboundMail;
import jp.keitai.sns.mail.inbound.MailHandler;
import jp.keitai.sns.mail.inbound.MailResult;
import jp.keitai.sns.mail.inbound.MailRoutes;
import jp.keitai.sns.mail.inbound.PhotoCandidate;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.PostingAddresses;
import jp.keitai.sns.system.Started;
import jp.keitai.sns.web.Refused;

/**
 * 日記のメール投稿: mail to {@code d.{secret}@} becomes a diary (Subject = title, text = body, images = photos) at the
 * member's default level. Both must hold: the secret names the member, and the sender is that member's verified
 * carrier address (the From header, and the SMTP envelope sender agreeing with it). Answers go to the registered address only: a confirmation with the diary's URL, or the reason for
 * a refusal; a wrong secret is answered to nobody. The diary, the answer and the spool row commit in the worker's one
 * transaction, so a mail posts exactly once.
 */
@ApplicationScoped
public class DiaryMailRoute implements MailHandler {

    @Inject
    MailRoutes routes;

    @Inject
    PostingAddresses addresses;

    @Inject
    MemberService members;

    @Inject
    DiaryService diaries;

    @Inject
    AccessPolicy policy;

    @Inject
    Mailer mailer;

    protected DiaryMailRoute() {}

    public DiaryMailRoute(
            PostingAddresses addresses,
            MemberService members,
            DiaryService diaries,
            AccessPolicy policy,
            Mailer mailer) {
        this.addresses = addresses;
        this.members = members;
        this.diaries = diaries;
        this.policy = policy;
        this.mailer = mailer;
    }

    void onStart(@Observes Started started) {
        routes.register("diary", MailRoutes.prefix(PostingAddresses.Kind.DIARY.prefix()), this);
    }

    /** The member this mail may be answered to: the secret's owner. Empty for a wrong secret. */
    private Optional<PostingAddresses.Owner> owner(InboundMail mail) {
        return addresses.ownerOf(PostingAddresses.Kind.DIARY, mail.localPart());
    }

    @Override
    public MailResult handle(InboundMail mail, EntityManager em) {
        Optional<PostingAddresses.Owner> owner = owner(mail);
        if (owner.isEmpty()) {
            return MailResult.refused("投稿用アドレスが違います");
        }
        PostingAddresses.Owner m = owner.get();
        if (mail.autoSubmitted()) {
            return MailResult.refused("自動送信のメールには応答しません");
        }
        if (m.mobileEmail() == null || !m.mobileEmail().equals(mail.fromCanonical())) {
            refuse(em, m, "登録されている携帯のメールアドレス以外から送られました。投稿用アドレスが他人に知られた場合は、" + "設定の「メール投稿アドレス」から変更してください。");
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
        if (mail.text().isBlank()) {
            refuse(em, m, "本文がありません。件名がタイトル、本文が日記になります。");
            return MailResult.refused("本文がありません");
        }
        String title = mail.subject().isBlank() ? DiaryService.UNTITLED : mail.subject();
        if (DiaryText.length(title) > DiaryService.MAX_TITLE) {
            title = title.substring(0, title.offsetByCodePoints(0, DiaryService.MAX_TITLE));
        }
        List<byte[]> photos = mail.photos().stream().map(PhotoCandidate::bytes).toList();
        String level = diaries.settings(m.id()).getDefaultVisibility();
        long id;
        try {
            id = diaries.createByMail(m.id(), title, mail.text(), level, photos);
        } catch (Refused e) {
            refuse(em, m, e.getMessage());
            return MailResult.refused(e.getMessage());
        }
        // the confirmation names the diary: only someone who may see it (its author) is told. Asked of the policy
        // directly: the diary is not committed yet, so a read outside this transaction would not find it.
        Visibility visibility = Visibility.parse(level).orElseThrow();
        if (policy.canSee(m.id(), m.id(), visibility)) {
            mailer.queue(
                    em,
                    m.mobileEmail(),
                    "diary/posted",
                    Map.of(
                            "title",
                            title,
                            "visibility",
                            visibility.label(),
                            "photos",
                            String.valueOf(photos.size()),
                            "path",
                            "/diary/" + id));
        }
        return MailResult.done("日記 #" + id);
    }

    /**
     * The owners of a batch's posting addresses and their default levels: two statements, not two per mail; and the
     * ids of the batch's diaries: one statement, the diaries themselves one batch at the commit.
     */
    @Override
    public void beforeBatch(List<String> localParts, EntityManager em) {
        List<PostingAddresses.Owner> owners = addresses.prefetchOwners(PostingAddresses.Kind.DIARY, localParts);
        diaries.prefetchSettings(owners.stream().map(PostingAddresses.Owner::id).toList());
        // the batch's diaries are written in one INSERT batch at its commit, with ids taken now (one per mail; a
        // refused mail leaves its id unused)
        diaries.reserveMailIds(localParts.size());
    }

    @Override
    public void refusedByChannel(InboundMail mail, String reason, EntityManager em) {
        Optional<PostingAddresses.Owner> owner = owner(mail);
        if (owner.isPresent()
                && !mail.autoSubmitted()
                && owner.get().mobileEmail() != null
                && owner.get().mobileEmail().equals(mail.fromCanonical())) {
            refuse(em, owner.get(), reason);
        }
    }

    private void refuse(EntityManager em, PostingAddresses.Owner m, String reason) {
        String to = m.mobileEmail() != null ? m.mobileEmail() : m.pcEmail();
        if (to != null) {
            mailer.queue(em, to, "diary/refused", Map.of("reason", reason));
        }
    }
}

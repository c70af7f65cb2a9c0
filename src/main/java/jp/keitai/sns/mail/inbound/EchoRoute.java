package jp.keitai.sns.mail.inbound;

import jakarta.persistence.EntityManager;
import java.util.Map;
import jp.keitai.sns.mail.outbound.Mailer;

/**
 * A diagnostic route, {@code echo@<domain>}, on only with {@code sns.mail.echo=true}: it answers the sender with what
 * the channel read (subject, text, photos, carrier), to check a handset's mail and its 指定受信 settings end to end.
 * Off by default because it answers any sender.
 */
final class EchoRoute implements MailHandler {

    static final String NAME = "echo";

    private final Mailer mailer;

    EchoRoute(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public MailResult handle(InboundMail mail, EntityManager em) {
        if (mail.autoSubmitted()) {
            return MailResult.refused("自動送信のメールには返信しません");
        }
        StringBuilder photos = new StringBuilder();
        for (PhotoCandidate p : mail.photos()) {
            photos.append("・")
                    .append(p.filename() == null ? "(名前なし)" : p.filename())
                    .append(" ")
                    .append(p.format().toUpperCase(java.util.Locale.ROOT))
                    .append(" ")
                    .append(p.width())
                    .append("×")
                    .append(p.height())
                    .append("\n");
        }
        try {
            mailer.queue(
                    em,
                    mail.from(),
                    "echo",
                    Map.of(
                            "subject", mail.subject(),
                            "text", mail.text(),
                            "carrier", mail.carrier(),
                            "photoCount", mail.photos().size(),
                            "photos", photos.toString(),
                            "notes", String.join("\n", mail.notes())));
        } catch (IllegalArgumentException e) {
            return MailResult.refused("返信先のアドレスが使えません");
        }
        return MailResult.done("受信テストに返信しました");
    }

    @Override
    public void refusedByChannel(InboundMail mail, String reason, EntityManager em) {
        if (!mail.autoSubmitted()) {
            try {
                mailer.queue(em, mail.from(), "refused", Map.of("reason", reason));
            } catch (IllegalArgumentException e) {
                // an address we cannot write to: the refusal stays on the spool row only
            }
        }
    }
}

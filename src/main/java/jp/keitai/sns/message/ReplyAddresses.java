package jp.keitai.sns.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import jp.keitai.sns.mail.inbound.Secrets;
import jp.keitai.sns.member.PostingSecretsRotated;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Settings;

/**
 * The reply-by-mail addresses {@code m.{secret}@{domain}}, one per thread and member: made for a notice of a new
 * message ({@link MessageService}), read back when a reply comes by mail ({@link MessageMailRoute}), and dropped when
 * the member's posting secrets rotate. The secret is the only thing a reply mail proves, so it lives here alone.
 */
@ApplicationScoped
public class ReplyAddresses {

    static final int SECRET_LENGTH = 16;

    /**
     * The thread and member a reply-by-mail local part ({@code m.{secret}}) belongs to, and the message it answers:
     * the newest one of the thread the member received and kept.
     */
    record MailThread(long memberId, long threadId, Optional<MessageStore.Row> answering) {}

    @Inject
    MessageStore store;

    @Inject
    Settings settings;

    protected ReplyAddresses() {}

    ReplyAddresses(MessageStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The member's address for replies in this thread, made the first time it is asked for. */
    String addressFor(long member, long threadId) {
        return "m." + store.secretFor(member, threadId, () -> Secrets.newSecret(SECRET_LENGTH), Clock.now()) + "@"
                + settings.mailDomain();
    }

    /** The thread a reply-by-mail local part names; empty for an unknown secret. */
    Optional<MailThread> mailThread(String localPart) {
        if (localPart == null || !localPart.toLowerCase(Locale.ROOT).startsWith("m.")) {
            return Optional.empty();
        }
        String given = localPart.substring(2).toLowerCase(Locale.ROOT);
        if (given.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        return store.address(given)
                .map(a ->
                        new MailThread(a.memberId(), a.threadId(), store.latestReceivedIn(a.threadId(), a.memberId())));
    }

    /** New posting secrets: the member's reply-by-mail addresses stop working too (in the same transaction). */
    void onRotated(@Observes PostingSecretsRotated rotated) {
        store.dropSecrets(rotated.memberId());
    }
}

package jp.keitai.sns.mail.inbound;

import jakarta.persistence.EntityManager;

/**
 * A feature's handling of the mail that arrives on its route. Called by a spool worker inside the transaction that
 * also marks the spool row: write through {@code em} (and queue replies with {@code Mailer.queue(em, …)}) and the
 * post, the reply and the row's new state commit together or not at all. A handler that throws is rolled back and the
 * mail tried again later (quarantined after {@code sns.mail.max-attempts}). A handler that must work in a transaction
 * of its own should be idempotent by {@link InboundMail#dedupKey()}.
 */
@FunctionalInterface
public interface MailHandler {

    MailResult handle(InboundMail mail, EntityManager em);

    /**
     * The mail channel refused this mail on the route's behalf (too many or too large photos, an unreadable image),
     * before {@link #handle}. Override to answer the member (to the <em>registered</em> address, if the secret
     * matches); the row is marked refused with {@code reason} either way.
     */
    default void refusedByChannel(InboundMail mail, String reason, EntityManager em) {}

    /**
     * The mail channel quarantined this mail on the route's behalf: it could not be read (broken MIME, text that
     * does not fit its charset, a decompression bomb), or handling it failed {@code sns.mail.max-attempts} times.
     * {@code mail} holds what could be read: the envelope, From, Subject, Auto-Submitted and Precedence (no text, no
     * photos). The row is kept for an operator either way; the contract promises the member an answer, so by default
     * this answers as {@link #refusedByChannel} does (to the registered address, when the secret and sender are
     * right), with the reason prefixed by {@link #QUARANTINED}.
     */
    default void quarantinedByChannel(InboundMail mail, String reason, EntityManager em) {
        refusedByChannel(mail, QUARANTINED + reason, em);
    }

    /** How {@link #quarantinedByChannel} begins the reason it answers with. */
    String QUARANTINED = "メールを読み取れなかったため、投稿せずに保管しました（運営者が確認します）。理由: ";

    /**
     * Called once before a batch of several mails for this route is handled, in the same transaction, with their
     * recipients' local parts: a handler may read what it needs for all of them in one statement (and keep it for
     * this transaction) instead of one per mail. Nothing may be written here.
     */
    default void beforeBatch(java.util.List<String> localParts, EntityManager em) {}
}

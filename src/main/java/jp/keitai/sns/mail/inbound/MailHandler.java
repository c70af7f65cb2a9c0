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
     * Called once before a batch of several mails for this route is handled, in the same transaction, with their
     * recipients' local parts: a handler may read what it needs for all of them in one statement (and keep it for
     * this transaction) instead of one per mail. Nothing may be written here.
     */
    default void beforeBatch(java.util.List<String> localParts, EntityManager em) {}
}

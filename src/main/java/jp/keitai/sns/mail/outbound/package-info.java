/**
 * Outbound mail: the {@link jp.keitai.sns.mail.outbound.Mailer} renders a template from {@code mobile-templates/mail/},
 * encodes it for the recipient's carrier (charset, emoji, B-encoded subject) and queues it durably; the
 * {@link jp.keitai.sns.mail.outbound.OutboundDispatcher} writes it to {@code data/outbox/} or sends it through the relay.
 */
package jp.keitai.sns.mail.outbound;

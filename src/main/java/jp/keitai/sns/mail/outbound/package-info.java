/**
 * Outbound mail: the {@link jp.keitai.sns.mail.outbound.Mailer} renders a template from {@code mobile-templates/mail/},
 * encodes it as the recipient's carrier file says in its {@code [mail]} section (charset, emoji, B-encoded subject) and
 * queues it durably in {@code mail_outbox} ({@code OutboxStore}); the
 * {@link jp.keitai.sns.mail.outbound.OutboundDispatcher} writes it to {@code data/outbox/} or sends it through the relay.
 */
package jp.keitai.sns.mail.outbound;

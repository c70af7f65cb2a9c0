/**
 * Inbound mail: the SMTP listener, the durable spool ({@code mail_spool}, whose SQL {@code SpoolStore} owns), the
 * workers that parse carrier mail into Unicode {@link jp.keitai.sns.mail.inbound.InboundMail}s, and the route registry
 * features fill in ({@link jp.keitai.sns.mail.inbound.MailRoutes#register}); no feature logic lives here.
 */
package jp.keitai.sns.mail.inbound;

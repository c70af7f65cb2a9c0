/**
 * メッセージ: private messages between members (to a マイミク, or to anyone who takes messages from everyone), inbox
 * and sent box, replies on the web and by mail ({@code m.<secret>@}), notices by mail, the home page's unread count.
 * {@code MessageResource} and {@code MessageMailRoute} call {@code MessageService} (sending: who may message whom,
 * notices), {@code MessageBoxService} (reading one's inbox and sent box) and {@code ReplyAddresses} (the reply-by-mail
 * secrets); they keep the rows in {@code MessageStore} (the only SQL) and the unread counts in {@code MessageFeed}
 * (the only cache).
 */
package jp.keitai.sns.message;

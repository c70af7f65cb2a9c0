/**
 * Live updates of the PC and smartphone home page (issue 26): features record what happened ({@code LiveEvents}, in
 * their own transaction, one {@code live_event} row each), {@code LiveHub} tells every node through the change feed
 * and sends each connected member, over server-sent events or to a polling page, what the owning feature's
 * {@code LiveSource} lets that member see at that moment. Keitai pages get nothing new.
 */
package jp.keitai.sns.live;

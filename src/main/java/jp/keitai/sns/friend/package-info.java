/**
 * マイミク: friend requests, friendships, blocks and the friend graph (friends of friends) that visibility depends
 * on.
 */
package jp.keitai.sns.friend;

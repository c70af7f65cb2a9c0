/**
 * マイミク: friend requests, friendships, blocks and the friend graph (friends of friends) that visibility depends on
 * ({@link jp.keitai.sns.friend.FriendGraph} implements {@code access.SocialGraph}); 紹介文 and mixiGraph, with their
 * pages under {@code /members/{id}/}; and its parts of the profile page. Tables: {@code FriendStore},
 * {@code RequestStore}, {@code IntroductionStore}; in memory: {@code FriendGraph} and {@code FriendFeed}.
 */
package jp.keitai.sns.friend;

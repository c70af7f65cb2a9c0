package jp.keitai.sns.friend;

/**
 * Fired (synchronously, inside the transaction that ends it) when a マイミク friendship between two members ends, by
 * either of them or by a block. Features that hang off a friendship, such as 紹介文, remove their part.
 */
public record FriendshipEnded(long a, long b) {}

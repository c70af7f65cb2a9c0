package jp.keitai.sns.friend;

/**
 * Fired (CDI, synchronously, inside the transaction that ends it) when the マイミク between two members ends, by
 * either side or by a block. Observers remove what only friends may keep, such as introductions.
 */
public record FriendshipEnded(long a, long b) {}

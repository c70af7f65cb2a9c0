package jp.keitai.sns.member;

/**
 * A member made new posting secrets ({@code POST /settings/mail/rotate}): features that issue posting addresses of
 * their own (a message thread's {@code m.} address) drop theirs too, so every old address stops working at once.
 */
public record PostingSecretsRotated(long memberId) {}

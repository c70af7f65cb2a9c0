package jp.keitai.sns.member;

public enum MemberStatus {
    ACTIVE,
    SUSPENDED,
    WITHDRAWN
}

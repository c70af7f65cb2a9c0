package jp.keitai.sns.member;

public enum Role {
    MEMBER,
    OPERATOR
}

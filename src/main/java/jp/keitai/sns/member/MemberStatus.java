package jp.keitai.sns.member;

/** A member's state, with the word the operator console shows for it. */
public enum MemberStatus {
    ACTIVE("利用中"),
    SUSPENDED("利用停止中"),
    WITHDRAWN("退会済み");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    /** The Japanese word for the state ({@code ${m.status.label}} in templates). */
    public String getLabel() {
        return label;
    }
}

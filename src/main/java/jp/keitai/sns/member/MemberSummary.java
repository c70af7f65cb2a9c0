package jp.keitai.sns.member;

/**
 * What other features may know of a member: never the entity, whose password hash and secrets stay in {@code member}.
 * Templates read the components as properties ({@code ${m.nickname}}).
 */
public record MemberSummary(
        long id, String nickname, String pcEmail, String mobileEmail, Role role, MemberStatus status) {

    static MemberSummary of(Member m) {
        return new MemberSummary(
                m.getId(), m.getNickname(), m.getPcEmail(), m.getMobileEmail(), m.getRole(), m.getStatus());
    }

    public boolean suspended() {
        return status == MemberStatus.SUSPENDED;
    }

    public boolean operator() {
        return role == Role.OPERATOR;
    }
}

package jp.keitai.sns.access;

/** How a member stands in a community, as read rights care: the database value is the lower-case name. */
public enum CommunityStanding {
    NONE,
    /** Asked to join a community that approves its members; not a member yet. */
    PENDING,
    MEMBER,
    SUB_ADMIN,
    ADMIN,
    BANNED;

    public boolean isMember() {
        return this == MEMBER || this == SUB_ADMIN || this == ADMIN;
    }

    public boolean isAdministrator() {
        return this == SUB_ADMIN || this == ADMIN;
    }

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CommunityStanding of(String value) {
        return value == null ? NONE : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}

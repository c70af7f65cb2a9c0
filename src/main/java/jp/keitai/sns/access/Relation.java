package jp.keitai.sns.access;

/** How a viewer stands to a member, as far as visibility cares: the closest tie wins. */
public enum Relation {
    SELF,
    FRIEND,
    FRIEND_OF_FRIEND,
    /** Another member with no tie within two steps. */
    MEMBER,
    /** Not signed in. */
    GUEST;
}

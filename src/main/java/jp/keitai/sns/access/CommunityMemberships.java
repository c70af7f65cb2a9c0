package jp.keitai.sns.access;

/**
 * Communities as read rights need them: whether one keeps its topics to its members, and how a member stands in it.
 * {@code community} implements it, so that {@code access} depends on no feature.
 */
public interface CommunityMemberships {

    /** Whether only members may read the community's topics and comments (false also for an unknown community). */
    boolean membersOnly(long community);

    /** The member's standing in the community. */
    CommunityStanding standing(long community, long member);
}

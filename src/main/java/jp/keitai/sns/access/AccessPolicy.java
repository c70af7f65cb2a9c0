package jp.keitai.sns.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one visibility check. Every surface that shows, lists, counts or mails member content asks here: pages for each
 * device family, JSON, mail replies, feeds, photo URLs. OpenPNE's leaks came from surfaces that decided for
 * themselves, so nothing else in the code compares visibility levels.
 *
 * <p>Rules: guests see no member content; a member sees all their own content; nobody else sees content of a member
 * who is suspended or withdrawn, or content across a block (either direction); otherwise the level decides.
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    SocialGraph graph;

    @Inject
    ActiveMembers members;

    @Inject
    CommunityMemberships communities;

    protected AccessPolicy() {}

    public AccessPolicy(SocialGraph graph, ActiveMembers members, CommunityMemberships communities) {
        this(graph, members);
        this.communities = communities;
    }

    public AccessPolicy(SocialGraph graph, ActiveMembers members) {
        this.graph = graph;
        this.members = members;
    }

    /** Whether {@code viewer} (null = guest) may see content of {@code owner} kept at {@code level}. */
    public boolean canSee(Long viewer, long owner, Visibility level) {
        return visibleLevels(viewer, owner).contains(level);
    }

    /**
     * The levels of the owner's content the viewer may see, for list and count queries ({@code visibility in (...)});
     * empty when the viewer may see nothing of the owner's.
     */
    public Set<Visibility> visibleLevels(Long viewer, long owner) {
        if (viewer == null) {
            return EnumSet.noneOf(Visibility.class);
        }
        if (viewer == owner) {
            return EnumSet.allOf(Visibility.class);
        }
        if (!reachable(viewer, owner)) {
            return EnumSet.noneOf(Visibility.class);
        }
        return levelsFor(graph.relation(viewer, owner));
    }

    /**
     * Of these owners, those whose content kept at {@code level} the viewer may see: the same rules as {@link
     * #visibleLevels}, answered for a whole list (a feed of friends' content, the authors of replies) with a fixed
     * number of queries, whatever the number of owners or friends.
     */
    public Set<Long> canSeeAmong(Long viewer, Collection<Long> owners, Visibility level) {
        Set<Long> out = new LinkedHashSet<>();
        if (viewer == null || owners.isEmpty()) {
            return out;
        }
        Set<Long> others = new LinkedHashSet<>(owners);
        if (others.remove(viewer)) {
            out.add(viewer);
        }
        if (others.isEmpty() || !levelsFor(Relation.FRIEND).contains(level)) {
            // not even friends see this level (and friends see whatever friends of friends and members see)
            return out;
        }
        Set<Long> reach;
        if (levelsFor(Relation.MEMBER).contains(level)) {
            reach = others;
        } else if (levelsFor(Relation.FRIEND_OF_FRIEND).contains(level)) {
            reach = graph.withinTwoStepsAmong(viewer, others);
        } else {
            reach = new HashSet<>(graph.friendIds(viewer));
        }
        others.retainAll(reach);
        if (others.isEmpty()) {
            return out;
        }
        others.removeAll(graph.blockedEitherWay(viewer));
        members.retainActive(others);
        out.addAll(others);
        return out;
    }

    /**
     * The viewer's friends whose content kept for friends (and so at every level but private) the viewer may see,
     * ascending: {@link #canSeeAmong} for the viewer's friends at {@link Visibility#FRIENDS}, as an array. The home
     * page's feeds ask it on every view: nothing is boxed.
     */
    public long[] visibleFriends(long viewer) {
        long[] friends = graph.friendIdArray(viewer); // active friends only
        long[] blocked = graph.blockedIds(viewer);
        if (blocked.length > 0) {
            friends = java.util.Arrays.stream(friends)
                    .filter(f -> java.util.Arrays.binarySearch(blocked, f) < 0)
                    .toArray();
        }
        return friends;
    }

    /** The levels a relation opens, blocks and account status aside. */
    public static Set<Visibility> levelsFor(Relation relation) {
        return switch (relation) {
            case SELF -> EnumSet.allOf(Visibility.class);
            case FRIEND -> EnumSet.of(Visibility.FRIENDS, Visibility.FRIENDS_OF_FRIENDS, Visibility.EVERYONE);
            case FRIEND_OF_FRIEND -> EnumSet.of(Visibility.FRIENDS_OF_FRIENDS, Visibility.EVERYONE);
            case MEMBER -> EnumSet.of(Visibility.EVERYONE);
            case GUEST -> EnumSet.noneOf(Visibility.class);
        };
    }

    /**
     * Whether the viewer may deal with the owner at all: see the profile, leave a footprint, ask for マイミク,
     * comment. False for guests, across a block, and for suspended or withdrawn owners.
     */
    public boolean canInteract(Long viewer, long owner) {
        if (viewer == null) {
            return false;
        }
        return viewer == owner || reachable(viewer, owner);
    }

    /**
     * Whether {@code sender} may send a メッセージ to {@code recipient}, who takes messages from members within
     * {@code acceptFrom}: {@link Visibility#FRIENDS} (マイミクのみ), {@link Visibility#EVERYONE} (全員) or
     * {@link Visibility#PRIVATE} (受け取らない). Never to oneself, never across a block (either way), never from or to
     * a suspended or withdrawn member. A reply by mail asks the same.
     */
    public boolean canMessage(Long sender, long recipient, Visibility acceptFrom) {
        return sender != null
                && sender != recipient
                && members.isActive(sender)
                && canSee(sender, recipient, acceptFrom);
    }

    private boolean reachable(long viewer, long owner) {
        return members.isActive(owner) && !graph.blockedEitherWay(viewer, owner);
    }

    /**
     * Whether {@code viewer} (null = guest) may read a community's topics, comments, events and their photos, on any
     * surface. The community itself (name, description, image, member count) is shown to every member so that it can
     * be found and joined.
     */
    public boolean canReadCommunity(Long viewer, long community) {
        if (viewer == null) {
            return false;
        }
        return canReadCommunity(viewer, communities.standing(community, viewer), communities.membersOnly(community));
    }

    /**
     * The community read rule itself, for lists that read the viewer's standing and the community's read setting in
     * the same query (search, the home section): guests read nothing, a banned member nothing, and a members-only
     * community only its members.
     */
    public static boolean canReadCommunity(Long viewer, CommunityStanding standing, boolean membersOnly) {
        if (viewer == null || standing == CommunityStanding.BANNED) {
            return false;
        }
        return !membersOnly || standing.isMember();
    }
}

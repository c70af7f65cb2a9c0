package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.access.CommunityMemberships;
import jp.keitai.sns.access.CommunityStanding;

/**
 * Communities as {@code access.AccessPolicy} sees them (read setting, a member's standing): from {@link
 * CommunityFeed}'s copies outside a transaction, so that a read right costs no statement.
 */
@ApplicationScoped
public class CommunityMembers implements CommunityMemberships {

    @Inject
    CommunityFeed feed;

    protected CommunityMembers() {}

    CommunityMembers(CommunityFeed feed) {
        this.feed = feed;
    }

    @Override
    public boolean membersOnly(long community) {
        return feed.community(community).map(Community::membersOnly).orElse(false);
    }

    @Override
    public CommunityStanding standing(long community, long member) {
        return feed.standing(community, member);
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.access.CommunityMemberships;
import jp.keitai.sns.access.CommunityStanding;

/** Communities as {@code access.AccessPolicy} sees them (read setting, a member's standing), from the store. */
@ApplicationScoped
public class CommunityMembers implements CommunityMemberships {

    @Inject
    CommunityStore store;

    protected CommunityMembers() {}

    CommunityMembers(CommunityStore store) {
        this.store = store;
    }

    @Override
    public boolean membersOnly(long community) {
        return store.membersOnly(community);
    }

    @Override
    public CommunityStanding standing(long community, long member) {
        return store.standing(community, member);
    }
}

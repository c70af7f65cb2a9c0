package jp.keitai.sns.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The community read rule, every standing × both read settings, and guests. */
class CommunityReadRuleTest {

    @Test
    void membersOnlyCommunitiesAreReadByMembersAndNobodyReadsWhenBanned() {
        for (CommunityStanding s : CommunityStanding.values()) {
            boolean member =
                    s == CommunityStanding.MEMBER || s == CommunityStanding.SUB_ADMIN || s == CommunityStanding.ADMIN;
            assertEquals(s != CommunityStanding.BANNED, AccessPolicy.canReadCommunity(1L, s, false), s + " everyone");
            assertEquals(member, AccessPolicy.canReadCommunity(1L, s, true), s + " members");
            assertEquals(false, AccessPolicy.canReadCommunity(null, s, false), s + " guest");
        }
    }

    @Test
    void theInstanceRuleAsksTheCommunitiesThroughTheInterface() {
        CommunityMemberships communities = new CommunityMemberships() {
            @Override
            public boolean membersOnly(long community) {
                return community == 7;
            }

            @Override
            public CommunityStanding standing(long community, long member) {
                return member == 1 ? CommunityStanding.MEMBER : CommunityStanding.NONE;
            }
        };
        AccessPolicy policy = new AccessPolicy(null, null, communities);
        assertEquals(true, policy.canReadCommunity(1L, 7));
        assertEquals(false, policy.canReadCommunity(2L, 7));
        assertEquals(true, policy.canReadCommunity(2L, 8));
        assertEquals(false, policy.canReadCommunity(null, 8));
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * Joining and leaving a community: join at once (open policy) or ask and be approved (approval policy), leave, be
 * removed or banned by an administrator. Every change locks the community row first, so the member count stays
 * right under concurrent requests; an administrator who leaves leaves the community without one ({@link
 * CommunityAdministration}).
 */
@ApplicationScoped
public class CommunityMembership {

    @Inject
    Database database;

    @Inject
    CommunityStore store;

    @Inject
    MemberService members;

    protected CommunityMembership() {}

    CommunityMembership(Database database, CommunityStore store, MemberService members) {
        this.database = database;
        this.store = store;
        this.members = members;
    }

    /** Joins (open policy) or asks to (approval policy); answers what happened, in Japanese. */
    public String join(long me, long id) {
        CommunityService.requireActive(members, me);
        return database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            CommunityStanding s = store.standing(id, me);
            switch (s) {
                case BANNED -> throw new Refused("このコミュニティには参加できません。");
                case PENDING -> throw new Refused("参加を申請中です。管理人の承認をお待ちください。");
                case NONE -> {}
                default -> throw new Refused("すでに参加しています。");
            }
            Instant now = Clock.now();
            if (c.approval()) {
                store.addMember(id, me, CommunityStanding.PENDING, now);
                return "参加を申請しました。管理人が承認すると参加できます。";
            }
            store.addMember(id, me, CommunityStanding.MEMBER, now);
            store.addMembers(id, 1);
            return "コミュニティに参加しました。";
        });
    }

    /** An administrator admits ({@code approve}) or turns down a pending member. */
    public void decide(long me, long id, long member, boolean approve) {
        database.tx(em -> {
            CommunityService.locked(store, id);
            requireAdministrator(id, me);
            if (store.standing(id, member) != CommunityStanding.PENDING) {
                throw new Refused("申請が見つかりません。");
            }
            if (approve) {
                store.admit(id, member, Clock.now());
                store.addMembers(id, 1);
            } else {
                store.removeMember(id, member);
            }
            return null;
        });
    }

    /**
     * Leaves. The administrator leaving leaves the community without one: its members are asked to take over (see
     * {@link CommunityAdministration#volunteer}). A pending member withdraws the request instead.
     *
     * @return what was done, for the member: {@link #LEFT} or {@link #WITHDRAWN}
     */
    public String leave(long me, long id) {
        return leave(me, id, Clock.now());
    }

    /** The answer to leaving as a member. */
    public static final String LEFT = "コミュニティを退会しました。";
    /** The answer to leaving while the request waits for the administrator. */
    public static final String WITHDRAWN = "参加の申請を取り下げました。";

    String leave(long me, long id, Instant now) {
        return database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            CommunityStanding s = store.standing(id, me);
            if (!s.isMember() && s != CommunityStanding.PENDING) {
                throw new Refused("参加していません。");
            }
            store.removeMember(id, me);
            if (s.isMember()) {
                store.addMembers(id, -1);
            }
            if (c.adminId() != null && c.adminId() == me) {
                store.setAdmin(id, null, now);
            } else if (c.handoverTo() != null && c.handoverTo() == me) {
                store.setHandover(id, null);
            }
            return s.isMember() ? LEFT : WITHDRAWN;
        });
    }

    /** An administrator removes a member (sub-administrators may remove members only); they may join again. */
    public void remove(long me, long id, long member) {
        expel(me, id, member, false);
    }

    /** An administrator bans a member: removed, and may not join again. */
    public void ban(long me, long id, long member) {
        expel(me, id, member, true);
    }

    private void expel(long me, long id, long member, boolean ban) {
        database.tx(em -> {
            CommunityService.locked(store, id);
            CommunityStanding mine = requireAdministrator(id, me);
            CommunityStanding theirs = store.standing(id, member);
            if (member == me
                    || theirs == CommunityStanding.ADMIN
                    || (theirs == CommunityStanding.SUB_ADMIN && mine != CommunityStanding.ADMIN)) {
                throw new Refused("このメンバーは外せません。");
            }
            if (theirs == CommunityStanding.NONE && !ban) {
                throw new Refused("参加していません。");
            }
            if (theirs.isMember()) {
                store.addMembers(id, -1);
            }
            if (ban) {
                if (theirs == CommunityStanding.NONE) {
                    store.addMember(id, member, CommunityStanding.BANNED, Clock.now());
                } else {
                    store.setRole(id, member, CommunityStanding.BANNED);
                }
            } else {
                store.removeMember(id, member);
            }
            return null;
        });
    }

    private CommunityStanding requireAdministrator(long id, long me) {
        CommunityStanding s = store.standing(id, me);
        if (!s.isAdministrator()) {
            throw new Refused("管理人・副管理人だけができる操作です。");
        }
        return s;
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * A community's administrators: one administrator and up to {@link CommunityService#MAX_SUB_ADMINS}
 * sub-administrators; handing over with the new administrator's consent; when the administrator leaves, the oldest
 * member who agreed takes over once {@link CommunityService#SUCCESSION_WINDOW} has passed, and after {@link
 * CommunityService#CLAIM_AFTER} without one any member may claim it. Every change locks the community row first.
 */
@ApplicationScoped
public class CommunityAdministration {

    @Inject
    Database database;

    @Inject
    CommunityStore store;

    protected CommunityAdministration() {}

    CommunityAdministration(Database database, CommunityStore store) {
        this.database = database;
        this.store = store;
    }

    /** The administrator makes a member a sub-administrator (at most {@link CommunityService#MAX_SUB_ADMINS}) or a member again. */
    public void setSubAdmin(long me, long id, long member, boolean on) {
        database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            if (c.adminId() == null || c.adminId() != me) {
                throw new Refused("管理人だけができる操作です。");
            }
            CommunityStanding theirs = store.standing(id, member);
            if (on) {
                if (theirs != CommunityStanding.MEMBER) {
                    throw new Refused("メンバーだけを副管理人にできます。");
                }
                if (store.countRole(id, CommunityStanding.SUB_ADMIN) >= CommunityService.MAX_SUB_ADMINS) {
                    throw new Refused("副管理人は" + CommunityService.MAX_SUB_ADMINS + "人までです。");
                }
                store.setRole(id, member, CommunityStanding.SUB_ADMIN);
            } else if (theirs == CommunityStanding.SUB_ADMIN) {
                store.setRole(id, member, CommunityStanding.MEMBER);
            }
            return null;
        });
    }

    /** The administrator asks a member to take over; nothing changes until that member accepts. */
    public void offerHandover(long me, long id, long to) {
        database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            if (c.adminId() == null || c.adminId() != me) {
                throw new Refused("管理人だけができる操作です。");
            }
            if (to == me || !store.standing(id, to).isMember()) {
                throw new Refused("メンバーにだけ管理人を引き継げます。");
            }
            store.setHandover(id, to);
            return null;
        });
    }

    /** The asked member accepts ({@code accept}) or declines the handover. */
    public void answerHandover(long me, long id, boolean accept) {
        database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            if (c.handoverTo() == null
                    || c.handoverTo() != me
                    || !store.standing(id, me).isMember()) {
                throw new Refused("引き継ぎの依頼はありません。");
            }
            if (!accept) {
                store.setHandover(id, null);
                return null;
            }
            if (c.adminId() != null) {
                store.setRole(id, c.adminId(), CommunityStanding.MEMBER);
            }
            store.setRole(id, me, CommunityStanding.ADMIN);
            store.setVolunteer(id, me, false);
            store.setAdmin(id, me, null);
            return null;
        });
    }

    /** The administrator {@code admin} is gone (withdrew from the site): removed, and the community left without one. */
    void vacate(long id, long admin, Instant now) {
        database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            if (c.adminId() != null && c.adminId() == admin) {
                if (store.removeMember(id, admin)) {
                    store.addMembers(id, -1);
                }
                store.setAdmin(id, null, now);
            }
            return null;
        });
    }

    /** A member agrees to take over a community without an administrator. */
    public void volunteer(long me, long id) {
        volunteer(me, id, Clock.now());
    }

    void volunteer(long me, long id, Instant now) {
        database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            if (c.adminId() != null) {
                throw new Refused("このコミュニティには管理人がいます。");
            }
            if (!store.standing(id, me).isMember()) {
                throw new Refused("メンバーだけが引き受けられます。");
            }
            store.setVolunteer(id, me, true);
            return null;
        });
        settle(id, now);
    }

    /**
     * Once {@link CommunityService#SUCCESSION_WINDOW} has passed since the administrator left, the oldest member who agreed becomes
     * administrator. Answers the community as it is then.
     */
    Optional<Community> settle(long id, Instant now) {
        return database.tx(em -> {
            Optional<Community> c = store.lock(id);
            if (c.isEmpty()
                    || c.get().adminId() != null
                    || c.get().vacantSince() == null
                    || now.isBefore(c.get().vacantSince().plus(CommunityService.SUCCESSION_WINDOW))) {
                return c;
            }
            Optional<Long> heir = store.oldestVolunteer(id);
            if (heir.isEmpty()) {
                return c;
            }
            store.setRole(id, heir.get(), CommunityStanding.ADMIN);
            store.setVolunteer(id, heir.get(), false);
            store.setAdmin(id, heir.get(), null);
            return store.find(id);
        });
    }

    /** After {@link CommunityService#CLAIM_AFTER} without an administrator, any member may claim the community. */
    public void claim(long me, long id) {
        claim(me, id, Clock.now());
    }

    void claim(long me, long id, Instant now) {
        database.tx(em -> {
            Community c = CommunityService.locked(store, id);
            if (c.adminId() != null) {
                throw new Refused("このコミュニティには管理人がいます。");
            }
            if (c.vacantSince() == null || now.isBefore(c.vacantSince().plus(CommunityService.CLAIM_AFTER))) {
                throw new Refused("管理人不在から30日たつと引き継げます。");
            }
            if (!store.standing(id, me).isMember()) {
                throw new Refused("メンバーだけが引き継げます。");
            }
            store.setRole(id, me, CommunityStanding.ADMIN);
            store.setAdmin(id, me, null);
            return null;
        });
    }
}

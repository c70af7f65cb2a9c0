package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/** The invitation table, through JPA. Every method joins the caller's transaction. */
@ApplicationScoped
public class InvitationStore {

    @Inject
    Database database;

    protected InvitationStore() {}

    public InvitationStore(Database database) {
        this.database = database;
    }

    /** How many invitations the member sent after {@code since}. */
    long countSince(long inviterId, Instant since) {
        return database.tx(em -> em.createQuery(
                        "select count(i) from Invitation i where i.inviterId = :m and i.createdAt > :since", Long.class)
                .setParameter("m", inviterId)
                .setParameter("since", since)
                .getSingleResult());
    }

    /** The newest unused, unexpired invitation to this address. */
    Optional<Invitation> latestOpen(String address, Instant now) {
        return database.tx(em -> em
                .createQuery(
                        "select i from Invitation i where i.email = :a and i.usedAt is null and i.expiresAt > :now"
                                + " order by i.createdAt desc",
                        Invitation.class)
                .setParameter("a", address)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst());
    }

    /** The invitation whose mailed token has this hash. */
    Optional<Invitation> byToken(String tokenHash) {
        return database.tx(em -> em
                .createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
                .setParameter("h", tokenHash)
                .getResultList()
                .stream()
                .findFirst());
    }

    /** The invitation, managed by the current transaction, or null. */
    Invitation inTransaction(long id) {
        return database.tx(em -> em.find(Invitation.class, id));
    }

    void add(Invitation invitation) {
        database.run(em -> em.persist(invitation));
    }
}

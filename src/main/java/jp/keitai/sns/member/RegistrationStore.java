package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * The registration table (registrations and address changes in progress), through JPA. Every method joins the
 * caller's transaction; a registration it returns is managed by it, so a change to it is saved at commit.
 */
@ApplicationScoped
public class RegistrationStore {

    @Inject
    Database database;

    protected RegistrationStore() {}

    public RegistrationStore(Database database) {
        this.database = database;
    }

    /** The registration whose mailed token has this hash. */
    Optional<Registration> byToken(String tokenHash) {
        return database.tx(em -> em
                .createQuery("select r from Registration r where r.tokenHash = :h", Registration.class)
                .setParameter("h", tokenHash)
                .getResultList()
                .stream()
                .findFirst());
    }

    /** The registration, its row locked until the transaction ends: one step at a time per link. */
    Registration locked(long id) {
        return database.tx(em -> em.find(Registration.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Deletes registrations and address changes whose link ran out before {@code before}; returns how many. */
    int purgeExpired(java.time.Instant before) {
        return database.tx(em -> em.createQuery("delete from Registration r where r.expiresAt < :t")
                .setParameter("t", before)
                .executeUpdate());
    }

    void add(Registration registration) {
        database.run(em -> em.persist(registration));
    }
}

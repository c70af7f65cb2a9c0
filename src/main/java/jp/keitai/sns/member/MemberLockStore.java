package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import jp.keitai.sns.system.Database;

/**
 * Row locks on the member table, through JDBC: the statement must run on the transaction's own connection, which a
 * JPA read before the transaction's first write would not use.
 */
@ApplicationScoped
public class MemberLockStore {

    @Inject
    Database database;

    protected MemberLockStore() {}

    public MemberLockStore(Database database) {
        this.database = database;
    }

    /** Locks these members' rows, in the order given, until the current transaction ends. */
    void lock(long[] ids) {
        database.jdbc(c -> {
            for (long id : ids) {
                try (PreparedStatement ps = c.prepareStatement("select id from member where id = ? for update")) {
                    ps.setLong(1, id);
                    ps.executeQuery().close();
                }
            }
            return null;
        });
    }
}

package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import jp.keitai.sns.system.Database;

/** The answers {@code get@} sent, per address (table {@code get_mail_answer}), through JDBC. */
@ApplicationScoped
public class GetMailAnswerStore {

    @Inject
    Database database;

    protected GetMailAnswerStore() {}

    public GetMailAnswerStore(Database database) {
        this.database = database;
    }

    /** How many answers went to this address after {@code since}. */
    int countSince(String address, Instant since) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select count(*) from get_mail_answer where address = ? and answered_at > ?")) {
                ps.setString(1, address);
                ps.setTimestamp(2, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Records an answer, and forgets the answers older than {@code forgetBefore}. */
    void add(String address, Instant at, Instant forgetBefore) {
        database.jdbc(c -> {
            try (PreparedStatement del = c.prepareStatement("delete from get_mail_answer where answered_at < ?")) {
                del.setTimestamp(1, Timestamp.from(forgetBefore));
                del.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("insert into get_mail_answer (address, answered_at) values (?, ?)")) {
                ps.setString(1, address);
                ps.setTimestamp(2, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }
}

package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Operators' changes to the carrier data (table {@code carrier_override}), through JDBC: one row per carrier, kind and
 * item, the latest action winning. Inside a transaction it writes through its connection.
 */
@ApplicationScoped
public class CarrierOverrideStore {

    @Inject
    Database database;

    protected CarrierOverrideStore() {}

    public CarrierOverrideStore(Database database) {
        this.database = database;
    }

    /** Puts this action in place of any earlier one on the same item. */
    void replace(String carrier, String kind, String item, String action, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement del =
                    c.prepareStatement("delete from carrier_override where carrier = ? and kind = ? and item = ?")) {
                del.setString(1, carrier);
                del.setString(2, kind);
                del.setString(3, item);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("insert into carrier_override"
                    + " (carrier, kind, item, action, created_at) values (?, ?, ?, ?, ?)")) {
                ins.setString(1, carrier);
                ins.setString(2, kind);
                ins.setString(3, item);
                ins.setString(4, action);
                ins.setTimestamp(5, Timestamp.from(at));
                return ins.executeUpdate();
            }
        });
    }

    /** Every change, oldest first, dated in Japan. */
    List<CarrierOverrides.Change> all() {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select carrier, kind, item, action, created_at from carrier_override order by id")) {
                List<CarrierOverrides.Change> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CarrierOverrides.Change(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5)
                                        .toInstant()
                                        .atZone(Clock.JAPAN)
                                        .toLocalDate()
                                        .toString()));
                    }
                }
                return List.copyOf(out);
            }
        });
    }
}

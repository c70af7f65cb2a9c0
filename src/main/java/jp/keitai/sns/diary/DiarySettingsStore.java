package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.Database;

/**
 * The {@code diary_setting} table through JDBC: one row per member who saved settings; a member without one has the
 * defaults (friends, no comment mail).
 */
@ApplicationScoped
public class DiarySettingsStore {

    private static final String PREFETCH = DiarySettingsStore.class.getName() + ".prefetch";

    @Inject
    Database database;

    protected DiarySettingsStore() {}

    DiarySettingsStore(Database database) {
        this.database = database;
    }

    private static DiaryViews.Settings defaults() {
        return new DiaryViews.Settings(Visibility.FRIENDS.value(), false);
    }

    /** The member's settings; inside a transaction, from what {@link #prefetch} read for it, if it did. */
    public DiaryViews.Settings find(long member) {
        Map<Long, DiaryViews.Settings> known = database.transactionLocal(PREFETCH, HashMap::new);
        if (known != null && known.containsKey(member)) {
            return known.get(member);
        }
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select default_visibility, comment_mail from diary_setting where member_id = ?")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new DiaryViews.Settings(rs.getString(1), rs.getBoolean(2));
                    }
                }
            }
            return defaults();
        });
    }

    /**
     * Reads these members' settings in one statement and keeps them for the rest of the current transaction, where
     * {@link #find} answers from them (the mail worker, for a batch of diary mails). Outside a transaction: nothing.
     */
    public void prefetch(Collection<Long> memberIds) {
        Map<Long, DiaryViews.Settings> known = database.transactionLocal(PREFETCH, HashMap::new);
        List<Long> ids = memberIds.stream().distinct().toList();
        if (known == null || ids.isEmpty()) {
            return;
        }
        Map<Long, DiaryViews.Settings> found = new HashMap<>();
        ids.forEach(id -> found.put(id, defaults()));
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select member_id, default_visibility, comment_mail from diary_setting where member_id in ("
                            + Database.placeholders(ids.size()) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), new DiaryViews.Settings(rs.getString(2), rs.getBoolean(3)));
                    }
                }
            }
            return null;
        });
        known.putAll(found);
    }

    /** In the caller's transaction: saves the member's settings (an update, or the first row). */
    public void save(long member, String defaultVisibility, boolean commentMail) {
        if (!database.inTransaction()) {
            throw new IllegalStateException("runs in the caller's transaction");
        }
        database.jdbc(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "update diary_setting set default_visibility = ?, comment_mail = ? where member_id = ?")) {
                ps.setString(1, defaultVisibility);
                ps.setBoolean(2, commentMail);
                ps.setLong(3, member);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into diary_setting (member_id, default_visibility, comment_mail) values (?, ?, ?)")) {
                    ps.setLong(1, member);
                    ps.setString(2, defaultVisibility);
                    ps.setBoolean(3, commentMail);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}

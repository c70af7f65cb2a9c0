package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.system.Database;

/**
 * The {@code diary} table's statements that are plain JDBC because they are on the hot write and read paths: the
 * INSERT of a new diary (a mail batch's diaries in one JDBC batch at its commit), and each of many authors' newest
 * diaries per level in one window query (for {@link DiaryFeed}). A plain INSERT because {@code em.persist} registers,
 * copies and compares the entity at every flush, which costs as much as the insert itself for a diary posted by mail.
 */
@ApplicationScoped
public class DiaryRowStore {

    /** A new diary's columns, whichever way its id is chosen; {@link #bind} fills their parameters. */
    private static final String COLUMNS = "author_id, title, body, visibility, month_jst, comment_count,"
            + " next_comment_no, via_mail, created_at, updated_at, news_article_id";

    private static final String VALUES = "?, ?, ?, ?, ?, 0, 1, ?, ?, ?, ?";

    private static final String MAIL_BATCH = DiaryRowStore.class.getName() + ".mailBatch";

    /** Authors per window query: keeps the {@code in (…)} list within every driver's parameter limit. */
    private static final int CHUNK = 500;

    /** This transaction's reserved ids and the diaries waiting for its commit. */
    private record MailBatch(List<Long> ids, List<MailRow> rows) {}

    private record MailRow(long id, Diary diary) {}

    @Inject
    Database database;

    protected DiaryRowStore() {}

    DiaryRowStore(Database database) {
        this.database = database;
    }

    /**
     * Writes a new diary and returns its id. With {@code batchable} (a mailed diary without photos: photo rows need the
     * diary row first) and ids left from {@link #reserveIds}, the diary takes one and waits for the batch's one INSERT
     * just before the commit; otherwise it is inserted at once.
     */
    public long insert(Diary d, boolean batchable) {
        // never creates a batch: a mailed diary without one is inserted at once, and no empty batch runs at the commit
        MailBatch batch = batchable ? database.transactionLocal(MAIL_BATCH, () -> null) : null;
        if (batch != null && !batch.ids().isEmpty()) {
            long id = batch.ids().remove(0);
            batch.rows().add(new MailRow(id, d));
            return id;
        }
        return database.jdbc(c -> insertRow(c, d));
    }

    /**
     * Reserves ids for the diaries that the rest of this transaction posts by mail: on PostgreSQL, {@code n} ids from
     * the diary table's own sequence in one statement, so each diary has its id at once (for the confirmation mail)
     * and all are written in one JDBC batch just before the commit. Elsewhere (H2), for one diary, or outside a
     * transaction, nothing changes: each diary is inserted at once.
     */
    public void reserveIds(int n) {
        MailBatch batch = database.isPostgresql() && n > 1 ? mailBatch() : null;
        if (batch == null) {
            return;
        }
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select nextval(pg_get_serial_sequence('diary', 'id')) from generate_series(1, ?)")) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.ids().add(rs.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    /** This transaction's batch, made (with its hook at the commit) on first use; null outside a transaction. */
    private MailBatch mailBatch() {
        return database.transactionLocal(MAIL_BATCH, () -> {
            MailBatch b = new MailBatch(new ArrayList<>(), new ArrayList<>());
            database.beforeCommit(() -> database.jdbc(c -> insertRows(c, b.rows())));
            return b;
        });
    }

    private static int insertRows(Connection c, List<MailRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps =
                c.prepareStatement("insert into diary (id, " + COLUMNS + ") values (?, " + VALUES + ")")) {
            for (MailRow r : rows) {
                ps.setLong(1, r.id());
                bind(ps, 2, r.diary());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private static long insertRow(Connection c, Diary d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into diary (" + COLUMNS + ") values (" + VALUES + ")", new String[] {"id"})) {
            bind(ps, 1, d);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id for the new diary");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, int first, Diary d) throws SQLException {
        ps.setLong(first, d.getAuthorId());
        ps.setString(first + 1, d.getTitle());
        ps.setString(first + 2, d.getBody());
        ps.setString(first + 3, d.getVisibility());
        ps.setInt(first + 4, d.getMonthJst());
        ps.setBoolean(first + 5, d.isViaMail());
        Timestamp at = Timestamp.from(d.getCreatedAt());
        ps.setTimestamp(first + 6, at);
        ps.setTimestamp(first + 7, at);
        ps.setObject(first + 8, d.getNewsArticleId(), java.sql.Types.BIGINT);
    }

    /**
     * Each author's newest diaries, at most {@code depth} of each level, newest first per author; authors without
     * diaries are left out.
     */
    public Map<Long, List<DiaryViews.Line>> newestPerLevel(Set<Long> authors, int depth) {
        Map<Long, List<DiaryViews.Line>> out = new HashMap<>();
        List<Long> ids = List.copyOf(authors);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            database.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("select id, author_id, created_at, visibility, title,"
                        + " comment_count from (select d.*, row_number() over (partition by author_id, visibility"
                        + " order by created_at desc, id desc) as rn from diary d where author_id in ("
                        + Database.placeholders(chunk.size())
                        + ")) t where rn <= ? order by author_id, created_at desc, id desc")) {
                    int i = 1;
                    for (Long a : chunk) {
                        ps.setLong(i++, a);
                    }
                    ps.setInt(i, depth);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long author = rs.getLong(2);
                            out.computeIfAbsent(author, k -> new ArrayList<>())
                                    .add(new DiaryViews.Line(
                                            rs.getLong(1),
                                            author,
                                            rs.getString(5),
                                            Visibility.parse(rs.getString(4)).orElseThrow(),
                                            rs.getTimestamp(3).toInstant(),
                                            rs.getInt(6)));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }
}

package jp.keitai.sns.mail.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * What the operator console shows of the inbound spool: how many mails wait or were refused or quarantined, the rows
 * of one state page by page, one mail's headers and raw bytes; and the two things an operator does with a quarantined
 * mail once its cause is known: put it back in the queue (after a fix, the workers handle it as if just received) or
 * delete it. Both join the caller's transaction, so the console records them in its audit log in the same commit.
 */
@ApplicationScoped
public class SpoolReview {

    /** Rows on one console page. */
    public static final int PAGE = 50;

    /** The states an operator can list, in the console's order, with their Japanese names. */
    public static final Map<String, String> STATES = states();

    /** Most headers, and characters of one header, shown on the detail page (the raw download has everything). */
    private static final int MAX_HEADERS = 100;

    private static final int MAX_HEADER_CHARS = 1000;

    @Inject
    Database database;

    private SpoolReviewStore store;

    protected SpoolReview() {}

    public SpoolReview(Database database) {
        this.database = database;
    }

    private static Map<String, String> states() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(SpoolMessage.QUARANTINED, "保留（要確認）");
        s.put(SpoolMessage.REFUSED, "受付拒否");
        s.put(SpoolMessage.NEW, "処理待ち");
        s.put(SpoolMessage.DUPLICATE, "重複");
        s.put(SpoolMessage.DONE, "処理済み");
        return Collections.unmodifiableMap(s);
    }

    private SpoolReviewStore store() {
        if (store == null) {
            store = new SpoolReviewStore(database);
        }
        return store;
    }

    /** The most rows counted per state: beyond it the console says 「10000件以上」. */
    public static final int COUNT_CAP = 10_000;

    /** The last page an operator can open (older mail is found by its number, {@code /admin/mail/{id}}). */
    public static final int LAST_PAGE = COUNT_CAP / PAGE;

    /**
     * Rows per state, every state of {@link #STATES} present (0 when none), in its order; a state with more than
     * {@link #COUNT_CAP} rows shows as {@code COUNT_CAP + 1}.
     */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        STATES.keySet().forEach(s -> out.put(s, store().count(s, COUNT_CAP)));
        return out;
    }

    /**
     * Page {@code page} (1 to {@link #LAST_PAGE}, clamped) of the rows in {@code state}, newest first: up to
     * {@link #PAGE} + 1 rows, the last only saying there is a next page.
     */
    public List<Row> list(String state, int page) {
        if (!STATES.containsKey(state)) {
            throw new IllegalArgumentException("no such spool state: " + state);
        }
        int p = Math.min(Math.max(1, page), LAST_PAGE);
        return store().page(state, (p - 1) * PAGE, PAGE + 1);
    }

    /** One mail: its row, its headers (encoded words decoded) and its raw bytes. */
    public Optional<Detail> find(long id) {
        return store().one(id).map(s -> new Detail(s.row(), headers(s.raw())));
    }

    /** One mail's raw bytes exactly as received (for the download: nothing parsed). */
    public Optional<byte[]> raw(long id) {
        return store().raw(id);
    }

    /**
     * Puts a quarantined mail back in the queue; returns the reason it had been quarantined for (for the audit log:
     * the row forgets it), or empty if it is not quarantined (any more).
     */
    public Optional<String> retry(long id) {
        return Optional.ofNullable(store().requeueQuarantined(id));
    }

    /** Deletes a quarantined mail; returns the reason it had been quarantined for, or empty if it is not quarantined. */
    public Optional<String> delete(long id) {
        return Optional.ofNullable(store().deleteQuarantined(id));
    }

    /** The header section as the console shows it: each header unfolded and its encoded words decoded. */
    static List<NamedValue> headers(byte[] raw) {
        List<NamedValue> out = new ArrayList<>();
        try {
            // reads up to the blank line that ends the headers; bytes above 0x7F come through as ISO-8859-1
            InternetHeaders parsed = new InternetHeaders(new ByteArrayInputStream(raw));
            for (Header h : Collections.list(parsed.getAllHeaders())) {
                if (out.size() == MAX_HEADERS) {
                    out.add(new NamedValue("…", "（以下のヘッダーは元のメールで確認してください）"));
                    break;
                }
                out.add(new NamedValue(h.getName(), clip(decode(h.getValue()))));
            }
        } catch (MessagingException e) {
            out.add(new NamedValue("…", "ヘッダーを読み取れません: " + e.getMessage()));
        }
        return out;
    }

    private static String decode(String value) {
        String unfolded = MimeUtility.unfold(value == null ? "" : value).strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_HEADER_CHARS ? s : s.substring(0, MAX_HEADER_CHARS) + "…";
    }

    /** A header's name and its decoded value. */
    public record NamedValue(String name, String value) {

        public String getName() {
            return name;
        }

        public String getValue() {
            return value;
        }
    }

    /** One spool row without its raw bytes (getters for the console's templates). */
    public record Row(
            long id,
            Instant receivedAt,
            String remoteAddr,
            String helo,
            String envelopeFrom,
            String recipient,
            int sizeBytes,
            String state,
            int attempts,
            String route,
            String reason,
            Instant handledAt) {

        public long getId() {
            return id;
        }

        /** When it was received, Japan time to the second. */
        public String getReceived() {
            return Clock.japanSecond(receivedAt);
        }

        /** When it was handled, Japan time to the second; empty while it waits. */
        public String getHandled() {
            return Clock.japanSecond(handledAt);
        }

        public String getRemoteAddr() {
            return remoteAddr;
        }

        public String getHelo() {
            return helo;
        }

        public String getEnvelopeFrom() {
            return envelopeFrom;
        }

        public String getRecipient() {
            return recipient;
        }

        public int getSizeBytes() {
            return sizeBytes;
        }

        public String getState() {
            return state;
        }

        public String getStateName() {
            return STATES.getOrDefault(state, state);
        }

        public int getAttempts() {
            return attempts;
        }

        public String getRoute() {
            return route;
        }

        public String getReason() {
            return reason;
        }

        public boolean isQuarantined() {
            return SpoolMessage.QUARANTINED.equals(state);
        }
    }

    /** One mail as the detail page shows it. */
    public record Detail(Row row, List<NamedValue> headers) {

        public Row getRow() {
            return row;
        }

        public List<NamedValue> getHeaders() {
            return headers;
        }
    }
}

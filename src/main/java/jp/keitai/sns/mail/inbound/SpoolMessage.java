package jp.keitai.sns.mail.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One accepted inbound mail for one recipient: the raw bytes exactly as received, and what became of it. Operators
 * read these (refused and quarantined mail); nothing else writes them but the listener and the workers.
 */
@Entity
@Table(name = "mail_spool")
public class SpoolMessage {

    public static final String NEW = "new";
    public static final String DONE = "done";
    public static final String REFUSED = "refused";
    public static final String QUARANTINED = "quarantined";
    public static final String DUPLICATE = "duplicate";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "remote_addr")
    private String remoteAddr;

    private String helo;

    @Column(name = "envelope_from", nullable = false)
    private String envelopeFrom;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "local_part", nullable = false)
    private String localPart;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "dedup_key", nullable = false)
    private String dedupKey;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(nullable = false)
    private byte[] raw;

    @Column(nullable = false)
    private String state = NEW;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    private String route;

    private String reason;

    @Column(name = "handled_at")
    private Instant handledAt;

    @Column(name = "handled_key")
    private String handledKey;

    protected SpoolMessage() {}

    SpoolMessage(
            Instant receivedAt,
            String remoteAddr,
            String helo,
            String envelopeFrom,
            String recipient,
            String localPart,
            String messageId,
            String dedupKey,
            byte[] raw) {
        this.receivedAt = receivedAt;
        this.remoteAddr = clip(remoteAddr, 64);
        this.helo = clip(helo, 255);
        this.envelopeFrom = clip(envelopeFrom, 512);
        this.recipient = clip(recipient, 512);
        this.localPart = localPart;
        this.messageId = clip(messageId, 998);
        this.dedupKey = dedupKey;
        this.sizeBytes = raw.length;
        this.raw = raw;
    }

    /** A row as read from the table by the worker (with plain JDBC). */
    static SpoolMessage loaded(
            long id,
            Instant receivedAt,
            String remoteAddr,
            String helo,
            String envelopeFrom,
            String recipient,
            String localPart,
            String messageId,
            String dedupKey,
            byte[] raw,
            String state,
            String claimedBy) {
        SpoolMessage m = new SpoolMessage(
                receivedAt, remoteAddr, helo, envelopeFrom, recipient, localPart, messageId, dedupKey, raw);
        m.id = id;
        m.state = state;
        m.claimedBy = claimedBy;
        return m;
    }

    void finish(String state, String route, String reason, Instant at, String handledKey) {
        this.state = state;
        this.route = route;
        this.reason = clip(reason, 1000);
        this.handledAt = at;
        this.handledKey = handledKey;
        this.claimedBy = null;
        this.leaseUntil = null;
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getReceivedAt() {
        return receivedAt;
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

    public String getLocalPart() {
        return localPart;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public byte[] getRaw() {
        return raw;
    }

    public String getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public String getRoute() {
        return route;
    }

    public String getReason() {
        return reason;
    }

    public Instant getHandledAt() {
        return handledAt;
    }
}

package jp.keitai.sns.mail.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One queued outbound mail, already encoded: delivery only moves bytes, so a retry sends exactly the same mail. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String carrier;

    private String template;

    @Column(nullable = false)
    private String subject;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(nullable = false)
    private byte[] raw;

    @Column(nullable = false)
    private String state = QUEUED;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMail() {}

    OutboxMail(
            Instant createdAt,
            String recipient,
            String carrier,
            String template,
            String subject,
            String messageId,
            byte[] raw) {
        this.createdAt = createdAt;
        this.recipient = recipient;
        this.carrier = carrier;
        this.template = template;
        this.subject = subject.length() > 1000 ? subject.substring(0, 1000) : subject;
        this.messageId = messageId;
        this.raw = raw;
        this.nextAttemptAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getCarrier() {
        return carrier;
    }

    public String getTemplate() {
        return template;
    }

    public String getSubject() {
        return subject;
    }

    public String getMessageId() {
        return messageId;
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

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    String getClaimedBy() {
        return claimedBy;
    }

    void sent(Instant at) {
        state = SENT;
        sentAt = at;
        claimedBy = null;
        leaseUntil = null;
        lastError = null;
    }

    void retryAt(Instant at, String error) {
        nextAttemptAt = at;
        claimedBy = null;
        leaseUntil = null;
        lastError = clip(error);
    }

    void failed(String error) {
        state = FAILED;
        claimedBy = null;
        leaseUntil = null;
        lastError = clip(error);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

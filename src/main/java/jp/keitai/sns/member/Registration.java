package jp.keitai.sns.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A registration in progress. Its token was mailed to an address, so opening it proves that address; the first
 * device to open it owns it. The member row is made only when the carrier address is proven.
 */
@Entity
@Table(name = "registration")
public class Registration {

    public enum Step {
        /** waiting for nickname and password (and the missing address) */
        FORM,
        /** form done; waiting for the link mailed to the carrier address */
        MOBILE_CONFIRM,
        /** a member's new PC address waits for its link */
        PC_CONFIRM,
        /** a member's new carrier address waits for its link */
        MOBILE_CHANGE,
        DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step;

    @Column(name = "mobile_email")
    private String mobileEmail;

    @Column(name = "pc_email")
    private String pcEmail;

    private String nickname;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "invitation_id")
    private Long invitationId;

    @Column(name = "device_hash")
    private String deviceHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "member_id")
    private Long memberId;

    protected Registration() {}

    Registration(String tokenHash, Step step, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.step = step;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public Step getStep() {
        return step;
    }

    public String getMobileEmail() {
        return mobileEmail;
    }

    public String getPcEmail() {
        return pcEmail;
    }

    public String getNickname() {
        return nickname;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Long getInvitationId() {
        return invitationId;
    }

    String getDeviceHash() {
        return deviceHash;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    public Long getMemberId() {
        return memberId;
    }

    /** The form must ask for the carrier address (the registration started from a PC address). */
    public boolean isMobileMissing() {
        return mobileEmail == null;
    }

    void setStep(Step step) {
        this.step = step;
    }

    void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    void setMobileEmail(String mobileEmail) {
        this.mobileEmail = mobileEmail;
    }

    void setPcEmail(String pcEmail) {
        this.pcEmail = pcEmail;
    }

    void setNickname(String nickname) {
        this.nickname = nickname;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setInvitationId(Long invitationId) {
        this.invitationId = invitationId;
    }

    void setDeviceHash(String deviceHash) {
        this.deviceHash = deviceHash;
    }

    void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    void setMemberId(Long memberId) {
        this.memberId = memberId;
    }
}

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

/** A member or operator account. Addresses are stored canonical (domain lower-cased). */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String nickname;

    @Column(name = "pc_email")
    private String pcEmail;

    @Column(name = "mobile_email")
    private String mobileEmail;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role = Role.MEMBER;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status = MemberStatus.ACTIVE;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "self_intro")
    private String selfIntro;

    /** who may read the self-introduction: everyone (all members), friends, or private */
    @Column(name = "self_intro_visibility", nullable = false)
    private String selfIntroVisibility = "everyone";

    /** 現住所: the prefecture's JIS code ({@link Prefecture}), null when not given */
    @Column(name = "prefecture")
    private Integer prefecture;

    protected Member() {}

    public Member(String nickname, String passwordHash, Role role, Instant createdAt) {
        this.nickname = nickname;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getNickname() {
        return nickname;
    }

    public String getPcEmail() {
        return pcEmail;
    }

    public void setPcEmail(String pcEmail) {
        this.pcEmail = pcEmail;
    }

    public String getMobileEmail() {
        return mobileEmail;
    }

    public void setMobileEmail(String mobileEmail) {
        this.mobileEmail = mobileEmail;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public MemberStatus getStatus() {
        return status;
    }

    public String getSelfIntro() {
        return selfIntro;
    }

    public String getSelfIntroVisibility() {
        return selfIntroVisibility;
    }

    public Integer getPrefecture() {
        return prefecture;
    }

    void setProfile(String nickname, String selfIntro, String selfIntroVisibility, Integer prefecture) {
        this.nickname = nickname;
        this.selfIntro = selfIntro;
        this.selfIntroVisibility = selfIntroVisibility;
        this.prefecture = prefecture;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** 退会: the account keeps its id (others' comments still point at it) but nothing that identifies the person. */
    void anonymise(String unusablePasswordHash) {
        this.nickname = "退会したメンバー";
        this.pcEmail = null;
        this.mobileEmail = null;
        this.selfIntro = null;
        this.passwordHash = unusablePasswordHash;
        this.status = MemberStatus.WITHDRAWN;
    }

    void setStatus(MemberStatus status) {
        this.status = status;
    }

    public boolean isSuspended() {
        return status == MemberStatus.SUSPENDED;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

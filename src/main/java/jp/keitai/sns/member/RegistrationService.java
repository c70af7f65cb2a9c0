package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Tokens;

/**
 * Who may join and how: invitations, the empty mail to {@code get@}, the registration form, and the mailed links
 * that prove each address. Every member ends with a proven carrier address on the allow-list; nothing is created
 * until it is proven, and a failed step leaves nothing half-made.
 */
@ApplicationScoped
public class RegistrationService {

    static final Duration INVITATION_TTL = Duration.ofDays(7);
    static final Duration LINK_TTL = Duration.ofHours(24);
    static final int INVITATIONS_PER_DAY = 20;

    static final String INVALID = "このURLは無効です。メールに書かれたURLをもう一度お確かめください。";
    static final String EXPIRED = "このURLは有効期限が切れています。お手数ですが、はじめからやり直してください。";
    static final String COMPLETED = "登録はすでに完了しています。ログインしてください。";
    static final String OTHER_DEVICE = "このURLは別の端末で開かれています。最初に開いた端末で続けてください。";
    static final String ADDRESS_REFUSED = "このメールアドレスでは登録できません。";
    static final String NOT_CARRIER = "携帯電話のメールアドレス（docomo・au・SoftBankなど）を入力してください。";
    static final String CARRIER_AS_PC = "PCメールアドレスには携帯電話以外のアドレスを入力してください。";

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    CarrierMailDomains domains;

    protected RegistrationService() {}

    public RegistrationService(Database database, Settings settings, CarrierMailDomains domains) {
        this.database = database;
        this.settings = settings;
        this.domains = domains;
    }

    /**
     * A step's answer: a message for the person, mails to send once the step is committed, and the member when one
     * was just created (the page then signs them in).
     */
    public record Outcome(boolean ok, String message, List<OutgoingMail> mails, Long memberId) {
        static Outcome refused(String message) {
            return new Outcome(false, message, List.of(), null);
        }

        static Outcome ok(String message, List<OutgoingMail> mails) {
            return new Outcome(true, message, mails, null);
        }
    }

    // --- invitations ---------------------------------------------------------------------------------------

    /**
     * Invites an address. The inviter is told the same whether or not the address is already a member; a member gets
     * a mail with the login page instead of an invitation.
     */
    public Outcome invite(long inviterId, String email) {
        Optional<String> domain = MobileMailAddress.domainOf(email);
        if (domain.isEmpty()) {
            return Outcome.refused("メールアドレスの形が正しくありません。");
        }
        String address = MailAddresses.canonical(email);
        Instant now = Clock.now();
        return database.tx(em -> {
            Member inviter = em.find(Member.class, inviterId);
            if (inviter == null || inviter.getStatus() != MemberStatus.ACTIVE) {
                return Outcome.refused("招待できません。");
            }
            long today = em.createQuery(
                            "select count(i) from Invitation i where i.inviterId = :m and i.createdAt > :since",
                            Long.class)
                    .setParameter("m", inviterId)
                    .setParameter("since", now.minus(Duration.ofDays(1)))
                    .getSingleResult();
            if (today >= INVITATIONS_PER_DAY && inviter.getRole() != Role.OPERATOR) {
                return Outcome.refused("今日はこれ以上招待できません（1日" + INVITATIONS_PER_DAY + "通まで）。");
            }
            String sent = "招待メールを送りました。届かない場合は、受信設定で " + settings.mailDomain() + " からのメールを許可してもらってください。";
            if (memberByAddress(em, address).isPresent()) {
                return Outcome.ok(sent, List.of(loginMail(address)));
            }
            String token = Tokens.random();
            em.persist(new Invitation(Tokens.sha256(token), address, inviterId, now, now.plus(INVITATION_TTL)));
            return Outcome.ok(
                    sent,
                    List.of(new OutgoingMail(
                            address,
                            "invitation",
                            Map.of(
                                    "inviter", inviter.getNickname(),
                                    "url", url("/register?token=" + token),
                                    "domain", settings.mailDomain()))));
        });
    }

    // --- get@ -----------------------------------------------------------------------------------------------

    /**
     * An empty mail to {@code get@}: a registration link for an allowed address (invited, or any in open mode), the
     * login page for a member, otherwise a polite refusal. The reply goes only to the sender and says nothing about
     * any other address.
     */
    public Outcome emptyMail(String sender) {
        Optional<MobileMailAddress> mobile = MobileMailAddress.of(sender, domains);
        if (mobile.isEmpty()) {
            return Outcome.refused("not an allow-listed carrier address");
        }
        String address = mobile.get().address();
        Instant now = Clock.now();
        return database.tx(em -> {
            if (memberByAddress(em, address).isPresent()) {
                return Outcome.ok("member", List.of(loginMail(address)));
            }
            Optional<Invitation> invitation = em
                    .createQuery(
                            "select i from Invitation i where i.email = :a and i.usedAt is null and i.expiresAt > :now"
                                    + " order by i.createdAt desc",
                            Invitation.class)
                    .setParameter("a", address)
                    .setParameter("now", now)
                    .setMaxResults(1)
                    .getResultList()
                    .stream()
                    .findFirst();
            if (invitation.isEmpty() && settings.registration() == Settings.Registration.INVITE) {
                return new Outcome(
                        false,
                        "not invited",
                        List.of(new OutgoingMail(address, "registration_refused", Map.of("url", url("/")))),
                        null);
            }
            String token = Tokens.random();
            Registration r = new Registration(Tokens.sha256(token), Registration.Step.FORM, now, now.plus(LINK_TTL));
            r.setMobileEmail(address);
            invitation.ifPresent(i -> r.setInvitationId(i.getId()));
            em.persist(r);
            return Outcome.ok(
                    "registration",
                    List.of(new OutgoingMail(address, "registration", Map.of("url", url("/register?token=" + token)))));
        });
    }

    // --- the web steps --------------------------------------------------------------------------------------

    /** Opens a mailed link. The first device to open it owns it. */
    public Opened open(String token, String deviceHash) {
        if (token == null || token.length() != 43) {
            return Opened.refused(INVALID);
        }
        String hash = Tokens.sha256(token);
        Instant now = Clock.now();
        return database.tx(em -> {
            Registration r = byToken(em, hash).orElse(null);
            if (r == null) {
                r = fromInvitation(em, hash, now);
                if (r == null) {
                    return Opened.refused(INVALID);
                }
            }
            if (r.getStep() == Registration.Step.DONE) {
                return Opened.refused(COMPLETED);
            }
            if (now.isAfter(r.getExpiresAt())) {
                return Opened.refused(EXPIRED);
            }
            if (r.getDeviceHash() == null) {
                r.setDeviceHash(deviceHash);
            } else if (!r.getDeviceHash().equals(deviceHash)) {
                return Opened.refused(OTHER_DEVICE);
            }
            return new Opened(r, null);
        });
    }

    /** @param registration null when refused */
    public record Opened(Registration registration, String refusal) {
        static Opened refused(String message) {
            return new Opened(null, message);
        }
    }

    /**
     * The registration form. With the carrier address proven the member is made now; otherwise the carrier address
     * gets a link and the member is made when it is opened.
     */
    public Outcome submit(
            String token, String deviceHash, String nickname, String password, String pcEmail, String mobileEmail) {
        String problem = checkNickname(nickname);
        if (problem == null) {
            problem = checkPassword(password);
        }
        if (problem != null) {
            return Outcome.refused(problem);
        }
        Opened opened = open(token, deviceHash);
        if (opened.refusal() != null) {
            return Outcome.refused(opened.refusal());
        }
        if (opened.registration().getStep() != Registration.Step.FORM) {
            return Outcome.refused(COMPLETED);
        }
        Optional<MobileMailAddress> mobile = Optional.empty();
        if (opened.registration().isMobileMissing()) {
            mobile = MobileMailAddress.of(mobileEmail, domains);
            if (mobile.isEmpty()) {
                return Outcome.refused(mobileRefusal(mobileEmail));
            }
        }
        String pc = null;
        if (opened.registration().getPcEmail() == null && pcEmail != null && !pcEmail.isBlank()) {
            Optional<String> pcDomain = MobileMailAddress.domainOf(pcEmail);
            if (pcDomain.isEmpty()) {
                return Outcome.refused("PCメールアドレスの形が正しくありません。");
            }
            if (domains.carrierOf(pcDomain.get()).isPresent()) {
                return Outcome.refused(CARRIER_AS_PC);
            }
            pc = MailAddresses.canonical(pcEmail);
        }
        String passwordHash = Passwords.hash(password);
        String newPc = pc;
        Optional<MobileMailAddress> newMobile = mobile;
        Instant now = Clock.now();
        try {
            return database.tx(em -> {
                Registration r =
                        em.find(Registration.class, opened.registration().getId(), LockModeType.PESSIMISTIC_WRITE);
                if (r.getStep() != Registration.Step.FORM) {
                    return Outcome.refused(COMPLETED);
                }
                r.setNickname(nickname.strip());
                r.setPasswordHash(passwordHash);
                if (newMobile.isPresent()) {
                    String address = newMobile.get().address();
                    if (memberByAddress(em, address).isPresent()) {
                        return Outcome.refused(ADDRESS_REFUSED);
                    }
                    String confirm = Tokens.random();
                    r.setMobileEmail(address);
                    r.setStep(Registration.Step.MOBILE_CONFIRM);
                    r.setTokenHash(Tokens.sha256(confirm));
                    r.setDeviceHash(null);
                    r.setExpiresAt(now.plus(LINK_TTL));
                    return Outcome.ok(
                            "携帯電話のメールアドレスに確認メールを送りました。携帯電話でメールのURLを開くと登録が完了します。" + "届かない場合は、受信設定で "
                                    + settings.mailDomain() + " からのメールを許可してください。",
                            List.of(new OutgoingMail(
                                    address,
                                    "confirm_mobile",
                                    Map.of("url", url("/register/confirm?token=" + confirm)))));
                }
                return complete(em, r, newPc, now);
            });
        } catch (PersistenceException e) {
            // the unique index on addresses: someone else finished with this address at the same moment
            return Outcome.refused(ADDRESS_REFUSED);
        }
    }

    // --- address changes -------------------------------------------------------------------------------------

    /**
     * A member asks to change an address ({@code kind} {@code mobile} or {@code pc}); the password is always asked.
     * The new address is proven like at registration: a link mailed to it, opened with {@link #confirm}. An empty PC
     * address removes the PC address at once. The old carrier address is told when the change is done.
     */
    public Outcome requestAddressChange(long memberId, String password, String kind, String email) {
        Member member = database.read(em -> em.find(Member.class, memberId));
        if (member == null || member.getStatus() != MemberStatus.ACTIVE) {
            return Outcome.refused(INVALID);
        }
        if (!Passwords.matches(password == null ? "" : password, member.getPasswordHash())) {
            return Outcome.refused(AccountService.WRONG_PASSWORD);
        }
        boolean mobileKind = "mobile".equals(kind);
        if (!mobileKind && !"pc".equals(kind)) {
            return Outcome.refused("変更するアドレスを選んでください。");
        }
        String address;
        if (mobileKind) {
            Optional<MobileMailAddress> mobile = MobileMailAddress.of(email, domains);
            if (mobile.isEmpty()) {
                return Outcome.refused(mobileRefusal(email));
            }
            address = mobile.get().address();
        } else if (email == null || email.isBlank()) {
            database.run(em -> em.find(Member.class, memberId).setPcEmail(null));
            return Outcome.ok("PCメールアドレスを削除しました。", List.of());
        } else {
            Optional<String> pcDomain = MobileMailAddress.domainOf(email);
            if (pcDomain.isEmpty()) {
                return Outcome.refused("PCメールアドレスの形が正しくありません。");
            }
            if (domains.carrierOf(pcDomain.get()).isPresent()) {
                return Outcome.refused(CARRIER_AS_PC);
            }
            address = MailAddresses.canonical(email);
        }
        Instant now = Clock.now();
        return database.tx(em -> {
            if (memberByAddress(em, address).isPresent()) {
                return Outcome.refused("このメールアドレスには変更できません。");
            }
            String token = Tokens.random();
            Registration r = new Registration(
                    Tokens.sha256(token),
                    mobileKind ? Registration.Step.MOBILE_CHANGE : Registration.Step.PC_CONFIRM,
                    now,
                    now.plus(LINK_TTL));
            if (mobileKind) {
                r.setMobileEmail(address);
            } else {
                r.setPcEmail(address);
            }
            r.setMemberId(memberId);
            em.persist(r);
            return Outcome.ok(
                    "新しいアドレスに確認メールを送りました。メールのURLを開くと変更が完了します（24時間有効）。届かない場合は、受信設定で " + settings.mailDomain()
                            + " からのメールを許可してください。",
                    List.of(new OutgoingMail(
                            address, "confirm_change", Map.of("url", url("/register/confirm?token=" + token)))));
        });
    }

    /** A mailed confirmation link: the carrier address of a registration, or a member's new PC address. */
    public Outcome confirm(String token, String deviceHash) {
        Opened opened = open(token, deviceHash);
        if (opened.refusal() != null) {
            return Outcome.refused(opened.refusal());
        }
        Instant now = Clock.now();
        try {
            return database.tx(em -> {
                Registration r =
                        em.find(Registration.class, opened.registration().getId(), LockModeType.PESSIMISTIC_WRITE);
                switch (r.getStep()) {
                    case MOBILE_CONFIRM:
                        return complete(em, r, null, now);
                    case PC_CONFIRM:
                        Member m = em.find(Member.class, r.getMemberId());
                        if (m == null || memberByAddress(em, r.getPcEmail()).isPresent()) {
                            return Outcome.refused(ADDRESS_REFUSED);
                        }
                        m.setPcEmail(r.getPcEmail());
                        r.setStep(Registration.Step.DONE);
                        return new Outcome(true, "PCメールアドレスを登録しました。", List.of(), null);
                    case MOBILE_CHANGE:
                        Member changing = em.find(Member.class, r.getMemberId());
                        if (changing == null
                                || changing.getStatus() != MemberStatus.ACTIVE
                                || memberByAddress(em, r.getMobileEmail()).isPresent()) {
                            return Outcome.refused(ADDRESS_REFUSED);
                        }
                        String old = changing.getMobileEmail();
                        changing.setMobileEmail(r.getMobileEmail());
                        r.setStep(Registration.Step.DONE);
                        em.flush();
                        return new Outcome(
                                true,
                                "携帯メールアドレスを変更しました。",
                                old == null ? List.of() : List.of(new OutgoingMail(old, "address_changed", Map.of())),
                                null);
                    default:
                        return Outcome.refused(INVALID);
                }
            });
        } catch (PersistenceException e) {
            return Outcome.refused(ADDRESS_REFUSED);
        }
    }

    private Outcome complete(EntityManager em, Registration r, String pcEmail, Instant now) {
        if (memberByAddress(em, r.getMobileEmail()).isPresent()) {
            return Outcome.refused(ADDRESS_REFUSED);
        }
        Member m = new Member(r.getNickname(), r.getPasswordHash(), Role.MEMBER, now);
        m.setMobileEmail(r.getMobileEmail());
        m.setPcEmail(r.getPcEmail());
        em.persist(m);
        em.flush();
        r.setStep(Registration.Step.DONE);
        r.setMemberId(m.getId());
        if (r.getInvitationId() != null) {
            Invitation i = em.find(Invitation.class, r.getInvitationId());
            if (i != null) {
                i.use(now);
            }
        }
        List<OutgoingMail> mails = List.of();
        if (pcEmail != null && memberByAddress(em, pcEmail).isEmpty()) {
            String token = Tokens.random();
            Registration pc =
                    new Registration(Tokens.sha256(token), Registration.Step.PC_CONFIRM, now, now.plus(LINK_TTL));
            pc.setPcEmail(pcEmail);
            pc.setMemberId(m.getId());
            em.persist(pc);
            mails = List.of(
                    new OutgoingMail(pcEmail, "confirm_pc", Map.of("url", url("/register/confirm?token=" + token))));
        }
        return new Outcome(true, "登録が完了しました。ようこそ！", mails, m.getId());
    }

    /** An invitation link opened for the first time becomes a registration under the same token. */
    private Registration fromInvitation(EntityManager em, String hash, Instant now) {
        List<Invitation> found = em.createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
                .setParameter("h", hash)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Invitation i = found.get(0);
        Registration r = new Registration(hash, Registration.Step.FORM, now, i.getExpiresAt());
        r.setInvitationId(i.getId());
        if (i.getUsedAt() != null) {
            r.setStep(Registration.Step.DONE);
        }
        boolean carrier = MobileMailAddress.of(i.getEmail(), domains).isPresent();
        if (carrier) {
            r.setMobileEmail(i.getEmail());
        } else {
            r.setPcEmail(i.getEmail());
        }
        em.persist(r);
        return r;
    }

    private String mobileRefusal(String mobileEmail) {
        Optional<String> domain = MobileMailAddress.domainOf(mobileEmail);
        if (domain.isEmpty()) {
            return "メールアドレスの形が正しくありません。";
        }
        return NOT_CARRIER + "（" + domain.get() + " は登録できるドメインにありません）";
    }

    static String checkNickname(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return "ニックネームを入力してください。";
        }
        String n = nickname.strip();
        if (n.codePointCount(0, n.length()) > 20) {
            return "ニックネームは20文字までです。";
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            return "ニックネームに使えない文字が含まれています。";
        }
        return null;
    }

    static String checkPassword(String password) {
        if (password == null || password.length() < 8) {
            return "パスワードは8文字以上にしてください。";
        }
        if (password.length() > 72) {
            return "パスワードは72文字までです。";
        }
        return null;
    }

    private Optional<Registration> byToken(EntityManager em, String hash) {
        return em
                .createQuery("select r from Registration r where r.tokenHash = :h", Registration.class)
                .setParameter("h", hash)
                .getResultList()
                .stream()
                .findFirst();
    }

    private static Optional<Member> memberByAddress(EntityManager em, String address) {
        return em
                .createQuery("select m from Member m where m.mobileEmail = :a or m.pcEmail = :a", Member.class)
                .setParameter("a", address)
                .getResultList()
                .stream()
                .findFirst();
    }

    private OutgoingMail loginMail(String address) {
        return new OutgoingMail(address, "login", Map.of("url", url("/")));
    }

    private String url(String path) {
        return settings.baseUrl() + path;
    }
}

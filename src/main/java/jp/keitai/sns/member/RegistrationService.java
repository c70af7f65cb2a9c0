package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.Tokens;

/**
 * Who may join and how: the empty mail to {@code get@}, the registration form, and the mailed links that prove each
 * address. Every member ends with a proven carrier address on the allow-list; nothing is created until it is proven,
 * and a failed step leaves nothing half-made.
 */
@ApplicationScoped
public class RegistrationService {

    static final Duration LINK_TTL = Duration.ofHours(24);

    static final String INVALID = "このURLは無効です。メールに書かれたURLをもう一度お確かめください。";
    static final String EXPIRED = "このURLは有効期限が切れています。お手数ですが、はじめからやり直してください。";
    static final String COMPLETED = "登録はすでに完了しています。ログインしてください。";
    static final String OTHER_DEVICE = "このURLは別の端末で開かれています。最初に開いた端末で続けてください。";
    static final String ADDRESS_REFUSED = "このメールアドレスでは登録できません。";

    /** get@ answers one address at most this often per {@link #GET_WINDOW}. */
    static final int GET_ANSWERS = 3;

    static final Duration GET_WINDOW = Duration.ofHours(1);

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    CarrierMailDomains domains;

    @Inject
    RegistrationStore registrations;

    @Inject
    InvitationStore invitations;

    @Inject
    MemberStore members;

    @Inject
    AddressChangeService addressChanges;

    @Inject
    GetMailAnswerStore getAnswers;

    protected RegistrationService() {}

    public RegistrationService(Database database, Settings settings, CarrierMailDomains domains) {
        this.database = database;
        this.settings = settings;
        this.domains = domains;
        this.registrations = new RegistrationStore(database);
        this.invitations = new InvitationStore(database);
        this.members = new MemberStore(database);
        this.addressChanges = new AddressChangeService(database, settings, domains);
        this.getAnswers = new GetMailAnswerStore(database);
    }

    /**
     * An empty mail to {@code get@}: a registration link for an allowed address (invited, or any in open mode), the
     * login page for a member, otherwise a polite refusal ({@link NotInvited}, which carries it). The reply goes only
     * to the sender and says nothing about any other address; a sender off the carrier allow-list is answered only
     * when it is a member's confirmed PC address (with the login page), and refused with no reply at all otherwise, as
     * is an address answered {@link #GET_ANSWERS} times in the last hour already (a forged sender must not make get@
     * flood a handset or a stranger's mailbox). The answer is counted in the same transaction that queues it.
     */
    public StepDone emptyMail(String sender) {
        Optional<MobileMailAddress> mobile = MobileMailAddress.of(sender, domains);
        String address;
        if (mobile.isPresent()) {
            address = mobile.get().address();
        } else {
            address = sender == null ? "" : MailAddresses.canonical(sender);
            if (address.indexOf('@') < 1 || !members.isTaken(address)) {
                throw new Refused("not an allow-listed carrier address");
            }
        }
        Instant now = Clock.now();
        Object answered = database.tx(em -> {
            if (getAnswers.countSince(address, now.minus(GET_WINDOW)) >= GET_ANSWERS) {
                throw new Refused("get@ はこのアドレスに1時間で" + GET_ANSWERS + "回返信済みです（返信なし）");
            }
            getAnswers.add(address, now, now.minus(GET_WINDOW));
            if (members.isTaken(address)) {
                return StepDone.told("member", List.of(new OutgoingMail(address, "login", Map.of("url", url("/")))));
            }
            Optional<Invitation> invitation = invitations.latestOpen(address, now);
            if (invitation.isEmpty() && settings.registration() == Settings.Registration.INVITE) {
                // returned, not thrown: the counted answer commits with it
                return new NotInvited(new OutgoingMail(address, "registration_refused", Map.of("url", url("/"))));
            }
            String token = Tokens.random();
            Registration r = new Registration(Tokens.sha256(token), Registration.Step.FORM, now, now.plus(LINK_TTL));
            r.setMobileEmail(address);
            invitation.ifPresent(i -> r.setInvitationId(i.getId()));
            registrations.add(r);
            return StepDone.told(
                    "registration",
                    List.of(new OutgoingMail(address, "registration", Map.of("url", url("/register?token=" + token)))));
        });
        if (answered instanceof NotInvited refusal) {
            throw refusal;
        }
        return (StepDone) answered;
    }

    /**
     * An empty mail from a carrier address nobody invited, in invitation mode: refused, with the polite reply that
     * still goes to the sender.
     */
    static final class NotInvited extends Refused {

        private final transient OutgoingMail reply;

        NotInvited(OutgoingMail reply) {
            super("not invited");
            this.reply = reply;
        }

        List<OutgoingMail> reply() {
            return List.of(reply);
        }
    }

    /** Opens a mailed link; throws {@link Refused} when it cannot be used. The first device to open it owns it. */
    public Registration open(String token, String deviceHash) {
        if (token == null || token.length() != 43) {
            throw new Refused(INVALID);
        }
        String hash = Tokens.sha256(token);
        Instant now = Clock.now();
        return database.tx(em -> {
            Registration r = registrations.byToken(hash).orElse(null);
            if (r == null) {
                r = fromInvitation(hash, now);
                if (r == null) {
                    throw new Refused(INVALID);
                }
            }
            if (r.getStep() == Registration.Step.DONE) {
                throw new Refused(COMPLETED);
            }
            if (now.isAfter(r.getExpiresAt())) {
                throw new Refused(EXPIRED);
            }
            if (r.getDeviceHash() == null) {
                r.setDeviceHash(deviceHash);
            } else if (!r.getDeviceHash().equals(deviceHash)) {
                throw new Refused(OTHER_DEVICE);
            }
            return r;
        });
    }

    /**
     * The registration form. With the carrier address proven the member is made now; otherwise the carrier address
     * gets a link and the member is made when it is opened. Throws {@link Refused} with the first problem.
     */
    public StepDone submit(
            String token, String deviceHash, String nickname, String password, String pcEmail, String mobileEmail) {
        String name = AccountForm.nickname(nickname);
        AccountForm.notReserved(name, members.operatorNicknames());
        AccountForm.password(password);
        Registration opened = open(token, deviceHash);
        if (opened.getStep() != Registration.Step.FORM) {
            throw new Refused(COMPLETED);
        }
        String mobile = opened.isMobileMissing()
                ? AccountForm.mobile(mobileEmail, domains).address()
                : null;
        String pc = opened.getPcEmail() == null && pcEmail != null && !pcEmail.isBlank()
                ? AccountForm.pcAddress(pcEmail, domains)
                : null;
        String passwordHash = Passwords.hash(password);
        Instant now = Clock.now();
        try {
            return database.tx(em -> {
                Registration r = registrations.locked(opened.getId());
                if (r.getStep() != Registration.Step.FORM) {
                    throw new Refused(COMPLETED);
                }
                r.setNickname(name);
                r.setPasswordHash(passwordHash);
                if (mobile != null) {
                    return askForMobile(r, mobile, now);
                }
                return complete(r, pc, now);
            });
        } catch (PersistenceException e) {
            // the unique index on addresses: someone else finished with this address at the same moment
            throw new Refused(ADDRESS_REFUSED);
        }
    }

    /** The form came from a PC address: the carrier address typed in it gets the link that completes registration. */
    private StepDone askForMobile(Registration r, String address, Instant now) {
        if (members.isTaken(address)) {
            throw new Refused(ADDRESS_REFUSED);
        }
        String confirm = Tokens.random();
        r.setMobileEmail(address);
        r.setStep(Registration.Step.MOBILE_CONFIRM);
        r.setTokenHash(Tokens.sha256(confirm));
        r.setDeviceHash(null);
        r.setExpiresAt(now.plus(LINK_TTL));
        return StepDone.told(
                "携帯電話のメールアドレスに確認メールを送りました。携帯電話でメールのURLを開くと登録が完了します。" + "届かない場合は、受信設定で " + settings.mailDomain()
                        + " からのメールを許可してください。",
                List.of(new OutgoingMail(
                        address, "confirm_mobile", Map.of("url", url("/register/confirm?token=" + confirm)))));
    }

    /**
     * A mailed confirmation link: the carrier address of a registration, or a member's new address ({@link
     * AddressChangeService}). Throws {@link Refused} when it cannot be used.
     */
    public StepDone confirm(String token, String deviceHash) {
        Registration opened = open(token, deviceHash);
        Instant now = Clock.now();
        try {
            return database.tx(em -> {
                Registration r = registrations.locked(opened.getId());
                if (r.getStep() == Registration.Step.MOBILE_CONFIRM) {
                    return complete(r, null, now);
                }
                return addressChanges.complete(r);
            });
        } catch (PersistenceException e) {
            throw new Refused(ADDRESS_REFUSED);
        }
    }

    private StepDone complete(Registration r, String pcEmail, Instant now) {
        if (members.isTaken(r.getMobileEmail())) {
            throw new Refused(ADDRESS_REFUSED);
        }
        Member m = new Member(r.getNickname(), r.getPasswordHash(), Role.MEMBER, now);
        m.setMobileEmail(r.getMobileEmail());
        m.setPcEmail(r.getPcEmail());
        members.add(m);
        r.setStep(Registration.Step.DONE);
        r.setMemberId(m.getId());
        if (r.getInvitationId() != null) {
            Invitation i = invitations.inTransaction(r.getInvitationId());
            if (i != null) {
                i.use(now);
            }
        }
        List<OutgoingMail> mails = List.of();
        if (pcEmail != null && !members.isTaken(pcEmail)) {
            String token = Tokens.random();
            Registration pc =
                    new Registration(Tokens.sha256(token), Registration.Step.PC_CONFIRM, now, now.plus(LINK_TTL));
            pc.setPcEmail(pcEmail);
            pc.setMemberId(m.getId());
            registrations.add(pc);
            mails = List.of(
                    new OutgoingMail(pcEmail, "confirm_pc", Map.of("url", url("/register/confirm?token=" + token))));
        }
        return new StepDone("登録が完了しました。ようこそ！", mails, m.getId());
    }

    /** An invitation link opened for the first time becomes a registration under the same token. */
    private Registration fromInvitation(String hash, Instant now) {
        Invitation i = invitations.byToken(hash).orElse(null);
        if (i == null) {
            return null;
        }
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
        registrations.add(r);
        return r;
    }

    private String url(String path) {
        return settings.baseUrl() + path;
    }
}

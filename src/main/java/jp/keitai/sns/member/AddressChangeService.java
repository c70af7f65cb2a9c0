package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.Tokens;

/**
 * A member changes an address ({@code mobile} or {@code pc}). The password is always asked, and the new address is
 * proven like at registration: a link mailed to it, opened through {@link RegistrationService#confirm}. An empty PC
 * address removes the PC address at once. The old carrier address is told when the change is done.
 */
@ApplicationScoped
public class AddressChangeService {

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    CarrierMailDomains domains;

    @Inject
    MemberStore members;

    @Inject
    RegistrationStore registrations;

    protected AddressChangeService() {}

    public AddressChangeService(Database database, Settings settings, CarrierMailDomains domains) {
        this.database = database;
        this.settings = settings;
        this.domains = domains;
        this.members = new MemberStore(database);
        this.registrations = new RegistrationStore(database);
    }

    /** Asks for a change; the new address gets the link. Throws {@link Refused} with the first problem. */
    public StepDone request(long memberId, String password, String kind, String email) {
        Member member = members.find(memberId).orElse(null);
        if (member == null || member.getStatus() != MemberStatus.ACTIVE) {
            throw new Refused(RegistrationService.INVALID);
        }
        if (!Passwords.matches(password == null ? "" : password, member.getPasswordHash())) {
            throw new Refused(AccountService.WRONG_PASSWORD);
        }
        boolean mobileKind = "mobile".equals(kind);
        if (!mobileKind && !"pc".equals(kind)) {
            throw new Refused("変更するアドレスを選んでください。");
        }
        String address;
        if (mobileKind) {
            address = AccountForm.mobile(email, domains).address();
        } else if (email == null || email.isBlank()) {
            database.run(em -> members.inTransaction(memberId).setPcEmail(null));
            return StepDone.told("PCメールアドレスを削除しました。", List.of());
        } else {
            address = AccountForm.pcAddress(email, domains);
        }
        Instant now = Clock.now();
        return database.tx(em -> {
            if (members.isTaken(address)) {
                // answered as if sent: the form must not tell whether an address belongs to someone
                return StepDone.told(sentMessage(), List.of());
            }
            String token = Tokens.random();
            Registration r = new Registration(
                    Tokens.sha256(token),
                    mobileKind ? Registration.Step.MOBILE_CHANGE : Registration.Step.PC_CONFIRM,
                    now,
                    now.plus(RegistrationService.LINK_TTL));
            if (mobileKind) {
                r.setMobileEmail(address);
            } else {
                r.setPcEmail(address);
            }
            r.setMemberId(memberId);
            registrations.add(r);
            return StepDone.told(
                    sentMessage(),
                    List.of(new OutgoingMail(
                            address,
                            "confirm_change",
                            Map.of("url", settings.baseUrl() + "/register/confirm?token=" + token))));
        });
    }

    private String sentMessage() {
        return "新しいアドレスに確認メールを送りました。メールのURLを開くと変更が完了します（24時間有効）。届かない場合は、受信設定で " + settings.mailDomain()
                + " からのメールを許可してください。";
    }

    /**
     * Completes a change whose link was opened (a {@code PC_CONFIRM} or {@code MOBILE_CHANGE} registration, locked by
     * the caller's transaction); throws {@link Refused} when it cannot be done or the link is of another kind.
     */
    StepDone complete(Registration r) {
        switch (r.getStep()) {
            case PC_CONFIRM:
                Member m = members.inTransaction(r.getMemberId());
                if (m == null || members.isTaken(r.getPcEmail())) {
                    throw new Refused(RegistrationService.ADDRESS_REFUSED);
                }
                m.setPcEmail(r.getPcEmail());
                r.setStep(Registration.Step.DONE);
                return StepDone.told("PCメールアドレスを登録しました。", List.of());
            case MOBILE_CHANGE:
                Member changing = members.inTransaction(r.getMemberId());
                if (changing == null
                        || changing.getStatus() != MemberStatus.ACTIVE
                        || members.isTaken(r.getMobileEmail())) {
                    throw new Refused(RegistrationService.ADDRESS_REFUSED);
                }
                String old = changing.getMobileEmail();
                changing.setMobileEmail(r.getMobileEmail());
                r.setStep(Registration.Step.DONE);
                members.flush();
                return StepDone.told(
                        "携帯メールアドレスを変更しました。",
                        old == null ? List.of() : List.of(new OutgoingMail(old, "address_changed", Map.of())));
            default:
                throw new Refused(RegistrationService.INVALID);
        }
    }
}

package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/** Members invite people by mail: a single-use link, at most {@value #INVITATIONS_PER_DAY} a day (operators: any). */
@ApplicationScoped
public class InvitationService {

    static final Duration INVITATION_TTL = Duration.ofDays(7);
    static final int INVITATIONS_PER_DAY = 20;

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    InvitationStore invitations;

    @Inject
    MemberStore members;

    protected InvitationService() {}

    public InvitationService(Database database, Settings settings) {
        this.database = database;
        this.settings = settings;
        this.invitations = new InvitationStore(database);
        this.members = new MemberStore(database);
    }

    /**
     * Invites an address. The inviter is told the same whether or not the address is already a member; a member gets
     * a mail with the login page instead of an invitation. Throws {@link Refused} when the invitation cannot be sent.
     */
    public StepDone invite(long inviterId, String email) {
        Optional<String> domain = MobileMailAddress.domainOf(email);
        if (domain.isEmpty()) {
            throw new Refused(AccountForm.MALFORMED);
        }
        String address = MailAddresses.canonical(email);
        Instant now = Clock.now();
        return database.tx(em -> {
            Member inviter = members.inTransaction(inviterId);
            if (inviter == null || inviter.getStatus() != MemberStatus.ACTIVE) {
                throw new Refused("招待できません。");
            }
            long today = invitations.countSince(inviterId, now.minus(Duration.ofDays(1)));
            if (today >= INVITATIONS_PER_DAY && inviter.getRole() != Role.OPERATOR) {
                throw new Refused("今日はこれ以上招待できません（1日" + INVITATIONS_PER_DAY + "通まで）。");
            }
            String sent = "招待メールを送りました。届かない場合は、受信設定で " + settings.mailDomain() + " からのメールを許可してもらってください。";
            if (members.isTaken(address)) {
                return StepDone.told(sent, List.of(new OutgoingMail(address, "login", Map.of("url", url("/")))));
            }
            String token = Tokens.random();
            invitations.add(new Invitation(Tokens.sha256(token), address, inviterId, now, now.plus(INVITATION_TTL)));
            return StepDone.told(
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

    private String url(String path) {
        return settings.baseUrl() + path;
    }
}

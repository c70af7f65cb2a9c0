package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Started;

/** Creates the first operator from {@code sns.operator.email}/{@code .password} when there is no operator yet. */
@ApplicationScoped
public class OperatorBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @Inject
    Database database;

    void onStart(@Observes Started started) {
        String email = started.settings().operatorEmail();
        if (email.isEmpty()) {
            return;
        }
        String password = started.settings().operatorPassword();
        boolean created = createIfNone(database, email, password);
        if (created) {
            LOG.info(() -> "created the first operator account " + email);
        }
    }

    /** @return whether an operator was created (false when one exists already) */
    public static boolean createIfNone(Database database, String email, String password) {
        MemberStore members = new MemberStore(database);
        return database.tx(em -> {
            if (members.countOperators() > 0) {
                return false;
            }
            Member operator = new Member("運営", Passwords.hash(password), Role.OPERATOR, Clock.now());
            operator.setPcEmail(MailAddresses.canonical(email));
            members.add(operator);
            return true;
        });
    }
}

package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/** Who changed what, when, and why: one row per operator action, never edited. */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditStore store;

    protected AuditLog() {}

    public AuditLog(Database database) {
        this.store = new AuditStore(database);
    }

    /** An audit entry as pages show it. */
    public static final class Entry {
        private final long operatorId;
        private final String operator;
        private final String action;
        private final String target;
        private final String note;
        private final Instant at;

        Entry(long operatorId, String operator, String action, String target, String note, Instant at) {
            this.operatorId = operatorId;
            this.operator = operator;
            this.action = action;
            this.target = target;
            this.note = note;
            this.at = at;
        }

        public long getOperatorId() {
            return operatorId;
        }

        public String getOperator() {
            return operator;
        }

        public String getAction() {
            return action;
        }

        public String getTarget() {
            return target;
        }

        public String getNote() {
            return note;
        }

        public String getAt() {
            return at.atZone(Clock.JAPAN).toLocalDateTime().toString().replace('T', ' ');
        }
    }

    /** Records an operator action; inside a transaction, the change and its audit row commit together. */
    public void record(long operatorId, String action, String target, String note) {
        store.insert(operatorId, action, target, note == null || note.isBlank() ? null : note.strip(), Clock.now());
    }

    /** Records what scheduled work did (no operator): the inactivity run's notices, suspensions and withdrawals. */
    public void recordSystem(String action, String target, String note) {
        store.insert(null, action, target, note == null || note.isBlank() ? null : note.strip(), Clock.now());
    }

    /** The entries, newest first. */
    public List<Entry> latest(int limit, int offset) {
        return store.latest(limit, offset);
    }
}

package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.keitai.sns.carrier.CarrierOverlay;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * Operators' changes to the carrier data (mail domains and gateway ranges), kept in the database and layered over
 * the shipped carrier-config files by the carrier registry. Every node reads the same rows, and re-reads them at
 * most {@link #FRESH_MILLIS} ms after a change anywhere, so a change takes effect everywhere without a restart.
 */
@ApplicationScoped
public class CarrierOverrides {

    public static final String DOMAIN = "DOMAIN";
    public static final String RANGE = "RANGE";
    public static final String ADD = "ADD";
    public static final String REMOVE = "REMOVE";
    /** What the audit log says of a domain change made without a note (by a script following the contract). */
    public static final String NO_NOTE = "（メモなし）";

    static final long FRESH_MILLIS = 2_000;

    @Inject
    Database database;

    @Inject
    CarrierOverrideStore store;

    @Inject
    AuditLog audit;

    private volatile List<Change> cached = List.of();
    private volatile long cachedAt;

    protected CarrierOverrides() {}

    public CarrierOverrides(Database database) {
        this.database = database;
        this.store = new CarrierOverrideStore(database);
        this.audit = new AuditLog(database);
    }

    /** One operator change: add or remove one domain or range of one carrier. */
    public record Change(String carrier, String kind, String item, String action, String date) {}

    /** The changes as the carrier registry takes them; a range's source is the operator change and its date. */
    public CarrierOverlay overlay() {
        CarrierOverlay.Builder b = CarrierOverlay.builder();
        for (Change c : current()) {
            boolean add = ADD.equals(c.action());
            if (DOMAIN.equals(c.kind())) {
                if (add) {
                    b.addDomain(c.carrier(), c.item());
                } else {
                    b.removeDomain(c.carrier(), c.item());
                }
            } else if (add) {
                b.addRange(c.carrier(), c.item(), "運営者による追加（管理画面の操作履歴）, " + c.date());
            } else {
                b.removeRange(c.carrier(), c.item());
            }
        }
        return b.build();
    }

    /** The changes in force (recent enough for every node to agree within a few seconds). */
    public List<Change> current() {
        long now = System.currentTimeMillis();
        if (now - cachedAt > FRESH_MILLIS) {
            cached = store.all();
            cachedAt = now;
        }
        return cached;
    }

    /** A change without the confirmation a wide range needs. */
    public void change(long operatorId, String carrier, String kind, String rawItem, String action, String note) {
        change(operatorId, carrier, kind, rawItem, action, note, false);
    }

    /**
     * Adds or removes a domain or range, audited in the same transaction. A gateway range no carrier could own is
     * refused: every address ({@code 0.0.0.0/0}, {@code ::/0}) always, one wider than /16 (IPv4) or /32 (IPv6) unless
     * the operator ticked 「広い範囲を確認しました」 ({@code wideConfirmed}). Throws {@link Refused} with the reason when the
     * change is not one.
     */
    public void change(
            long operatorId,
            String carrier,
            String kind,
            String rawItem,
            String action,
            String note,
            boolean wideConfirmed) {
        if (!ADD.equals(action) && !REMOVE.equals(action)) {
            throw new Refused("操作は add か remove です。");
        }
        String item;
        if (DOMAIN.equals(kind)) {
            item = rawItem == null ? "" : rawItem.strip().toLowerCase(Locale.ROOT);
            if (!item.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new Refused("「" + rawItem + "」はメールドメインの形ではありません（例: docomo.ne.jp）。");
            }
        } else if (RANGE.equals(kind)) {
            item = normaliseCidr(rawItem);
            if (item == null) {
                throw new Refused("「" + rawItem + "」はIPアドレスの範囲（CIDR、例: 210.153.84.0/24）ではありません。");
            }
            if (ADD.equals(action)) {
                refuseWide(item, wideConfirmed);
            }
        } else {
            throw new Refused("種類が正しくありません。");
        }
        boolean noNote = note == null || note.isBlank();
        if (noNote && RANGE.equals(kind)) {
            // a gateway range decides who is believed to be on a carrier: its source must be on record
            throw new Refused("変更の理由・出典をメモに書いてください。");
        }
        // the domain form's contract is domain and action (CONTRACT.md); the console asks for a note as well
        String why = noNote ? NO_NOTE : note;
        String target = carrier + " " + kind.toLowerCase(Locale.ROOT) + " " + item;
        Instant now = Clock.now();
        database.run(em -> {
            store.replace(carrier, kind, item, action, now);
            audit.record(operatorId, "carrier." + action.toLowerCase(Locale.ROOT), target, why);
        });
        cachedAt = 0;
    }

    /** Another node changed the data: the next {@link #current} reads it again. */
    void changedElsewhere() {
        cachedAt = 0;
    }

    /** IPv4 prefixes shorter than this (IPv6: {@link #NARROWEST_WIDE_V6}) need the second confirmation. */
    static final int NARROWEST_WIDE_V4 = 16;

    static final int NARROWEST_WIDE_V6 = 32;

    private static void refuseWide(String cidr, boolean confirmed) {
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        boolean v6 = cidr.contains(":");
        if (bits == 0) {
            throw new Refused("「" + cidr + "」はすべてのアドレスです。キャリアのゲートウェイとして登録できません。");
        }
        int limit = v6 ? NARROWEST_WIDE_V6 : NARROWEST_WIDE_V4;
        if (bits < limit && !confirmed) {
            throw new Refused(
                    "「" + cidr + "」は /" + limit + " より広い範囲です。キャリアの公開情報で確かめてから、" + "「広い範囲を確認しました」にチェックを入れて送り直してください。");
        }
    }

    /** {@code a.b.c.d/n} or an IPv6 prefix, with the host bits cleared; null when it is not one. */
    static String normaliseCidr(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        int slash = s.indexOf('/');
        if (slash < 0 || s.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        String ip = s.substring(0, slash);
        if (!ip.matches("[0-9a-fA-F:.]+") || (!ip.contains(":") && !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return null;
        }
        try {
            byte[] addr = InetAddress.getByName(ip).getAddress();
            int bits = Integer.parseInt(s.substring(slash + 1));
            if (bits < 0 || bits > addr.length * 8) {
                return null;
            }
            for (int i = 0; i < addr.length; i++) {
                int keep = Math.max(0, Math.min(8, bits - i * 8));
                addr[i] = (byte) (addr[i] & (0xFF << (8 - keep)));
            }
            return InetAddress.getByAddress(addr).getHostAddress() + "/" + bits;
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }
}

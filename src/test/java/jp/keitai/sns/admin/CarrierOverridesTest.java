package jp.keitai.sns.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.OperatorBootstrap;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CarrierOverridesTest {

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void changesAreValidatedStoredOncePerItemAndAudited(TestDb db) {
        OperatorBootstrap.createIfNone(db.database(), "op@example.jp", "operator-pass");
        long op = new MemberService(db.database())
                .findByEmail("op@example.jp")
                .orElseThrow()
                .id();
        CarrierOverrides o = new CarrierOverrides(db.database());
        assertTrue(assertThrows(Refused.class, () -> o.change(op, "au", "DOMAIN", "not a domain", "ADD", "x"))
                .getMessage()
                .contains("メールドメインの形ではありません"));
        assertTrue(assertThrows(Refused.class, () -> o.change(op, "au", "RANGE", "10.0.0.0/33", "ADD", "x"))
                .getMessage()
                .contains("CIDR"));
        assertTrue(assertThrows(Refused.class, () -> o.change(op, "au", "RANGE", "10.1.0.0/24", "ADD", " "))
                .getMessage()
                .contains("メモ"));
        assertTrue(o.current().isEmpty(), "a refused change writes nothing");
        assertDoesNotThrow(() -> o.change(op, "au", "DOMAIN", "EZweb.ne.jp", "REMOVE", "au閉鎖の訓練"));
        assertDoesNotThrow(() -> o.change(op, "au", "RANGE", "210.230.128.77/24", "ADD", "KDDI公開情報 2011-04"));
        assertDoesNotThrow(() -> o.change(op, "au", "DOMAIN", "ezweb.ne.jp", "ADD", "元に戻す"));
        String today = java.time.LocalDate.now(jp.keitai.sns.system.Clock.JAPAN).toString();
        assertEquals(
                List.of(
                        new CarrierOverrides.Change("au", "RANGE", "210.230.128.0/24", "ADD", today),
                        new CarrierOverrides.Change("au", "DOMAIN", "ezweb.ne.jp", "ADD", today)),
                o.current());
        List<AuditLog.Entry> audit = new AuditLog(db.database()).latest(10, 0);
        assertEquals(3, audit.size());
        assertEquals("au domain ezweb.ne.jp", audit.get(0).getTarget());
        assertEquals("carrier.add", audit.get(0).getAction());
        assertEquals("au閉鎖の訓練", audit.get(2).getNote());

        // the contract's domain form has only domain and action: the change is made, and the log says so
        assertDoesNotThrow(() -> o.change(op, "au", "DOMAIN", "au.com", "REMOVE", " "));
        assertEquals(
                CarrierOverrides.NO_NOTE,
                new AuditLog(db.database()).latest(1, 0).get(0).getNote());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void rangesNoCarrierCouldOwnAreRefusedAndWideOnesNeedConfirmation(TestDb db) {
        OperatorBootstrap.createIfNone(db.database(), "op@example.jp", "operator-pass");
        long op = new MemberService(db.database())
                .findByEmail("op@example.jp")
                .orElseThrow()
                .id();
        CarrierOverrides o = new CarrierOverrides(db.database());
        for (String all : List.of("0.0.0.0/0", "::/0", "10.1.2.3/0")) {
            assertTrue(
                    assertThrows(Refused.class, () -> o.change(op, "au", "RANGE", all, "ADD", "x", true))
                            .getMessage()
                            .contains("すべてのアドレス"),
                    all);
        }
        for (String wide : List.of("10.0.0.0/8", "172.16.0.0/15", "2001:db8::/31")) {
            assertTrue(
                    assertThrows(Refused.class, () -> o.change(op, "au", "RANGE", wide, "ADD", "x"))
                            .getMessage()
                            .contains("「広い範囲を確認しました」"),
                    wide);
        }
        assertTrue(o.current().isEmpty(), "nothing half-written");
        assertDoesNotThrow(() -> o.change(op, "au", "RANGE", "10.0.0.0/8", "ADD", "確認済み", true));
        assertDoesNotThrow(() -> o.change(op, "au", "RANGE", "172.16.0.0/16", "ADD", "x"));
        assertDoesNotThrow(() -> o.change(op, "au", "RANGE", "2001:db8::/32", "ADD", "x"));
        assertDoesNotThrow(() -> o.change(op, "au", "RANGE", "10.0.0.0/8", "REMOVE", "removing never needs it"));
    }

    @ParameterizedTest
    @CsvSource({
        "210.153.84.1/24, 210.153.84.0/24",
        "10.0.0.0/8, 10.0.0.0/8",
        "2001:db8::1/32, 2001:db8:0:0:0:0:0:0/32",
        "1.2.3.4, ",
        "example.com/24, ",
        "1.2.3/24, ",
    })
    void cidrsAreNormalised(String raw, String expected) {
        assertEquals(expected, CarrierOverrides.normaliseCidr(raw));
    }

    @Test
    void nullIsNotACidr() {
        assertNull(CarrierOverrides.normaliseCidr(null));
    }
}

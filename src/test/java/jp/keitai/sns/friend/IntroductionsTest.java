package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 紹介文 on H2 and PostgreSQL: only friends write, one each, the member or writer deletes, unfriending removes. */
class IntroductionsTest {

    static Introductions introductions(TestDb db, GraphRig rig) {
        return new Introductions(db.database(), rig.graph(), rig.policy(), rig.members());
    }

    /** The reason a write was refused with. */
    static String refusal(Executable write) {
        return assertThrows(Refused.class, write).getMessage();
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void onlyFriendsWriteAndWritingAgainReplaces(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long hana = rig.member("はなこ");
        long taro = rig.member("たろう");
        long jiro = rig.member("じろう");
        rig.befriend(hana, taro);
        Introductions intros = introductions(db, rig);

        assertEquals("紹介文を書けるのはマイミクだけです。", refusal(() -> intros.write(jiro, hana, "知らない人です")));
        assertEquals("紹介文を書けるのはマイミクだけです。", refusal(() -> intros.write(hana, hana, "わたしです")));
        assertEquals("紹介文を入力してください。", refusal(() -> intros.write(taro, hana, "  ")));
        assertEquals("紹介文は1000文字までです。", refusal(() -> intros.write(taro, hana, "😺".repeat(1001))));
        assertDoesNotThrow(() -> intros.write(taro, hana, "😺".repeat(1000)), "1000 characters, each outside the BMP");
        assertDoesNotThrow(() -> intros.write(taro, hana, " 猫好きのやさしい人です～ "));
        assertEquals(1, intros.of(hana, jiro).size());
        assertEquals("猫好きのやさしい人です～", intros.of(hana, jiro).get(0).body());
        assertEquals(taro, intros.of(hana, hana).get(0).writerId());
        assertTrue(intros.of(taro, hana).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theMemberOrTheWriterDeletesNobodyElse(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long hana = rig.member("はなこ");
        long taro = rig.member("たろう");
        long jiro = rig.member("じろう");
        rig.befriend(hana, taro);
        rig.befriend(hana, jiro);
        Introductions intros = introductions(db, rig);
        assertDoesNotThrow(() -> intros.write(taro, hana, "たろうより"));
        assertDoesNotThrow(() -> intros.write(jiro, hana, "じろうより"));
        assertFalse(intros.delete(jiro, hana, taro), "another friend may not delete it");
        assertTrue(intros.delete(taro, hana, taro), "the writer may");
        assertTrue(intros.delete(hana, hana, jiro), "the member may");
        assertFalse(intros.delete(hana, hana, jiro), "gone already");
        assertTrue(intros.of(hana, hana).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void theEndOfAFriendshipRemovesBothSidesIntroductionsOnly(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long hana = rig.member("はなこ");
        long taro = rig.member("たろう");
        long jiro = rig.member("じろう");
        rig.befriend(hana, taro);
        rig.befriend(hana, jiro);
        Introductions intros = introductions(db, rig);
        assertDoesNotThrow(() -> intros.write(taro, hana, "たろうより"));
        assertDoesNotThrow(() -> intros.write(hana, taro, "はなこより"));
        assertDoesNotThrow(() -> intros.write(jiro, hana, "じろうより"));
        // the friend service ends the friendship and fires the event in one transaction
        db.database().run(em -> {
            rig.unfriend(hana, taro);
            intros.friendshipEnded(new FriendshipEnded(taro, hana));
        });
        assertEquals(1, intros.of(hana, hana).size());
        assertEquals(jiro, intros.of(hana, hana).get(0).writerId());
        assertTrue(intros.of(taro, taro).isEmpty());
        assertEquals("紹介文を書けるのはマイミクだけです。", refusal(() -> intros.write(taro, hana, "また書きたい")));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void readersDoNotSeeIntroductionsByMembersTheyBlocked(TestDb db) {
        GraphRig rig = new GraphRig(db.database());
        long hana = rig.member("はなこ");
        long taro = rig.member("たろう");
        long reader = rig.member("よむひと");
        rig.befriend(hana, taro);
        Introductions intros = introductions(db, rig);
        assertDoesNotThrow(() -> intros.write(taro, hana, "たろうより"));
        rig.block(reader, taro);
        assertTrue(intros.of(hana, reader).isEmpty());
        assertEquals(1, intros.of(hana, hana).size());
        assertEquals("たろう", intros.of(hana, hana).get(0).writer());
        rig.suspend(taro);
        assertTrue(intros.of(hana, hana).isEmpty(), "a suspended writer's introduction is not shown");
    }
}

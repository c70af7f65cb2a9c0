package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import jp.keitai.sns.web.SessionStore;
import jp.keitai.sns.web.SignIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The member read model answers from memory exactly what the database says: a warm directory, a cold one, and one
 * asked inside a transaction (which always reads the database) agree, before and after members change.
 */
class MemberDirectoryTest {

    /** Everything the directory answers about these members. */
    record Answers(
            Map<Long, String> nicknames,
            Set<Long> activeAmong,
            List<Long> active,
            List<Boolean> isActive,
            List<Optional<MemberService.Profile>> profiles) {

        static Answers of(MemberDirectory d, long[] ids) {
            List<Long> boxed = java.util.Arrays.stream(ids).boxed().toList();
            return new Answers(
                    d.nicknames(boxed),
                    d.activeAmong(boxed),
                    java.util.Arrays.stream(d.active(ids)).boxed().toList(),
                    boxed.stream().map(d::isActive).toList(),
                    boxed.stream().map(d::profile).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void cachedAnswersEqualTheDatabase(TestDb db) {
        Database d = db.database();
        long a = TestMembers.create(d, "あや");
        long b = TestMembers.create(d, "べに");
        long c = TestMembers.create(d, "ちか");
        long op = RegistrationServiceTest.operator(db);
        long[] ids = {a, b, c, op, 987_654_321L};
        MemberService members = new MemberService(d);
        MemberDirectory warm = members.directory;

        Answers before = Answers.of(warm, ids);
        assertEquals(Answers.of(warm, ids), before, "answered again from memory");
        assertEquals(uncached(d, warm, ids), before);
        assertEquals(Answers.of(new MemberDirectory(d, new MemberStore(d)), ids), before);
        assertEquals("べに", before.nicknames().get(b));
        assertEquals(List.of(a, b, c, op), before.active());

        AccountService accounts = new AccountService(d, new SignIn(new SessionStore(d)));
        accounts.updateProfile(a, "あやね", "よろしく", "friends");
        members.setStatus(b, MemberStatus.SUSPENDED);
        accounts.withdraw(c, TestMembers.PASSWORD);

        Answers after = Answers.of(warm, ids);
        assertNotEquals(before, after);
        assertEquals(uncached(d, warm, ids), after);
        assertEquals(Answers.of(new MemberDirectory(d, new MemberStore(d)), ids), after);
        assertEquals("あやね", after.nicknames().get(a));
        assertEquals("よろしく", after.profiles().get(0).orElseThrow().selfIntro());
        assertEquals(List.of(a, op), after.active());
    }

    /** The same questions inside a transaction, where the directory reads the database rather than memory. */
    private static Answers uncached(Database d, MemberDirectory directory, long[] ids) {
        return d.tx(em -> Answers.of(directory, ids));
    }
}

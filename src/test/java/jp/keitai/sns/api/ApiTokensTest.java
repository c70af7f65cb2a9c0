package jp.keitai.sns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Personal access tokens over a real database (H2 and PostgreSQL): hashed at rest, scoped, revocable. */
class ApiTokensTest {

    @Test
    void theHashIsSha256HexAndTokensHaveTheirShape() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ApiTokens.hash(""));
        assertEquals(64, ApiTokens.hash("ksns_x").length());
        assertNotEquals(ApiTokens.hash("ksns_a"), ApiTokens.hash("ksns_b"));
        ApiTokens t = new ApiTokens();
        String one = t.newToken();
        assertTrue(ApiTokens.wellFormed(one), one);
        assertNotEquals(one, t.newToken());
        assertFalse(ApiTokens.wellFormed(null));
        assertFalse(ApiTokens.wellFormed("ksns_short"));
        assertFalse(ApiTokens.wellFormed(one.replace("ksns_", "ghp__")));
        assertFalse(ApiTokens.wellFormed(one.substring(0, one.length() - 1) + "!"));
    }

    @Test
    void bearerHeaderParsing() {
        assertEquals("abc", ApiAuthFilter.bearer("Bearer abc").orElseThrow());
        assertEquals("abc", ApiAuthFilter.bearer("bearer  abc ").orElseThrow());
        assertTrue(ApiAuthFilter.bearer(null).isEmpty());
        assertTrue(ApiAuthFilter.bearer("Basic dXNlcjpwYXNz").isEmpty());
        assertTrue(ApiAuthFilter.bearer("Bearer ").isEmpty());
    }

    @Test
    void scopes() {
        assertTrue(ApiScope.READ.allows("GET"));
        assertFalse(ApiScope.READ.allows("POST"));
        assertFalse(ApiScope.READ.allows("DELETE"));
        assertTrue(ApiScope.WRITE.allows("POST"));
        assertTrue(ApiScope.WRITE.allows("GET"));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void createAuthenticateRevoke(TestDb db) throws Exception {
        MemberService members = new MemberService(db.database());
        ApiTokens tokens = new ApiTokens(db.database(), members);
        long alice = TestMembers.create(db.database(), "アリス");
        long bob = TestMembers.create(db.database(), "ボブ");

        ApiTokens.Created read = tokens.create(alice, " 時計アプリ ", "read");
        ApiTokens.Created write = tokens.create(alice, "投稿アプリ", "write");
        assertTrue(ApiTokens.wellFormed(read.token()));
        assertEquals(
                ApiScope.READ, tokens.authenticate(read.token()).orElseThrow().scope());
        ApiTokens.Caller caller = tokens.authenticate(write.token()).orElseThrow();
        assertEquals(alice, caller.memberId());
        assertEquals(ApiScope.WRITE, caller.scope());

        // only the hash is stored: the token's text is nowhere in the table
        List<String> stored = new ArrayList<>();
        db.database().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select token_hash, name from api_token");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return null;
        });
        assertEquals(2, stored.size());
        assertTrue(stored.stream().noneMatch(s -> s.contains(read.token()) || s.contains(write.token())));
        assertTrue(stored.stream().anyMatch(s -> s.startsWith(ApiTokens.hash(read.token()))));

        List<ApiTokens.Listed> listed = tokens.list(alice);
        assertEquals(2, listed.size());
        assertTrue(listed.stream()
                .anyMatch(l -> l.name().equals("時計アプリ") && l.scope().equals("読み取りのみ")));
        assertTrue(listed.stream().noneMatch(l -> l.lastUsed().equals("未使用")), "both were used above");
        assertTrue(tokens.list(bob).isEmpty());

        // someone else's token cannot be revoked; one's own can, once, and stops working at once
        assertFalse(tokens.revoke(bob, read.id()));
        assertTrue(tokens.authenticate(read.token()).isPresent());
        assertTrue(tokens.revoke(alice, read.id()));
        assertFalse(tokens.revoke(alice, read.id()));
        assertTrue(tokens.authenticate(read.token()).isEmpty());
        assertTrue(tokens.list(alice).stream().anyMatch(ApiTokens.Listed::revoked));

        // an unknown token of the right shape, and a suspended member's token
        assertTrue(tokens.authenticate(new ApiTokens().newToken()).isEmpty());
        members.setStatus(alice, MemberStatus.SUSPENDED);
        assertTrue(tokens.authenticate(write.token()).isEmpty());
        assertThrows(Refused.class, () -> tokens.create(alice, "x", "read"));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void refusesBadForms(TestDb db) {
        ApiTokens tokens = new ApiTokens(db.database(), new MemberService(db.database()));
        long m = TestMembers.create(db.database(), "カオリ");
        assertEquals(
                "トークンの名前を入力してください。",
                assertThrows(Refused.class, () -> tokens.create(m, "  ", "read"))
                        .getMessage());
        assertThrows(Refused.class, () -> tokens.create(m, "x".repeat(51), "read"));
        assertEquals(
                "権限を選んでください。",
                assertThrows(Refused.class, () -> tokens.create(m, "a", "admin"))
                        .getMessage());
        for (int i = 0; i < ApiTokens.MAX_ACTIVE; i++) {
            tokens.create(m, "t" + i, "read");
        }
        assertThrows(Refused.class, () -> tokens.create(m, "one too many", "read"));
        assertTrue(tokens.list(m).size() == ApiTokens.MAX_ACTIVE);
    }
}

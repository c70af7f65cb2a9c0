package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void hashesAreSaltedSlowAndVerifiable() {
        String a = Passwords.hash("ひみつのパスワード");
        String b = Passwords.hash("ひみつのパスワード");
        assertNotEquals(a, b, "salted");
        assertTrue(a.startsWith("pbkdf2$" + Passwords.ITERATIONS + "$"));
        assertFalse(a.contains("ひみつ"));
        assertTrue(Passwords.matches("ひみつのパスワード", a));
        assertFalse(Passwords.matches("ひみつのパスワード!", a));
        assertFalse(Passwords.matches("x", "garbage"));
    }
}

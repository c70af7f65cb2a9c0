package jp.keitai.sns.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Posting secrets in mail addresses ({@code d.<secret>@…}): random, lower case (people retype addresses, and some
 * mailers change case), and compared in constant time so that timing tells an attacker nothing.
 */
public final class Secrets {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray(); // no l, o, 0, 1
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new secret of {@code length} characters, 5 bits each (16 characters = 80 bits). */
    public static String newSecret(int length) {
        char[] s = new char[length];
        for (int i = 0; i < length; i++) {
            s[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(s);
    }

    /**
     * Whether {@code given} (from a mail address, any case) is {@code expected}, in time that does not depend on where
     * they differ. Null or empty never matches.
     */
    public static boolean matches(String given, String expected) {
        if (given == null || expected == null || given.isEmpty() || expected.isEmpty()) {
            return false;
        }
        byte[] a = given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] b = expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }
}

package jp.keitai.sns.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens for URLs and cookies, and the hashes stored in their place. */
public final class Tokens {
    /**
     * One DRBG (NIST SP 800-90A, seeded from the system's entropy) per thread. The default {@code NativePRNG} reads
     * {@code /dev/urandom} under one global lock on every call, and every keitai page draws a form key.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private Tokens() {}

    /** 32 random bytes, URL-safe (43 characters of [A-Za-z0-9_-]). */
    public static String random() {
        byte[] b = new byte[32];
        RANDOM.get().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The SHA-256 of the value's UTF-8 bytes, as 64 lower-case hex digits (how hashes are stored). */
    public static String sha256(String value) {
        return hex(sha256Bytes(value));
    }

    /** The SHA-256 of the value's UTF-8 bytes (32 bytes), for callers that compare it before they store it. */
    public static byte[] sha256Bytes(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes as lower-case hex digits, the stored form of {@link #sha256Bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Compares secrets in time independent of where they differ. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

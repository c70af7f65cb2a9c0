package jp.keitai.sns.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;

/**
 * A session as this node knows it, in one object of plain fields (100,000 signed-in handsets are kept): the token
 * hash past the cache key, the CSRF token as its 32 random bytes (the {@link SessionStore.Session} a page gets spells it out
 * again), and a gateway binding shared with the carrier's other sessions ({@link SessionBinding#shared}).
 * {@code lastSeenMillis} (epoch milliseconds, a plain long so that checking it on every page allocates nothing)
 * moves when a page is read.
 */
final class KnownSession {
    /** A token hash's bytes read as big-endian longs. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final Base64.Encoder CSRF_TEXT = Base64.getUrlEncoder().withoutPadding();

    final long hash1, hash2, hash3;
    final long memberId;
    final long createdMillis;
    volatile long lastSeenMillis;
    final long csrf0, csrf1, csrf2, csrf3;
    /** The CSRF token as stored when it is not 32 bytes in URL-safe Base64 (else null). */
    final String csrfText;

    final boolean viaUrl;
    final String boundTo;

    KnownSession(
            byte[] hash,
            long memberId,
            String csrf,
            boolean viaUrl,
            String boundTo,
            Instant created,
            Instant lastSeen) {
        this.hash1 = (long) LONGS.get(hash, 8);
        this.hash2 = (long) LONGS.get(hash, 16);
        this.hash3 = (long) LONGS.get(hash, 24);
        this.memberId = memberId;
        this.createdMillis = created.toEpochMilli();
        this.lastSeenMillis = lastSeen.toEpochMilli();
        byte[] raw = csrfBytes(csrf);
        this.csrf0 = raw == null ? 0 : (long) LONGS.get(raw, 0);
        this.csrf1 = raw == null ? 0 : (long) LONGS.get(raw, 8);
        this.csrf2 = raw == null ? 0 : (long) LONGS.get(raw, 16);
        this.csrf3 = raw == null ? 0 : (long) LONGS.get(raw, 24);
        this.csrfText = raw == null ? csrf : null;
        this.viaUrl = viaUrl;
        this.boundTo = SessionBinding.shared(boundTo);
    }

    /** Whether this is the session of that token hash (the cache key matched its first 8 bytes). */
    boolean is(byte[] hash) {
        return hash1 == (long) LONGS.get(hash, 8)
                && hash2 == (long) LONGS.get(hash, 16)
                && hash3 == (long) LONGS.get(hash, 24);
    }

    SessionStore.Session session() {
        return new SessionStore.Session(memberId, csrfToken(), viaUrl, boundTo);
    }

    String csrfToken() {
        if (csrfText != null) {
            return csrfText;
        }
        byte[] raw = new byte[32];
        LONGS.set(raw, 0, csrf0);
        LONGS.set(raw, 8, csrf1);
        LONGS.set(raw, 16, csrf2);
        LONGS.set(raw, 24, csrf3);
        return CSRF_TEXT.encodeToString(raw);
    }

    /** The token's 32 bytes if it is their URL-safe Base64 ({@link Tokens#random}) exactly, else null. */
    private static byte[] csrfBytes(String csrf) {
        if (csrf == null || csrf.length() != 43) {
            return null;
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(csrf);
            return raw.length == 32 && CSRF_TEXT.encodeToString(raw).equals(csrf) ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The cache key of a token hash: its first 8 bytes. */
    static long key(byte[] hash) {
        return (long) LONGS.get(hash, 0);
    }
}

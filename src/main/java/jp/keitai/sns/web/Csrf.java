package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.keitai.sns.system.Clock;

/**
 * The token every state-changing form carries in {@code _csrf}, checked by {@link CsrfFilter} alone. A member's forms
 * carry their session's own token. A guest has no session (the login, registration and password-reset forms), so a
 * guest's forms carry a token the service signed with a key all nodes share: it proves the form came from this site
 * within {@link #GUEST_TOKEN_LIFE}; the filter's {@code Origin} check refuses what a browser posts from another site.
 */
@ApplicationScoped
public class Csrf {

    /** The form field, and the query parameter of multipart forms (their body is read by the resource alone). */
    public static final String FIELD = "_csrf";

    /** How long a guest form stays valid: long enough to type an address and password on a keypad. */
    static final Duration GUEST_TOKEN_LIFE = Duration.ofHours(12);

    @Inject
    CurrentMember currentMember;

    @Inject
    WebKeyStore keys;

    private volatile byte[] key;

    protected Csrf() {}

    public Csrf(CurrentMember currentMember, WebKeyStore keys) {
        this.currentMember = currentMember;
        this.keys = keys;
    }

    /** Whether a posted token is right for this request: the session's own, or (for a guest) a fresh signed one. */
    public boolean accepts(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return currentMember
                .sessionCsrfToken()
                .map(own -> Tokens.constantTimeEquals(own, token))
                .orElseGet(() -> acceptsGuestToken(token, Clock.now()));
    }

    String guestToken(Instant now) {
        String minutes = Long.toHexString(now.getEpochSecond() / 60);
        return "g" + minutes + "." + sign(minutes);
    }

    boolean acceptsGuestToken(String token, Instant now) {
        int dot = token.indexOf('.');
        if (!token.startsWith("g") || dot < 2) {
            return false;
        }
        String minutes = token.substring(1, dot);
        long issued;
        try {
            issued = Long.parseLong(minutes, 16) * 60;
        } catch (NumberFormatException e) {
            return false;
        }
        long age = now.getEpochSecond() - issued;
        return age >= -300
                && age <= GUEST_TOKEN_LIFE.toSeconds()
                && Tokens.constantTimeEquals(sign(minutes), token.substring(dot + 1));
    }

    private String sign(String minutes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] sig = mac.doFinal(("guest-form:" + minutes).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sig, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = keys.secret("csrf-guest").getBytes(StandardCharsets.US_ASCII);
            key = k;
        }
        return k;
    }
}

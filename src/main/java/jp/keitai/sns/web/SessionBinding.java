package jp.keitai.sns.web;

import java.util.concurrent.ConcurrentHashMap;
import jp.keitai.sns.carrier.Handset;

/**
 * What a URL session (the {@code sid} in the URL, for cookieless handsets) is bound to: the carrier it was started
 * on and, where the carrier gives one, the subscriber ID (docomo uid/guid, au x-up-subno, SoftBank x-jphone-uid, as
 * the edge verified it); else that carrier's gateway; a handset outside its gateway (an emulator, a development
 * network) is bound to its client address. Stored in {@code member_session.bound_to}, the subscriber ID and the
 * address only as hashes. The same {@code sid} from a PC browser, another carrier or another handset signs nobody in.
 *
 * <p>A handset bound by its subscriber ID that sends none on a request (a page over HTTPS, where carriers withhold
 * it) is still believed when it comes from its carrier's gateway; one that sends another ID is not.
 */
final class SessionBinding {

    private static final String SUBSCRIBER = "sub";
    private static final String GATEWAY = "gw";
    private static final String ADDRESS = "ip";

    /** At most this many distinct gateway bindings are shared (there are a handful of carriers). */
    private static final int SHARED_MAX = 64;

    /** One copy of each gateway binding ({@code docomo:gw}), which many sessions hold. */
    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private SessionBinding() {}

    /**
     * The binding as sessions in memory keep it: a gateway binding is the same text for every session of its carrier,
     * so they share one copy instead of each holding the one its database row was read into. Subscriber and address
     * bindings are per handset and stay as they are.
     */
    static String shared(String boundTo) {
        if (boundTo == null) {
            return null;
        }
        int colon = boundTo.indexOf(':');
        if (colon <= 0 || colon != boundTo.length() - GATEWAY.length() - 1 || !boundTo.endsWith(GATEWAY)) {
            return boundTo;
        }
        String one = SHARED.get(boundTo);
        if (one != null) {
            return one;
        }
        if (SHARED.size() >= SHARED_MAX) {
            return boundTo;
        }
        one = SHARED.putIfAbsent(boundTo, boundTo);
        return one != null ? one : boundTo;
    }

    /** The binding of a session started on this handset. */
    static String of(Handset h) {
        String subscriber = subscriber(h);
        if (subscriber != null) {
            return h.getCarrier() + ":" + SUBSCRIBER + ":" + subscriber;
        }
        if (h.isVerified()) {
            return h.getCarrier() + ":" + GATEWAY;
        }
        return h.getCarrier() + ":" + ADDRESS + ":" + Tokens.sha256(String.valueOf(h.getClientIp()));
    }

    /** Whether a request from this handset may use a URL session bound to {@code boundTo}. */
    static boolean matches(String boundTo, Handset h) {
        if (boundTo == null) {
            return false; // started before sessions were bound: sign in again
        }
        String[] parts = boundTo.split(":", 3);
        if (parts.length < 2 || !parts[0].equals(h.getCarrier())) {
            return false;
        }
        String subscriber = subscriber(h);
        return switch (parts[1]) {
            case SUBSCRIBER -> parts.length == 3 && (subscriber == null ? h.isVerified() : parts[2].equals(subscriber));
            case GATEWAY -> h.isVerified();
            case ADDRESS -> parts.length == 3 && parts[2].equals(Tokens.sha256(String.valueOf(h.getClientIp())));
            default -> false;
        };
    }

    /** The hash of the verified subscriber ID, or null when the request carries none. */
    private static String subscriber(Handset h) {
        return h.verifiedSubscriberId()
                .map(id -> Tokens.sha256(h.getCarrier() + ":" + id))
                .orElse(null);
    }
}

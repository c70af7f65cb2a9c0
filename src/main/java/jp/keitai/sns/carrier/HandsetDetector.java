package jp.keitai.sns.carrier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;
import jp.keitai.sns.system.Settings;

/**
 * Finds the {@link Handset} for a request, in the order DESIGN.md §3 gives: the client address (believing
 * X-Forwarded-For only from trusted proxies), the carrier by gateway range, then by User-Agent. A carrier User-Agent
 * from outside that carrier's ranges is an unverified handset: its pages, no subscriber ID. Only the carrier owning the
 * range may supply its own ID header, and never over HTTPS.
 */
@ApplicationScoped
public class HandsetDetector {

    @Inject
    Settings settings;

    @Inject
    CarrierRegistry registry;

    private TrustedProxies proxies;

    protected HandsetDetector() {}

    /** Outside CDI (tests). */
    public HandsetDetector(CarrierRegistry registry, TrustedProxies proxies) {
        this.registry = registry;
        this.proxies = proxies;
    }

    @PostConstruct
    void start() {
        proxies = TrustedProxies.parse(settings.trustedProxies());
    }

    public Handset detect(HttpServletRequest request) {
        return detect(request.getRemoteAddr(), request.isSecure(), request::getHeader);
    }

    /**
     * @param remoteAddr the socket peer
     * @param headers request header by name (null when absent)
     */
    public Handset detect(String remoteAddr, boolean socketSecure, Function<String, String> headers) {
        TrustedProxies.Client client = proxies.client(
                remoteAddr, socketSecure, headers.apply("X-Forwarded-For"), headers.apply("X-Forwarded-Proto"));
        String ua = headers.apply("User-Agent");
        String userAgent = ua == null ? "" : ua.strip();

        Optional<String> gatewayCarrier =
                client.address() == null ? Optional.empty() : registry.gatewayCarrierOf(client.address());
        CarrierProfile byAgent = registry.profileForUserAgent(userAgent);
        CarrierProfile profile = byAgent;
        boolean verified = false;
        if (gatewayCarrier.isPresent()) {
            Optional<CarrierProfile> owner = registry.profile(gatewayCarrier.get());
            // the gateway decides the carrier; it counts as verified only when the User-Agent agrees with it
            if (owner.isPresent() && owner.get().claims(userAgent)) {
                profile = owner.get();
                verified = true;
            }
        }
        Generation generation = profile.generationFor(userAgent);
        int cacheKb = profile.cacheKb(userAgent).orElse(0);
        int budget = generation.getBudget();
        if (cacheKb > 0 && budget > 0) {
            budget = Math.min(budget, cacheKb * 1024);
        }
        Optional<String> pdu = profile.cacheHeader().map(headers).map(String::strip);
        if (pdu.isPresent() && pdu.get().matches("\\d{3,9}") && budget > 0) {
            budget = Math.min(budget, Math.max(1000, Integer.parseInt(pdu.get())));
        }
        boolean cookies = generation.isCookies();
        boolean urlSession = !cookies || profile.getUrlSession() == CarrierProfile.UrlSession.ALWAYS;
        String subscriberId = null;
        if (verified && !client.secure() && profile.subscriberIdHeader().isPresent()) {
            subscriberId =
                    subscriberId(headers.apply(profile.subscriberIdHeader().get()));
        }
        return new Handset(
                profile.getId(),
                profile.getFamily(),
                profile,
                generation.getName(),
                generation.charset().orElse(profile.getCharset()),
                generation.charsetLabel().orElse(profile.getCharsetLabel()),
                generation.getContentType(),
                generation.getDoctype(),
                generation.getMarkup(),
                budget,
                cookies,
                urlSession,
                client.secure() ? "" : profile.getHttpLinkParams(),
                profile.getEmoji(),
                InputModes.of(profile.getInputMode()),
                profile.model(userAgent).orElse(null),
                client.address() == null ? remoteAddr : client.address().getHostAddress(),
                cacheKb,
                verified,
                client.secure(),
                subscriberId);
    }

    /** Sane IDs only: printable ASCII, bounded; SoftBank's "NULLGW…" means the member declined to send one. */
    private static String subscriberId(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 64 || !v.matches("[\\x21-\\x7E]+") || v.startsWith("NULLGW")) {
            return null;
        }
        return v;
    }

    /** True once the settings are read (touching the bean runs its start-up checks). */
    public boolean ready() {
        return proxies != null;
    }

    /** For tests: the address the edge would believe. */
    Optional<InetAddress> clientAddress(String remoteAddr, String forwardedFor) {
        return Optional.ofNullable(
                proxies.client(remoteAddr, false, forwardedFor, null).address());
    }
}

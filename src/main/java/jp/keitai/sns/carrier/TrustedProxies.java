package jp.keitai.sns.carrier;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.SettingsException;

/**
 * {@code sns.trusted-proxies}: the hops whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed.
 * Anyone can send those headers; only a proxy we run may tell us who the client is.
 */
public final class TrustedProxies {

    public static final String KEY = "sns.trusted-proxies";

    private final List<Cidr> ranges;

    private TrustedProxies(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** @param setting comma- or space-separated CIDRs; empty = trust no one */
    public static TrustedProxies parse(String setting) {
        List<Cidr> ranges = new ArrayList<>();
        if (setting != null) {
            for (String part : setting.split("[,\\s]+")) {
                if (part.isBlank() || part.equalsIgnoreCase("none")) {
                    continue;
                }
                try {
                    ranges.add(Cidr.parse(part));
                } catch (IllegalArgumentException e) {
                    throw new SettingsException(KEY, setting, e.getMessage());
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean trusts(InetAddress address) {
        for (Cidr c : ranges) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The client and scheme as the edge should believe them. */
    record Client(InetAddress address, boolean secure) {}

    /**
     * Walks X-Forwarded-For from the right, skipping our own proxies; the first address we do not run is the client.
     * Headers from a peer we do not trust are ignored entirely.
     */
    Client client(String remoteAddr, boolean socketSecure, String forwardedFor, String forwardedProto) {
        InetAddress peer = Cidr.literal(remoteAddr).orElse(null);
        if (peer == null || !trusts(peer)) {
            return new Client(peer, socketSecure);
        }
        InetAddress client = peer;
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = Cidr.literal(hops[i]);
                if (hop.isEmpty()) {
                    break; // garbage: believe nothing further left
                }
                client = hop.get();
                if (!trusts(client)) {
                    break;
                }
            }
        }
        boolean secure = socketSecure;
        if (forwardedProto != null && !forwardedProto.isBlank()) {
            secure = forwardedProto.split(",")[0].strip().equalsIgnoreCase("https");
        }
        return new Client(client, secure);
    }
}

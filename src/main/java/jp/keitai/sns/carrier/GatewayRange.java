package jp.keitai.sns.carrier;

import java.net.InetAddress;

/** One gateway CIDR range of a carrier, with the "source, date" line it was listed under. */
public final class GatewayRange {

    private final String carrier;
    private final Cidr cidr;
    private final String source;

    public GatewayRange(String carrier, Cidr cidr, String source) {
        this.carrier = carrier;
        this.cidr = cidr;
        this.source = source;
    }

    public boolean contains(InetAddress address) {
        return cidr.contains(address);
    }

    public String getCarrier() {
        return carrier;
    }

    public Cidr cidr() {
        return cidr;
    }

    /** For EL: the canonical range text. */
    public String getRange() {
        return cidr.toString();
    }

    /** Where the range came from and when, e.g. {@code http://…/ip/index.html, 2011-08-02}. */
    public String getSource() {
        return source;
    }

    @Override
    public String toString() {
        return carrier + " " + cidr + " (" + source + ")";
    }
}

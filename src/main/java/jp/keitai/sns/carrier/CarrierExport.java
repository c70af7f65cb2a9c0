package jp.keitai.sns.carrier;

import java.util.List;
import java.util.Set;

/**
 * A carrier file rewritten with the data in force, for operators who make their changes the new shipped defaults: the
 * file's text with its {@code [mail-domains]} and {@code [gateway]} sections replaced by the current lists, ranges
 * grouped under their {@code # source} lines.
 */
final class CarrierExport {

    private CarrierExport() {}

    /**
     * @param fileText the carrier file in use
     * @param domains the carrier's mail domains in force
     * @param ranges the carrier's gateway ranges in force
     * @param devRanges ranges from {@code dev-gateways.conf}, which stay in their own file
     */
    static String export(String fileText, List<String> domains, List<GatewayRange> ranges, Set<String> devRanges) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : fileText.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("[")) {
                skipping = t.equals("[mail-domains]") || t.equals("[gateway]");
            }
            if (!skipping) {
                out.append(line).append('\n');
            }
        }
        StringBuilder b = new StringBuilder(out.toString().stripTrailing() + "\n\n[mail-domains]\n");
        domains.forEach(d -> b.append(d).append('\n'));
        String lastSource = null;
        for (GatewayRange r : ranges) {
            if (devRanges.contains(r.getRange())) {
                continue;
            }
            if (lastSource == null) {
                b.append("\n[gateway]\n");
            }
            if (!r.getSource().equals(lastSource)) {
                b.append("# source: ").append(r.getSource()).append('\n');
                lastSource = r.getSource();
            }
            b.append(r.getRange()).append('\n');
        }
        return b.toString();
    }
}

package jp.keitai.sns.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The handset fixtures in {@code src/test/resources/handsets/}: real User-Agents and gateway addresses. */
public final class Handsets {

    /** One User-Agent and what the edge must make of it. */
    public record Agent(String carrier, String generation, String model, int budget, String userAgent) {
        @Override
        public String toString() {
            return carrier + "/" + generation + " " + userAgent;
        }
    }

    /** A carrier's gateway: an address inside its ranges and the header its gateway puts the subscriber ID in. */
    public record Gateway(String carrier, String inside, String idHeader) {}

    public static final String OUTSIDE = "203.0.113.7";

    private Handsets() {}

    public static List<Agent> agents() {
        List<Agent> list = new ArrayList<>();
        for (String[] f : rows("handsets/user-agents.tsv")) {
            list.add(new Agent(f[0], f[1], "-".equals(f[2]) ? null : f[2], Integer.parseInt(f[3]), f[4]));
        }
        return list;
    }

    public static Map<String, Gateway> gateways() {
        Map<String, Gateway> map = new LinkedHashMap<>();
        for (String[] f : rows("handsets/gateway-ips.tsv")) {
            map.put(f[0], new Gateway(f[0], "-".equals(f[1]) ? null : f[1], "-".equals(f[2]) ? null : f[2]));
        }
        return map;
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = Handsets.class.getClassLoader().getResourceAsStream(resource)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

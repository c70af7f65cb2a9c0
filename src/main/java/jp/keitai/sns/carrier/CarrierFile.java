package jp.keitai.sns.carrier;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One parsed carrier file ({@code carrier-config/<id>.conf}) or the dev/QA gateway list. The format is documented in
 * README ("Carrier data"); every problem is reported with the file name and line.
 */
final class CarrierFile {

    static final Pattern SOURCE_LINE = Pattern.compile("#\\s*source:\\s*(.+),\\s*(\\d{4}-\\d{2}-\\d{2})\\s*");
    private static final Pattern SECTION = Pattern.compile("\\[([a-z-]+)(?:\\s+([A-Za-z0-9_.-]+))?]");
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z-]+)\\s*=\\s*(.*)");
    static final Pattern DOMAIN =
            Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private static final Set<String> CARRIER_KEYS = Set.of(
            "name",
            "family",
            "charset",
            "charset-label",
            "emoji",
            "input-mode",
            "image-formats",
            "url-session",
            "subscriber-id-header",
            "http-link-params",
            "model",
            "cache",
            "cache-header",
            "fallback");
    private static final Set<String> GENERATION_KEYS =
            Set.of("match", "markup", "content-type", "doctype", "budget", "cookies", "charset", "charset-label");
    private static final Set<String> INPUT_MODES = Set.of("istyle", "wap-input-format", "mode", "html5", "none");

    final CarrierProfile profile;
    final List<String> mailDomains;
    final List<GatewayRange> ranges;

    private CarrierFile(CarrierProfile profile, List<String> mailDomains, List<GatewayRange> ranges) {
        this.profile = profile;
        this.mailDomains = List.copyOf(mailDomains);
        this.ranges = List.copyOf(ranges);
    }

    /**
     * @param id carrier id (the file name without {@code .conf})
     * @param emojiSets carrier ids the emoji codec knows, for the {@code emoji} key
     * @param inheritedMail the mail settings when the file has no {@code [mail]} section (the shipped file's)
     */
    static CarrierFile parse(
            String id, String fileName, String text, Set<String> emojiSets, MailProfile inheritedMail) {
        Parser p = new Parser(fileName);
        Map<String, String> carrier = new LinkedHashMap<>();
        Map<String, Integer> carrierLines = new HashMap<>();
        List<Pattern> userAgents = new ArrayList<>();
        List<Generation> generations = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<GatewayRange> ranges = new ArrayList<>();
        Map<String, String> mail = new LinkedHashMap<>();
        Map<String, Integer> mailLines = new HashMap<>();
        int mailLine = 0;

        String section = null;
        String generationName = null;
        int generationLine = 0;
        Map<String, String> generation = null;
        Map<String, Integer> generationLines = null;
        String source = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.line = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if ("gateway".equals(section) && line.matches("#\\s*source\\b.*")) {
                    Matcher m = SOURCE_LINE.matcher(line);
                    if (!m.matches()) {
                        throw p.error("a source line reads '# source: <where>, YYYY-MM-DD'");
                    }
                    source = m.group(1).strip() + ", " + m.group(2);
                }
                continue;
            }
            Matcher sm = SECTION.matcher(line);
            if (sm.matches()) {
                if (generation != null) {
                    generations.add(Generation.parse(p, generationName, generationLine, generation, generationLines));
                    generation = null;
                    p.line = i + 1;
                }
                section = sm.group(1);
                source = null;
                switch (section) {
                    case "carrier", "user-agent", "mail-domains", "gateway", "mail" -> {
                        if (sm.group(2) != null) {
                            throw p.error("[" + section + "] takes no name");
                        }
                        if (section.equals("mail")) {
                            if (mailLine != 0) {
                                throw p.error("a second [mail] section");
                            }
                            mailLine = p.line;
                        }
                    }
                    case "generation" -> {
                        if (sm.group(2) == null) {
                            throw p.error("a generation needs a name: [generation foma]");
                        }
                        generationName = sm.group(2);
                        generationLine = p.line;
                        generation = new LinkedHashMap<>();
                        generationLines = new HashMap<>();
                    }
                    default -> throw p.error("unknown section [" + section + "]");
                }
                continue;
            }
            if (section == null) {
                throw p.error("expected a [section] first");
            }
            switch (section) {
                case "carrier" -> keyValue(p, line, CARRIER_KEYS, carrier, carrierLines);
                case "generation" -> keyValue(p, line, GENERATION_KEYS, generation, generationLines);
                case "mail" -> keyValue(p, line, MailProfile.KEYS, mail, mailLines);
                case "user-agent" -> userAgents.add(userAgentPattern(p, line));
                case "mail-domains" -> domains.add(domain(p, line));
                case "gateway" -> ranges.add(range(p, id, line, source));
                default -> throw new IllegalStateException(section);
            }
        }
        if (generation != null) {
            generations.add(Generation.parse(p, generationName, generationLine, generation, generationLines));
        }
        MailProfile mailProfile = inheritedMail;
        if (mailLine != 0) {
            p.line = mailLine;
            mailProfile = MailProfile.parse(p, mail, mailLines);
        }
        p.line = 1;
        CarrierProfile profile = profile(p, id, carrier, carrierLines, userAgents, generations, emojiSets, mailProfile);
        return new CarrierFile(profile, domains, ranges);
    }

    /** dev-gateways.conf: {@code [carrier-id]} sections of ranges, each under a source line. */
    static List<GatewayRange> parseExtraRanges(String fileName, String text, Set<String> carriers) {
        Parser p = new Parser(fileName);
        List<GatewayRange> ranges = new ArrayList<>();
        String carrier = null;
        String source = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.line = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (carrier != null && line.matches("#\\s*source\\b.*")) {
                    Matcher m = SOURCE_LINE.matcher(line);
                    if (!m.matches()) {
                        throw p.error("a source line reads '# source: <where>, YYYY-MM-DD'");
                    }
                    source = m.group(1).strip() + ", " + m.group(2);
                }
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                carrier = line.substring(1, line.length() - 1).strip();
                source = null;
                if (!carriers.contains(carrier)) {
                    throw p.error("unknown carrier [" + carrier + "] (known: " + String.join(", ", carriers) + ")");
                }
                continue;
            }
            if (carrier == null) {
                throw p.error("expected a [carrier] section first");
            }
            ranges.add(range(p, carrier, line, source));
        }
        return ranges;
    }

    private static void keyValue(
            Parser p, String line, Set<String> allowed, Map<String, String> into, Map<String, Integer> lines) {
        Matcher m = KEY_VALUE.matcher(line);
        if (!m.matches()) {
            throw p.error("expected 'key = value'");
        }
        String key = m.group(1);
        if (!allowed.contains(key)) {
            throw p.error(
                    "unknown key '" + key + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
        if (into.containsKey(key)) {
            throw p.error("'" + key + "' given twice");
        }
        into.put(key, m.group(2).strip());
        lines.put(key, p.line);
    }

    private static Pattern userAgentPattern(Parser p, String line) {
        if (!line.startsWith("^")) {
            throw p.error("User-Agent patterns are anchored at the start: begin with ^");
        }
        return compile(p, line);
    }

    static Pattern compile(Parser p, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw p.error("bad pattern: " + e.getDescription());
        }
    }

    private static String domain(Parser p, String line) {
        String d = line.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(d).matches()) {
            throw p.error("not a mail domain: " + line + " (a domain, or *.domain for every subdomain)");
        }
        return d;
    }

    private static GatewayRange range(Parser p, String carrier, String line, String source) {
        if (source == null) {
            throw p.error("range " + line + " has no '# source: <where>, YYYY-MM-DD' line above it");
        }
        try {
            return new GatewayRange(carrier, Cidr.parse(line), source);
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    private static CarrierProfile profile(
            Parser p,
            String id,
            Map<String, String> c,
            Map<String, Integer> lines,
            List<Pattern> userAgents,
            List<Generation> generations,
            Set<String> emojiSets,
            MailProfile mail) {
        for (String required : List.of("name", "family", "charset", "emoji", "input-mode")) {
            if (!c.containsKey(required)) {
                throw p.error("[carrier] lacks '" + required + "'");
            }
        }
        if (generations.isEmpty()) {
            throw p.error("at least one [generation …] is needed");
        }
        boolean fallback = c.containsKey("fallback") && yesNo(at(p, lines, "fallback"), c.get("fallback"));
        if (userAgents.isEmpty() && !fallback) {
            throw p.error("no [user-agent] patterns (only the fallback carrier may have none)");
        }
        DeviceFamily family;
        try {
            family = DeviceFamily.valueOf(c.get("family").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw at(p, lines, "family").error("family is keitai, smartphone or pc");
        }
        Charset charset = charset(at(p, lines, "charset"), c.get("charset"));
        String emoji = c.get("emoji");
        if (!emojiSets.contains(emoji)) {
            throw at(p, lines, "emoji").error("emoji is one of " + new java.util.TreeSet<>(emojiSets));
        }
        String inputMode = c.get("input-mode");
        if (!INPUT_MODES.contains(inputMode)) {
            throw at(p, lines, "input-mode").error("input-mode is one of " + INPUT_MODES);
        }
        CarrierProfile.UrlSession urlSession;
        try {
            urlSession = CarrierProfile.UrlSession.valueOf(
                    c.getOrDefault("url-session", "auto").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw at(p, lines, "url-session").error("url-session is auto or always");
        }
        String params = c.get("http-link-params");
        if (params != null && !params.matches("[A-Za-z0-9_]+=[A-Za-z0-9_]*(&[A-Za-z0-9_]+=[A-Za-z0-9_]*)*")) {
            throw at(p, lines, "http-link-params").error("http-link-params reads name=value(&name=value)");
        }
        Pattern model = c.containsKey("model") ? compile(at(p, lines, "model"), c.get("model")) : null;
        Pattern cache = c.containsKey("cache") ? compile(at(p, lines, "cache"), c.get("cache")) : null;
        List<String> images =
                List.of(c.getOrDefault("image-formats", "gif jpeg").split("\\s+"));
        return new CarrierProfile(
                id,
                c.get("name"),
                family,
                charset,
                c.getOrDefault("charset-label", charset.name()),
                emoji,
                inputMode,
                images,
                urlSession,
                c.get("subscriber-id-header"),
                params,
                model,
                cache,
                c.get("cache-header"),
                userAgents,
                generations,
                fallback,
                mail);
    }

    private static Parser at(Parser p, Map<String, Integer> lines, String key) {
        return p.at(lines, key);
    }

    static boolean yesNo(Parser p, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw p.error("expected yes or no, found '" + v + "'");
        };
    }

    static Charset charset(Parser p, String name) {
        try {
            Charset cs = Charset.forName(name);
            if (!cs.equals(StandardCharsets.UTF_8) && !cs.name().equals("windows-31j")) {
                throw p.error("charset is Windows-31J or UTF-8 (the carriers' page charsets)");
            }
            return cs;
        } catch (IllegalArgumentException e) {
            throw p.error("unknown charset " + name);
        }
    }

    /** Where in which file the parse is, for the error an operator reads. */
    static final class Parser {
        final String file;
        int line;

        Parser(String file) {
            this.file = file;
        }

        /** This parser, moved to the line of {@code key} (if it was given). */
        Parser at(Map<String, Integer> lines, String key) {
            line = lines.getOrDefault(key, line);
            return this;
        }

        CarrierConfigException error(String problem) {
            return new CarrierConfigException(file, line, problem);
        }
    }
}

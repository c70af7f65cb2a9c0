package jp.keitai.sns.carrier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.carrier.CarrierSources.Loaded;
import jp.keitai.sns.carrier.emoji.EmojiCodec;
import jp.keitai.sns.system.Settings;

/**
 * The carrier data in force: profiles, mail domains and gateway ranges from {@code carrier-config/} (shipped on the
 * class path; a file of the same name in {@code sns.carrier-config.dir} replaces the shipped one, new files add
 * carriers), with the operators' {@link CarrierOverlay} on top. Files in the directory are re-read when they change,
 * without a restart; a broken file is refused with its file and line in the log and in {@link #problems()}, and the
 * last good version of that file stays in force.
 */
@ApplicationScoped
public class CarrierRegistry {

    private static final Logger LOG = Logger.getLogger(CarrierRegistry.class.getName());

    /** Shipped carrier files, in User-Agent detection order (patterns are anchored, so order rarely matters). */
    static final List<String> BUNDLED = List.of("docomo", "au", "softbank", "willcom", "emobile", "smartphone", "pc");

    static final String DEV_GATEWAYS = "dev-gateways.conf";
    private static final long CHECK_INTERVAL_NANOS = 2_000_000_000L;

    @Inject
    Settings settings;

    private Optional<Path> dir = Optional.empty();
    private Set<String> emojiSets = Set.of();
    /** What each file looked like at the last check, and the last version of each that parsed. */
    private final Map<String, Loaded> seen = new LinkedHashMap<>();

    private final Map<String, Loaded> lastGood = new HashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    /** The {@code [mail]} settings of each shipped file, for operators' copies that leave the section out. */
    private final Map<String, MailProfile> shippedMail = new HashMap<>();

    private volatile CarrierOverlay overlay = CarrierOverlay.empty();
    private volatile CarrierSnapshot snapshot;
    private volatile long lastCheck;

    /** For CDI; {@link #start()} reads the settings. */
    protected CarrierRegistry() {}

    /** Outside CDI (tests, tools): the shipped files, overridden from {@code dir} when given. */
    public static CarrierRegistry load(Optional<Path> dir) {
        CarrierRegistry r = new CarrierRegistry();
        r.init(dir);
        return r;
    }

    @PostConstruct
    void start() {
        init(settings.carrierConfigDir());
    }

    private void init(Optional<Path> overrideDir) {
        dir = overrideDir;
        emojiSets = EmojiCodec.bundled().carriers();
        synchronized (this) {
            reloadFiles(true);
        }
        if (snapshot == null) {
            throw new IllegalStateException("carrier-config: no usable carrier data: " + problems);
        }
        lastCheck = System.nanoTime();
    }

    // ---- what the rest of the application asks ----

    /** The carrier a mail domain belongs to ({@code docomo.ne.jp} → docomo; {@code *.pdx.ne.jp} entries cover subdomains). */
    public Optional<String> carrierOfMailDomain(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return current().carrierOfDomain(d);
    }

    /** The carrier of a mail address by its domain (the part after the last {@code @}). */
    public Optional<String> carrierOfMailAddress(String address) {
        if (address == null || address.lastIndexOf('@') < 0) {
            return Optional.empty();
        }
        return carrierOfMailDomain(address.substring(address.lastIndexOf('@') + 1));
    }

    /**
     * The carrier whose mail rules ({@link CarrierProfile#getMail()}) apply to an address, sender or recipient: the one
     * whose {@code [mail] domains} name its domain, else the one whose mail domains list it (operators' changes
     * included), else the catch-all (PC). Trailing {@code >} and whitespace are ignored.
     */
    public CarrierProfile mailProfileOf(String address) {
        CarrierSnapshot s = current();
        if (address == null) {
            return s.fallback;
        }
        int end = address.length();
        while (end > 0 && "> \t\n\u000B\f\r".indexOf(address.charAt(end - 1)) >= 0) {
            end--;
        }
        int at = address.lastIndexOf('@', end - 1);
        if (at < 0) {
            return s.fallback;
        }
        String d = address.substring(at + 1, end).strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        String domain = d;
        return s.mailCarrierOfDomain(domain)
                .or(() -> s.carrierOfDomain(domain))
                .map(s.profiles::get)
                .orElse(s.fallback);
    }

    /** The carrier whose gateway ranges contain this address (dev/QA ranges included). */
    public Optional<String> gatewayCarrierOf(InetAddress address) {
        for (GatewayRange r : current().ranges) {
            if (r.contains(address)) {
                return Optional.of(r.getCarrier());
            }
        }
        return Optional.empty();
    }

    /** True when the address is inside one of this carrier's gateway ranges. */
    public boolean isGatewayAddress(String carrier, InetAddress address) {
        return gatewayCarrierOf(address).filter(carrier::equals).isPresent();
    }

    public Optional<CarrierProfile> profile(String carrier) {
        return Optional.ofNullable(current().profiles.get(carrier));
    }

    /** Every carrier, in detection order, the catch-all last. */
    public Collection<CarrierProfile> profiles() {
        return current().profiles.values();
    }

    /** The carrier whose User-Agent patterns match, else the catch-all (PC). */
    public CarrierProfile profileForUserAgent(String userAgent) {
        CarrierSnapshot s = current();
        if (userAgent != null) {
            for (CarrierProfile p : s.profiles.values()) {
                if (!p.isFallback() && p.claims(userAgent)) {
                    return p;
                }
            }
        }
        return s.fallback;
    }

    public CarrierProfile fallbackProfile() {
        return current().fallback;
    }

    /** Mail domains in force for a carrier (files plus operators' changes). */
    public List<String> mailDomains(String carrier) {
        return current().domains.getOrDefault(carrier, List.of());
    }

    /** Gateway ranges in force for a carrier (files, dev/QA list and operators' changes), each with its source. */
    public List<GatewayRange> gatewayRanges(String carrier) {
        return current().ranges.stream()
                .filter(r -> r.getCarrier().equals(carrier))
                .toList();
    }

    /**
     * Lays operators' changes over the files (the seam for the admin console: it stores its changes and calls this
     * at start and after every change). Unknown carriers are refused.
     */
    public synchronized void applyOverlay(CarrierOverlay changes) {
        CarrierSnapshot s = current();
        for (String c : changes.carriers()) {
            if (!s.profiles.containsKey(c)) {
                throw new IllegalArgumentException("unknown carrier: " + c);
            }
        }
        overlay = changes;
        snapshot = CarrierSnapshot.build(s.profiles, s.fileDomains, s.fileRanges, changes);
    }

    /**
     * The carrier's file as it would read with the data in force: the file in use, its {@code [mail-domains]} and
     * {@code [gateway]} sections rewritten from the current lists (operators' changes included), ranges grouped under
     * their {@code # source} lines. Operators export it to make their changes the new shipped defaults.
     */
    public synchronized Optional<String> exportFile(String carrier) {
        Loaded file = seen.get(carrier + ".conf");
        if (file == null || !current().profiles.containsKey(carrier)) {
            return Optional.empty();
        }
        Set<String> dev = new HashSet<>();
        Loaded devFile = seen.get(DEV_GATEWAYS);
        if (devFile != null) {
            try {
                CarrierFile.parseExtraRanges(
                                devFile.origin(),
                                devFile.text(),
                                current().profiles.keySet())
                        .forEach(r -> dev.add(r.getRange()));
            } catch (CarrierConfigException e) {
                // a broken dev list is reported elsewhere; export what is in force
            }
        }
        return Optional.of(CarrierExport.export(file.text(), mailDomains(carrier), gatewayRanges(carrier), dev));
    }

    /** Files refused since start, newest last, each as {@code file:line: problem}. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Re-reads changed files now (normally done lazily, at most every two seconds, as requests arrive). */
    public synchronized void reloadIfChanged() {
        reloadFiles(false);
        lastCheck = System.nanoTime();
    }

    // ---- loading ----

    private CarrierSnapshot current() {
        if (dir.isPresent() && System.nanoTime() - lastCheck > CHECK_INTERVAL_NANOS) {
            synchronized (this) {
                if (System.nanoTime() - lastCheck > CHECK_INTERVAL_NANOS) {
                    lastCheck = System.nanoTime();
                    reloadFiles(false);
                }
            }
        }
        return snapshot;
    }

    private void reloadFiles(boolean first) {
        List<String> names = new ArrayList<>();
        BUNDLED.forEach(id -> names.add(id + ".conf"));
        names.add(DEV_GATEWAYS);
        Map<String, Loaded> found = CarrierSources.readAll(names, dir, seen, this::refuse);
        boolean changed = first || !found.equals(seen);
        seen.clear();
        seen.putAll(found);
        if (!changed) {
            return;
        }
        Map<String, Parsed> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, Loaded> e : found.entrySet()) {
            if (e.getKey().equals(DEV_GATEWAYS)) {
                continue;
            }
            String id = e.getKey().substring(0, e.getKey().length() - ".conf".length());
            Parsed p = parseCarrier(id, e.getValue());
            if (p != null) {
                parsed.put(id, p);
            }
        }
        List<CarrierProfile> fallbacks = parsed.values().stream()
                .map(p -> p.file.profile)
                .filter(CarrierProfile::isFallback)
                .toList();
        if (fallbacks.size() != 1) {
            refuse("carrier-config: exactly one carrier file must say 'fallback = yes', found " + fallbacks);
            return;
        }
        List<GatewayRange> extra = parseDev(found.get(DEV_GATEWAYS), parsed.keySet());
        Map<String, CarrierProfile> profiles = new LinkedHashMap<>();
        Map<String, List<String>> domains = new LinkedHashMap<>();
        List<GatewayRange> ranges = new ArrayList<>();
        for (Parsed p : parsed.values()) {
            if (!p.file.profile.isFallback()) {
                profiles.put(p.file.profile.getId(), p.file.profile);
            }
        }
        profiles.put(fallbacks.get(0).getId(), fallbacks.get(0));
        for (Parsed p : parsed.values()) {
            domains.put(p.file.profile.getId(), p.file.mailDomains);
            ranges.addAll(p.file.ranges);
        }
        ranges.addAll(extra);
        snapshot = CarrierSnapshot.build(profiles, domains, ranges, overlay);
        if (!first) {
            LOG.info(() -> "carrier-config reloaded: " + profiles.keySet());
        }
    }

    private record Parsed(CarrierFile file, Loaded loaded) {}

    /** The file as it is now if it parses, else its last good version (or the shipped one), else null. */
    private Parsed parseCarrier(String id, Loaded now) {
        try {
            Parsed p = new Parsed(parse(id, now), now);
            lastGood.put(now.name(), now);
            return p;
        } catch (CarrierConfigException ex) {
            refuse(ex.getMessage());
        }
        Loaded good = lastGood.get(now.name());
        if (good == null && !now.shipped()) {
            good = CarrierSources.bundledOrNull(now.name());
        }
        return good == null ? null : new Parsed(parse(id, good), good);
    }

    /** A file without {@code [mail]} keeps the mail settings of the shipped file of its name. */
    private CarrierFile parse(String id, Loaded file) {
        MailProfile inherited = file.shipped() ? MailProfile.DEFAULT : shippedMail(id);
        return CarrierFile.parse(id, file.origin(), file.text(), emojiSets, inherited);
    }

    private MailProfile shippedMail(String id) {
        return shippedMail.computeIfAbsent(id, k -> {
            Loaded shipped = CarrierSources.bundledOrNull(k + ".conf");
            try {
                return shipped == null
                        ? MailProfile.DEFAULT
                        : CarrierFile.parse(k, shipped.origin(), shipped.text(), emojiSets, MailProfile.DEFAULT)
                                .profile
                                .getMail();
            } catch (CarrierConfigException e) {
                return MailProfile.DEFAULT;
            }
        });
    }

    private List<GatewayRange> parseDev(Loaded now, Set<String> carriers) {
        try {
            List<GatewayRange> ranges = CarrierFile.parseExtraRanges(now.origin(), now.text(), carriers);
            lastGood.put(now.name(), now);
            return ranges;
        } catch (CarrierConfigException ex) {
            refuse(ex.getMessage());
        }
        Loaded good = lastGood.get(now.name());
        try {
            return good == null ? List.of() : CarrierFile.parseExtraRanges(good.origin(), good.text(), carriers);
        } catch (CarrierConfigException ex) {
            return List.of(); // a carrier it named has gone
        }
    }

    private void refuse(String message) {
        problems.add(message);
        while (problems.size() > 50) {
            problems.remove(0);
        }
        LOG.log(Level.SEVERE, "carrier-config refused, last good data stays in force: " + message);
    }

    /** For diagnostics: carrier ids in force. */
    Set<String> carrierIds() {
        return new TreeSet<>(current().profiles.keySet());
    }
}

package jp.keitai.sns.system;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of CONTRACT.md, read once and validated. Each key may also be given as an environment variable (upper
 * case, dots and dashes as underscores), as MicroProfile Config does.
 */
public final class Settings {

    public enum OutboundMode {
        FILE,
        SMTP
    }

    public enum Registration {
        INVITE,
        OPEN
    }

    private final int httpPort;
    private final URI baseUrl;
    private final String mailDomain;
    private final int smtpPort;
    private final OutboundMode outboundMode;
    private final String outboundSmtpHost;
    private final int outboundSmtpPort;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final Path dataDir;
    private final Path photosDir;
    private final Registration registration;
    private final String operatorEmail;
    private final String operatorPassword;
    private final Optional<Path> carrierConfigDir;
    private final String trustedProxies;
    private final Function<String, Optional<String>> source;
    private final java.util.Map<CacheSize, Integer> cacheSizes = new java.util.EnumMap<>(CacheSize.class);
    private final int dbPoolSize;

    private Settings(Function<String, Optional<String>> source) {
        this.source = source;
        httpPort = port(source, "sns.http.port", 8080, false);
        baseUrl = url(source, "sns.base-url", "http://localhost:" + httpPort);
        mailDomain = domain(source, "sns.mail.domain", "localhost");
        smtpPort = port(source, "sns.smtp.port", 2525, true);
        outboundMode = choice(source, "sns.outbound.mode", OutboundMode.FILE, OutboundMode.class);
        outboundSmtpHost = text(source, "sns.outbound.smtp.host", "localhost");
        outboundSmtpPort = port(source, "sns.outbound.smtp.port", 25, false);
        dbUrl = text(source, "sns.db.url", "");
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
            throw new SettingsException("sns.db.url", dbUrl, "jdbc:postgresql:… または jdbc:h2:… を指定してください");
        }
        dbUser = text(source, "sns.db.user", "");
        dbPassword = text(source, "sns.db.password", "");
        dataDir =
                Path.of(text(source, "sns.data.dir", "./data")).toAbsolutePath().normalize();
        // Several nodes share one photo directory (a network file system in production): a photo posted through one
        // node
        // is served by every other.
        String photos = text(source, "sns.photos.dir", "");
        photosDir = photos.isBlank()
                ? dataDir.resolve("photos")
                : Path.of(photos).toAbsolutePath().normalize();
        registration = choice(source, "sns.registration", Registration.INVITE, Registration.class);
        operatorEmail = text(source, "sns.operator.email", "");
        operatorPassword = text(source, "sns.operator.password", "");
        if (!operatorEmail.isEmpty() && !operatorEmail.contains("@")) {
            throw new SettingsException("sns.operator.email", operatorEmail, "メールアドレスではありません");
        }
        if (!operatorEmail.isEmpty() && operatorPassword.length() < 8) {
            throw new SettingsException("sns.operator.password", "****", "8文字以上のパスワードが必要です");
        }
        carrierConfigDir = source.apply("sns.carrier-config.dir")
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize());
        trustedProxies = text(source, "sns.trusted-proxies", "");
        for (CacheSize c : CacheSize.values()) {
            cacheSizes.put(c, intValue(c.key(), c.defaultSize(), c.minimum(), 50_000_000));
        }
        dbPoolSize = intValue("sns.db.pool-size", 16, 2, 500);
    }

    /** The bound of one read cache ({@code sns.cache.*}). */
    public int cacheSize(CacheSize cache) {
        return cacheSizes.get(cache);
    }

    /** Connections in the database pool ({@code sns.db.pool-size}). */
    public int dbPoolSize() {
        return dbPoolSize;
    }

    /** Reads and validates every setting; throws {@link SettingsException} naming the first bad key. */
    public static Settings load(Function<String, Optional<String>> source) {
        return new Settings(source);
    }

    /** A setting that belongs to one feature (read where it is used, still validated there). */
    public Optional<String> raw(String key) {
        return source.apply(key).filter(s -> !s.isBlank());
    }

    public int intValue(String key, int defaultValue, int min, int max) {
        Optional<String> v = raw(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get().trim());
            if (n < min || n > max) {
                throw new SettingsException(key, v.get(), min + "〜" + max + " の整数を指定してください");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SettingsException(key, v.get(), "整数ではありません");
        }
    }

    private static String text(Function<String, Optional<String>> source, String key, String def) {
        return source.apply(key).map(String::trim).orElse(def);
    }

    private static int port(Function<String, Optional<String>> source, String key, int def, boolean zeroAllowed) {
        String v = text(source, key, "");
        if (v.isEmpty()) {
            return def;
        }
        try {
            int p = Integer.parseInt(v);
            if (p < (zeroAllowed ? 0 : 1) || p > 65535) {
                throw new SettingsException(key, v, "ポート番号は " + (zeroAllowed ? 0 : 1) + "〜65535 です");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new SettingsException(key, v, "ポート番号ではありません");
        }
    }

    private static URI url(Function<String, Optional<String>> source, String key, String def) {
        String v = text(source, key, def);
        try {
            URI u = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new SettingsException(key, v, "http:// または https:// で始まるURLを指定してください");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(key, v, "URLではありません");
        }
    }

    private static String domain(Function<String, Optional<String>> source, String key, String def) {
        String v = text(source, key, def).toLowerCase(Locale.ROOT);
        if (!v.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new SettingsException(key, v, "ドメイン名ではありません");
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(
            Function<String, Optional<String>> source, String key, E def, Class<E> type) {
        String v = text(source, key, "");
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : " | ")
                        .append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new SettingsException(key, v, "使える値: " + allowed);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String mailDomain() {
        return mailDomain;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public OutboundMode outboundMode() {
        return outboundMode;
    }

    public String outboundSmtpHost() {
        return outboundSmtpHost;
    }

    public int outboundSmtpPort() {
        return outboundSmtpPort;
    }

    /** Empty means the embedded H2 database under {@link #dataDir()}. */
    public String dbUrl() {
        return dbUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where photo originals and their copies live: {@code sns.photos.dir}, by default {@code <sns.data.dir>/photos}. */
    public Path photosDir() {
        return photosDir;
    }

    public Registration registration() {
        return registration;
    }

    public String operatorEmail() {
        return operatorEmail;
    }

    public String operatorPassword() {
        return operatorPassword;
    }

    public Optional<Path> carrierConfigDir() {
        return carrierConfigDir;
    }

    public String trustedProxies() {
        return trustedProxies;
    }
}

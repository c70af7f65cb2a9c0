package jp.keitai.sns.system;

import java.util.EnumMap;
import java.util.Map;

/**
 * The bounds of the in-memory read caches, as {@code sns.cache.*} settings (README "Settings"). {@link Settings}
 * validates them at start and {@link SettingsProducer} hands them here before any cache is made; code that runs
 * without the container (unit tests) gets the defaults.
 */
public enum CacheSize {
    /** Per-member entries: status cards, friend lists, feeds, あしあと counts. */
    MEMBERS("sns.cache.members", 200_000),
    /** Profile fields and 紹介文. */
    PROFILES("sns.cache.profiles", 100_000),
    /** Rendered diary pages. */
    DIARIES("sns.cache.diaries", 50_000),
    /** What the diary pages kept may take, in MB (estimated from their text): long diaries must not fill the heap. */
    DIARIES_MB("sns.cache.diaries-mb", 32, 1),
    /**
     * What the community topic pages kept may take, in MB (estimated from their text), each of the two copies: the
     * topics themselves, and their pages of comments.
     */
    TOPICS_MB("sns.cache.topics-mb", 16, 1),
    /** Signed-in sessions kept in memory. */
    SESSIONS("sns.cache.sessions", 200_000),
    /** Recent (visitor, visited) pairs for the あしあと window. */
    FOOTPRINT_PAIRS("sns.cache.footprint-pairs", 200_000);

    private static final Map<CacheSize, Integer> CONFIGURED = new EnumMap<>(CacheSize.class);

    private final String key;
    private final int defaultSize;
    private final int minimum;

    CacheSize(String key, int defaultSize) {
        this(key, defaultSize, 100);
    }

    CacheSize(String key, int defaultSize, int minimum) {
        this.key = key;
        this.defaultSize = defaultSize;
        this.minimum = minimum;
    }

    /** The smallest value the setting accepts. */
    public int minimum() {
        return minimum;
    }

    public String key() {
        return key;
    }

    public int defaultSize() {
        return defaultSize;
    }

    /** The configured bound, or the default. */
    public int get() {
        synchronized (CONFIGURED) {
            return CONFIGURED.getOrDefault(this, defaultSize);
        }
    }

    static void configure(Settings settings) {
        synchronized (CONFIGURED) {
            for (CacheSize c : values()) {
                CONFIGURED.put(c, settings.cacheSize(c));
            }
        }
    }
}

package jp.keitai.sns.api;

import java.util.Locale;
import java.util.Optional;

/** What a personal access token may do: {@code read} (GET only) or {@code write} (read, and post, like, delete). */
public enum ApiScope {
    READ("読み取りのみ"),
    WRITE("読み取りと書き込み");

    private final String label;

    ApiScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a token of this scope may make a request with this HTTP method. */
    public boolean allows(String method) {
        return this == WRITE || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    static Optional<ApiScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ApiScope s : values()) {
            if (s.value().equals(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

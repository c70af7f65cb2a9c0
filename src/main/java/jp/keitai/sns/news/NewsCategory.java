package jp.keitai.sns.news;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The categories an operator files a partner feed under; every article takes its feed's. */
public enum NewsCategory {
    DOMESTIC("国内"),
    WORLD("海外"),
    ECONOMY("経済"),
    IT("IT・科学"),
    SPORTS("スポーツ"),
    ENTERTAINMENT("エンタメ"),
    TREND("トレンド");

    private final String label;

    NewsCategory(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    /** The URL and database value: {@code domestic}, {@code world}, … */
    public String getValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NewsCategory> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.getValue().equals(value)).findFirst();
    }
}

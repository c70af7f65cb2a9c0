package jp.keitai.sns.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** 公開範囲: who may see a diary (and, with the same words, other member content). */
public enum Visibility {
    PRIVATE("非公開"),
    FRIENDS("友人まで公開"),
    FRIENDS_OF_FRIENDS("友人の友人まで公開"),
    /** All signed-in members; guests never see member content. */
    EVERYONE("全体に公開");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    /** The Japanese label members see. */
    public String label() {
        return label;
    }

    /** The form and database value: {@code private}, {@code friends}, {@code friends_of_friends}, {@code everyone}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> parse(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }
}

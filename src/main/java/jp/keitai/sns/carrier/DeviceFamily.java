package jp.keitai.sns.carrier;

/** The three kinds of client pages are made for. Template suffix is the lower-case name. */
public enum DeviceFamily {
    KEITAI,
    SMARTPHONE,
    PC;

    public String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

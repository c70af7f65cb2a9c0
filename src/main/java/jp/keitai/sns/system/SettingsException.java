package jp.keitai.sns.system;

/** A setting has a value the service cannot start with; the message names the key. */
public class SettingsException extends RuntimeException {
    public SettingsException(String key, String value, String problem) {
        super("設定エラー / bad setting " + key + "='" + value + "': " + problem);
    }
}

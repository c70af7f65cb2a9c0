package jp.keitai.sns.system;

/**
 * Fired once the settings are valid and the database is migrated. Features that start something (the SMTP
 * listener, the operator account, workers) observe this instead of the container's own start-up event, so nothing
 * runs before the schema exists.
 */
public record Started(Settings settings) {}

/**
 * ボイス: short posts (150 characters) with replies and イイネ!, from the web and by mail ({@code v.<secret>@}), the
 * friends' voices feed on {@code /voice} and the voice section of the home page. {@code VoiceResource} and
 * {@code VoiceMailRoute} call {@code VoiceService} (the rules), which keeps the rows in {@code VoiceStore} (the only
 * SQL) and reads lists through {@code VoiceFeed} (the only cache).
 */
package jp.keitai.sns.voice;

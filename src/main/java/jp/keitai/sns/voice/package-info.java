/**
 * ボイス: short posts (150 characters) with replies and イイネ!, from the web and by mail ({@code v.<secret>@}), the
 * friends' voices feed on {@code /voice} and the voice section of the home page.
 */
package jp.keitai.sns.voice;

package jp.keitai.sns.voice;

import java.time.Instant;

/**
 * One stored voice, a post or a reply, as {@link VoiceStore} reads it (see V10__voice.sql).
 *
 * @param replyTo the post this one answers; null for a post
 */
record Voice(long id, long authorId, String body, Long replyTo, Instant createdAt) {}

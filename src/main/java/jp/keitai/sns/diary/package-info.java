/**
 * 日記: diaries with four visibility levels, numbered comments, photos served per handset, diaries posted by mail
 * ({@code d.{secret}@}), the posting-address page and the friends' diaries section of the home page. Every answer
 * asks {@code access.AccessPolicy}.
 */
package jp.keitai.sns.diary;

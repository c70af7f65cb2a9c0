/**
 * コミュニティ: communities with their members, administrators, topics, numbered comments with photos, events with
 * 参加 answers, comments by mail ({@code c.{secret}@}), the home section, notices and reports for the operators. Read
 * rights are {@code access.AccessPolicy#canReadCommunity}'s.
 */
package jp.keitai.sns.community;

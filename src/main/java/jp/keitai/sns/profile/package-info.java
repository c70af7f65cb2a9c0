/**
 * A member's profile page ({@code /members/{id}}, which leaves a footprint): the owner's name and self-introduction,
 * then what features contribute ({@link jp.keitai.sns.profile.ProfileSection}). Features depend on this package, never
 * the reverse; their own pages under {@code /members/{id}/…} (紹介文, mixiGraph, diaries) are theirs.
 */
package jp.keitai.sns.profile;

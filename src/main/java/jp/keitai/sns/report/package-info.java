/**
 * 通報 of members' own content (diaries, voices, profiles): the members' form, and the operators' console page.
 * Reports of community topics and comments are the community feature's own.
 */
package jp.keitai.sns.report;

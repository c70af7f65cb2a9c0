/**
 * mixiニュース: partner feeds operators add in the console, polled on a schedule (one node per feed at a time), the
 * articles by category, members' comments on them, diaries about an article, and the 24-hour rankings.
 */
package jp.keitai.sns.news;

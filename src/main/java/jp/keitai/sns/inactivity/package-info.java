/**
 * 退会のお知らせ: the operator-set rule for members who no longer sign in (notice by mail with a date, suspension,
 * withdrawal with a second notice), run hourly under the {@code scheduled_task} lock so one node acts. {@code
 * InactivityService} holds the rule, {@code InactivityStore} the SQL.
 */
package jp.keitai.sns.inactivity;

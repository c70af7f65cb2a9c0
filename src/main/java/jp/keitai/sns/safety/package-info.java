/**
 * 安否確認 (I am safe): checks opened by operators or a configured trigger, the 「無事です」 button on every home page,
 * answers on the web and by empty mail to {@code safe@}, and the friends' list on {@code /safety}. {@code
 * SafetyService} holds the rules, {@code SafetyStore} the SQL, {@code SafetyFeed} the home page's memory.
 */
package jp.keitai.sns.safety;

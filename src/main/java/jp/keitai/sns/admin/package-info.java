/**
 * The operator console: members (search, suspend), the carrier data operators keep current, the easy-login
 * blacklist, and the audit log of every operator action. Operators only.
 */
package jp.keitai.sns.admin;

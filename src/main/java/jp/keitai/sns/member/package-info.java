/**
 * Members and operators: accounts, passwords, registration and sign-in, profiles. The first operator account comes
 * from the {@code sns.operator.*} settings.
 */
package jp.keitai.sns.member;

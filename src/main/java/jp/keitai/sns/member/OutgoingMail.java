package jp.keitai.sns.member;

import java.util.Map;

/** A mail a membership step asks to send: recipient, template under {@code mobile-templates/mail/}, its values. */
public record OutgoingMail(String to, String template, Map<String, String> values) {}

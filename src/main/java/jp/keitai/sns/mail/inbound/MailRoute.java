package jp.keitai.sns.mail.inbound;

import java.util.function.Predicate;

/** A registered route: which recipient local parts it takes, and who handles them. */
public record MailRoute(String name, Predicate<String> localPart, MailHandler handler) {}

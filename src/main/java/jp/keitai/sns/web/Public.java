package jp.keitai.sns.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class or method: guests may reach it too (the top page, login, registration, health). The opposite of
 * {@link MembersOnly}; one of the two is on every resource method, so none is public by omission.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {}

package jp.keitai.sns.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class or method: only signed-in members reach it; a guest is sent to the top page to sign in
 * ({@link MembersOnlyFilter}). Every resource method says either this or {@link Public} ({@code ResourceRulesTest}).
 */
@jakarta.ws.rs.NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MembersOnly {}

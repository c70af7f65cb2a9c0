package jp.keitai.sns.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a JSON API resource ({@code /api/v1}): {@link ApiAuthFilter} authenticates its requests by bearer token only,
 * limits their rate and checks the token's scope. Such a resource is {@code @Public} and {@code @CsrfExempt} for the
 * page machinery (no session, no page token): a session cookie never authenticates it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiAccess {}

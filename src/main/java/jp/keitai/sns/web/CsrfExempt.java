package jp.keitai.sns.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource that is no page a browser posts: a machine endpoint authenticated by a secret of its own (the 安否確認
 * trigger's token), which {@link CsrfFilter} lets through without a page token. Never on a member page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CsrfExempt {}

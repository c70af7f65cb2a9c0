/**
 * The keitai layout as JSP tags ({@code <k:page>}, {@code <k:split>}, {@code <k:link>}, declared in
 * {@code WEB-INF/keitai.tld}): DOCTYPE and head per browser generation, the splittable body, accesskey links.
 */
package jp.keitai.sns.carrier.view;

/**
 * The HTML side shared by every feature: the JAX-RS application, views rendered from {@code mobile-templates/} with
 * fallback by device family, and the helpers pages share.
 */
package jp.keitai.sns.web;

package jp.keitai.sns.web;

import jakarta.ws.rs.core.Application;

/**
 * All pages and JSON under one JAX-RS application, mounted as a filter on {@code /*} in {@code web.xml}; views are JSPs
 * included by {@link ViewWriter}.
 */
public class SnsApplication extends Application {}

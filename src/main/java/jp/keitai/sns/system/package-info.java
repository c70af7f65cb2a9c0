/**
 * Runs the application: settings from MicroProfile Config, the database (Flyway first, then JPA), the start-up
 * sequence and the readiness check.
 */
package jp.keitai.sns.system;

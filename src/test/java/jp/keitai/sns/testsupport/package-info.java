/** Test helpers: fresh databases for unit tests and for the integration-test runs, and the Arquillian deployment. */
package jp.keitai.sns.testsupport;

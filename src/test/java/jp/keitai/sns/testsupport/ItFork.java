package jp.keitai.sns.testsupport;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Gives each integration-test JVM its own SMTP port. Failsafe runs the IT classes in several JVMs at once (pom.xml,
 * {@code it.forks}), each starting its own Payara Micro with its own data directory and database; the build reserves
 * one SMTP port per JVM ({@code it.smtp.port.1}, {@code .2}, ...) and tells each JVM which is its own
 * ({@code it.smtp.port.key}), but cannot set {@code it.smtp.port} itself per JVM. This does, before the first test
 * class, hence before Arquillian reads {@code arquillian.xml}. Registered in {@code META-INF/services}; in other test
 * JVMs it does nothing.
 */
public final class ItFork implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        String key = System.getProperty("it.smtp.port.key");
        if (key == null || System.getProperty("it.smtp.port") != null) {
            return;
        }
        String port = System.getProperty(key);
        if (port == null || port.isEmpty()) {
            throw new IllegalStateException("no SMTP port reserved as " + key + " (pom.xml: it-ports, it.forks)");
        }
        System.setProperty("it.smtp.port", port);
    }
}

package jp.keitai.sns.testsupport;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Gives each integration-test JVM its own SMTP port. Failsafe runs the IT classes in several JVMs at once (pom.xml,
 * {@code it.forks}), each starting its own Payara Micro with its own data directory and database; failsafe numbers the
 * JVMs ({@code it.fork}) but cannot pick a property by that number, so this sets {@code it.smtp.port} to the port the
 * build reserved for this JVM ({@code it.smtp.port.<n>}) before the first test class, hence before Arquillian reads
 * {@code arquillian.xml}. Registered in {@code META-INF/services}; in other test JVMs it does nothing.
 */
public final class ItFork implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        String fork = System.getProperty("it.fork");
        if (fork == null || System.getProperty("it.smtp.port") != null) {
            return;
        }
        String port = System.getProperty("it.smtp.port." + fork);
        if (port == null) {
            throw new IllegalStateException("no SMTP port reserved for test JVM " + fork + " (pom.xml: it-ports)");
        }
        System.setProperty("it.smtp.port", port);
    }
}

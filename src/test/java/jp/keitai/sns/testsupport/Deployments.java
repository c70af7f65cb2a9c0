package jp.keitai.sns.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build made, deployed unchanged at the root context as in production. */
public final class Deployments {
    private Deployments() {}

    public static WebArchive app() {
        File war = new File(System.getProperty("it.war", "target/keitai-sns.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}

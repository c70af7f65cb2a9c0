package jp.keitai.sns.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import jp.keitai.sns.architecture.fixture.a.CycleA;
import jp.keitai.sns.architecture.fixture.feature.Thing;
import jp.keitai.sns.architecture.fixture.owner.OwnerEntity;
import jp.keitai.sns.architecture.fixture.owner.OwnerService;
import jp.keitai.sns.architecture.fixture.owner.OwnerStore;
import jp.keitai.sns.architecture.fixture.system.Plumbing;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest} fails when it is broken on purpose, and for that reason only: the same rule
 * methods, over the deliberately bad classes in {@code fixture} (each package below it plays a top-level package),
 * report the bad class and not its well-behaved neighbours; without the bad classes they report nothing.
 */
class ArchitectureRulesFailTest {

    static final String FIXTURE = "jp.keitai.sns.architecture.fixture";

    static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    /** The fixtures that keep every rule: a store and entity used in their own package, system SQL, no cycle. */
    static final JavaClasses FINE = new ClassFileImporter()
            .importClasses(
                    OwnerEntity.class, OwnerStore.class, OwnerService.class, Plumbing.class, Thing.class, CycleA.class);

    @Test
    void aCycleBetweenTopLevelPackagesFails() {
        String report = violations(ArchitectureTest.noCycles(FIXTURE));
        assertTrue(report.contains(FIXTURE + ".a.CycleA") && report.contains(FIXTURE + ".b.CycleB"), report);
        assertFalse(report.contains("Thief") || report.contains("Gate"), "only the cycle:\n" + report);
        passes(ArchitectureTest.noCycles(FIXTURE));
    }

    @Test
    void accessReachingIntoAFeatureFails() {
        String report = violations(ArchitectureTest.accessBelowFeatures(FIXTURE));
        assertTrue(report.contains("Gate") && report.contains(FIXTURE + ".feature.Thing"), report);
        assertFalse(report.contains("Plumbing"), "access may use system:\n" + report);
    }

    @Test
    void anotherFeaturesStoreOrEntityFails() {
        String report = violations(ArchitectureTest.storesAndEntitiesPrivate(FIXTURE));
        assertTrue(report.contains("Thief") && report.contains("OwnerStore"), report);
        assertTrue(report.contains("OwnerEntity"), "the entity too:\n" + report);
        assertFalse(report.contains("OwnerService"), "the owner may use its own:\n" + report);
        passes(ArchitectureTest.storesAndEntitiesPrivate(FIXTURE));
    }

    @Test
    void sqlOutsideAStoreFails() {
        String report = violations(ArchitectureTest.sqlOnlyInStoresRule(FIXTURE));
        assertTrue(report.contains("RogueService.jpa") && report.contains("EntityManager.createQuery"), report);
        assertTrue(report.contains("RogueService.jdbc") && report.contains("Connection.prepareStatement"), report);
        assertFalse(report.contains("OwnerStore") || report.contains("Plumbing"), "stores and system:\n" + report);
        passes(ArchitectureTest.sqlOnlyInStoresRule(FIXTURE));
    }

    /** The application is checked by the very rules shown failing here: the same descriptions over its base. */
    @Test
    void theApplicationsRulesAreTheseRules() {
        List<Function<String, ArchRule>> rules = List.of(
                ArchitectureTest::noCycles,
                ArchitectureTest::accessBelowFeatures,
                ArchitectureTest::storesAndEntitiesPrivate,
                ArchitectureTest::sqlOnlyInStoresRule);
        List<ArchRule> app = List.of(
                ArchitectureTest.noCycles(),
                ArchitectureTest.accessBelowFeatures(),
                ArchitectureTest.storesAndEntitiesPrivate(),
                ArchitectureTest.sqlOnlyInStoresRule());
        for (int i = 0; i < app.size(); i++) {
            ArchRule withBase = rules.get(i).apply(ArchitectureTest.BASE);
            assertEquals(withBase.getDescription(), app.get(i).getDescription());
            assertEquals(
                    withBase.evaluate(ArchitectureTest.APP).hasViolation(),
                    app.get(i).evaluate(ArchitectureTest.APP).hasViolation(),
                    withBase.getDescription());
        }
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(BROKEN);
        assertTrue(result.hasViolation(), rule.getDescription() + " should fail on the broken fixtures");
        return String.join("\n", result.getFailureReport().getDetails());
    }

    private static void passes(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FINE);
        assertFalse(
                result.hasViolation(),
                String.join("\n", result.getFailureReport().getDetails()));
    }
}

package jp.keitai.sns.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shape DESIGN.md §7b promises, kept by the build: no cycles between top-level packages; {@code access} below
 * every feature; a feature's store and entities used by that feature alone; SQL only in stores (and in {@code system},
 * which owns the database plumbing).
 *
 * <p>The rules are plain methods over one import so that {@link ArchitectureRulesFailTest} can show each of them
 * failing on a deliberately broken class.
 */
class ArchitectureTest {

    static final String BASE = "jp.keitai.sns";

    /** Packages below every feature: they may not depend on one. */
    static final Set<String> FOUNDATION = Set.of("system", "carrier", "web", "access", "mail");

    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void noCyclesBetweenTopLevelPackages() {
        noCycles().check(APP);
    }

    @Test
    void accessDependsOnNoFeature() {
        accessBelowFeatures().check(APP);
    }

    @Test
    void storesAndEntitiesStayInTheirFeature() {
        storesAndEntitiesPrivate().check(APP);
    }

    @Test
    void sqlOnlyInStores() {
        sqlOnlyInStoresRule().check(APP);
    }

    @Test
    void everyResourceMethodSaysWhoMayCallIt() {
        membersOnlyOrPublic().check(APP);
    }

    /** Sign-in is declared, never implied: each resource method is {@code @MembersOnly} or {@code @Public}. */
    static ArchRule membersOnlyOrPublic() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that(DescribedPredicate.describe(
                        "answer an HTTP method", m -> HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith)))
                .should(new ArchCondition<>("be @MembersOnly or @Public, or sit in a class that is") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod m, ConditionEvents events) {
                        boolean said = WHO.stream()
                                .anyMatch(a ->
                                        m.isAnnotatedWith(a) || m.getOwner().isAnnotatedWith(a));
                        if (!said) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " says neither"));
                        }
                    }
                });
    }

    static final java.util.List<String> HTTP_METHODS = java.util.List.of(
            "jakarta.ws.rs.GET",
            "jakarta.ws.rs.POST",
            "jakarta.ws.rs.PUT",
            "jakarta.ws.rs.DELETE",
            "jakarta.ws.rs.PATCH");

    static final java.util.List<String> WHO = java.util.List.of(BASE + ".web.MembersOnly", BASE + ".web.Public");

    static ArchRule noCycles() {
        return noCycles(BASE);
    }

    static ArchRule accessBelowFeatures() {
        return accessBelowFeatures(BASE);
    }

    static ArchRule storesAndEntitiesPrivate() {
        return storesAndEntitiesPrivate(BASE);
    }

    static ArchRule sqlOnlyInStoresRule() {
        return sqlOnlyInStoresRule(BASE);
    }

    /** No cycle between the packages just below {@code base}. */
    static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    /** {@code base.access} depends on nothing of {@code base} but itself and {@code base.system}. */
    static ArchRule accessBelowFeatures(String base) {
        return classes()
                .that()
                .resideInAPackage(base + ".access..")
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.describe(
                        "are in access or system, or outside the application",
                        c -> !c.getPackageName().startsWith(base + ".")
                                || c.getPackageName().startsWith(base + ".access")
                                || c.getPackageName().startsWith(base + ".system")));
    }

    /** A feature's store or entity is used only inside the top-level package (below {@code base}) that owns it. */
    static ArchRule storesAndEntitiesPrivate(String base) {
        return classes().should(new ArchCondition<>("use no other top-level package's store or entity") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (var d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (isStoreOrEntity(target, base) && !topLevel(origin, base).equals(topLevel(target, base))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        });
    }

    /** JPA queries and JDBC statements only in classes named {@code …Store}, and in {@code base.system}. */
    static ArchRule sqlOnlyInStoresRule(String base) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are not stores or system plumbing",
                        c -> !isStore(c) && !topLevel(c, base).equals("system")))
                .should(new ArchCondition<>("run no SQL or JPA queries") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (JavaAccess<?> a : origin.getAccessesFromSelf()) {
                            if (isSql(a)) {
                                events.add(SimpleConditionEvent.violated(a, a.getDescription()));
                            }
                        }
                    }
                });
    }

    static boolean isSql(JavaAccess<?> a) {
        String owner = a.getTargetOwner().getName();
        String name = a.getName();
        return switch (owner) {
            case "jakarta.persistence.EntityManager" ->
                Set.of(
                                "createQuery",
                                "createNativeQuery",
                                "createNamedQuery",
                                "find",
                                "persist",
                                "merge",
                                "remove",
                                "getReference")
                        .contains(name);
            case "java.sql.Connection" ->
                Set.of("prepareStatement", "createStatement", "prepareCall").contains(name);
            default -> false;
        };
    }

    static boolean isStore(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.getSimpleName().endsWith("Store");
    }

    static boolean isStoreOrEntity(JavaClass c, String base) {
        return c.getPackageName().startsWith(base + ".") && (isStore(c) || c.isAnnotatedWith(Entity.class));
    }

    /** The package just below {@code base} that a class lives in ("voice" for {@code jp.keitai.sns.voice.web}). */
    static String topLevel(JavaClass c, String base) {
        String rest = c.getPackageName().substring(Math.min(c.getPackageName().length(), base.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}

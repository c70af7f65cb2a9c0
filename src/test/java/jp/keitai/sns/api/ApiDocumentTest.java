package jp.keitai.sns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /api/v1} resource method is documented: its class is one {@link ApiDocument} reads, and the method has
 * an {@code @Operation} and at least one {@code @APIResponse}. (ApiIT checks the served document.)
 */
class ApiDocumentTest {

    @Test
    void everyApiResourceMethodIsDocumented() {
        List<String> problems = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        for (JavaClass jc : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.keitai.sns")) {
            Class<?> c = jc.reflect();
            Path path = c.getAnnotation(Path.class);
            if (path == null || !path.value().replaceFirst("^/", "").startsWith("api/")) {
                continue;
            }
            if (!ApiDocument.RESOURCES.contains(c)) {
                problems.add(c.getName() + " is not in ApiDocument.RESOURCES");
            }
            if (!c.isAnnotationPresent(ApiAccess.class)) {
                problems.add(c.getName() + " has no @ApiAccess (no token check)");
            }
            for (Method m : c.getDeclaredMethods()) {
                if (ApiDocument.verb(m) == null) {
                    continue;
                }
                operations.add(ApiDocument.verb(m) + " " + ApiDocument.path(c, m));
                if (!m.isAnnotationPresent(Operation.class)) {
                    problems.add(c.getSimpleName() + "." + m.getName() + " has no @Operation");
                }
                if (m.getAnnotationsByType(APIResponse.class).length == 0) {
                    problems.add(c.getSimpleName() + "." + m.getName() + " has no @APIResponse");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(operations.size() >= 20, operations.toString());
        assertTrue(operations.contains("get /api/v1/diaries/{id}"), operations.toString());

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths =
                (Map<String, Map<String, Object>>) ApiDocument.build().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((p, item) -> item.keySet().forEach(verb -> documented.add(verb + " " + p)));
        assertEquals(operations, documented);

        // joining answers 200 (a member at once) or 202 (asked; the administrator decides), both as Membership
        @SuppressWarnings("unchecked")
        Map<String, Object> join =
                (Map<String, Object>) paths.get("/api/v1/communities/{id}/join").get("post");
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) join.get("responses");
        assertTrue(responses.keySet().containsAll(Set.of("200", "202", "403", "404", "422")), responses.toString());
        assertTrue(responses.get("202").toString().contains("#/components/schemas/Membership"), responses.toString());
        assertTrue(
                paths.get("/api/v1/communities/{id}/leave").containsKey("post"),
                paths.keySet().toString());
    }

    @Test
    void pathTemplatesLoseTheirExpressions() throws Exception {
        Method show = ApiDiaryResource.class.getMethod("show", long.class);
        assertEquals("/api/v1/diaries/{id}", ApiDocument.path(ApiDiaryResource.class, show));
        Method list = ApiVoiceResource.class.getMethod("list", String.class);
        assertEquals("/api/v1/voices", ApiDocument.path(ApiVoiceResource.class, list));
        assertFalse(ApiDocument.path(ApiDiaryResource.class, show).contains("\\"));
    }
}

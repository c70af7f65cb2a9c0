package jp.keitai.sns.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.keitai.sns.web.Problem;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI 3.0 document of {@code /api/v1}, read from the resources' MicroProfile OpenAPI annotations ({@code
 * @Operation}, {@code @APIResponse}, {@code @RequestBody}, {@code @Tag}, {@code @SecurityRequirement}, and {@link
 * ApiDefinition}'s {@code @OpenAPIDefinition}) and their JAX-RS annotations; schemas from the records they name.
 *
 * <p>Served by the application itself ({@link ApiDocResource}). Payara Micro's own {@code /openapi} servlet (registered
 * inside the application) never sees the path, which the JAX-RS filter on {@code /*} takes first; and let through
 * (tried on 6.2025.10), its document builder fails with a NullPointerException in {@code
 * ApplicationProcessor.addSchemaParameter} on the application's Bean Validation {@code @NotEmpty} form constraints.
 */
final class ApiDocument {

    /** Every {@code /api/v1} resource; {@code ApiDocumentTest} fails when one is missing here. */
    static final List<Class<?>> RESOURCES = List.of(
            ApiMeResource.class,
            ApiVoiceResource.class,
            ApiDiaryResource.class,
            ApiFriendResource.class,
            ApiFootprintResource.class,
            ApiCommunityResource.class,
            ApiMessageResource.class);

    private static final String REF = "#/components/schemas/";

    private final Map<String, Object> schemas = new java.util.TreeMap<>();

    private ApiDocument() {}

    static Map<String, Object> build() {
        return new ApiDocument().document();
    }

    private Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        OpenAPIDefinition def = ApiDefinition.class.getAnnotation(OpenAPIDefinition.class);
        doc.put(
                "info",
                ordered(
                        "title",
                        def.info().title(),
                        "version",
                        def.info().version(),
                        "description",
                        def.info().description()));
        doc.put("servers", List.of(Map.of("url", "/")));
        List<Map<String, Object>> tags = new ArrayList<>();
        Map<String, Map<String, Object>> paths = new java.util.TreeMap<>();
        for (Class<?> resource : RESOURCES) {
            Tag tag = resource.getAnnotation(Tag.class);
            tags.add(ordered("name", tag.name(), "description", tag.description()));
            List<Method> methods = new ArrayList<>(Arrays.asList(resource.getDeclaredMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                String path = path(resource, m);
                paths.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(verb, operation(resource, tag, m));
            }
        }
        doc.put("tags", tags);
        doc.put("paths", paths);
        schema(Problem.class);
        SecurityScheme scheme = ApiDefinition.class.getAnnotation(SecurityScheme.class);
        doc.put(
                "components",
                ordered(
                        "schemas",
                        schemas,
                        "securitySchemes",
                        Map.of(
                                scheme.securitySchemeName(),
                                ordered(
                                        "type",
                                        scheme.type().toString(),
                                        "scheme",
                                        scheme.scheme(),
                                        "description",
                                        scheme.description()))));
        return doc;
    }

    static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        } else if (m.isAnnotationPresent(POST.class)) {
            return "post";
        } else if (m.isAnnotationPresent(PUT.class)) {
            return "put";
        } else if (m.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        return null;
    }

    /** The path template: class and method {@code @Path} joined, regular expressions dropped ({@code {id}}). */
    static String path(Class<?> resource, Method m) {
        String p = resource.getAnnotation(Path.class).value();
        Path own = m.getAnnotation(Path.class);
        if (own != null) {
            p = p + "/" + own.value();
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : ("/" + p).replaceAll("/+", "/").toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                skipping = true;
            }
            if (!skipping) {
                out.append(depth == 1 && c == ' ' ? "" : String.valueOf(c));
            }
        }
        String s = out.toString();
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private Map<String, Object> operation(Class<?> resource, Tag tag, Method m) {
        Operation op = m.getAnnotation(Operation.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tags", List.of(tag.name()));
        out.put("operationId", tag.name().replace('-', '_') + "_" + m.getName());
        if (op != null) {
            out.put("summary", op.summary());
            if (!op.description().isEmpty()) {
                out.put("description", op.description());
            }
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(PathParam.class)) {
                parameters.add(ordered(
                        "name",
                        p.getAnnotation(PathParam.class).value(),
                        "in",
                        "path",
                        "required",
                        true,
                        "schema",
                        schemaOf(p.getParameterizedType())));
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                parameters.add(ordered(
                        "name",
                        p.getAnnotation(QueryParam.class).value(),
                        "in",
                        "query",
                        "required",
                        false,
                        "schema",
                        schemaOf(p.getParameterizedType())));
            }
        }
        if (!parameters.isEmpty()) {
            out.put("parameters", parameters);
        }
        RequestBody body = m.getAnnotation(RequestBody.class);
        if (body != null) {
            out.put("requestBody", ordered("required", body.required(), "content", content(body.content())));
        }
        Map<String, Object> responses = new java.util.TreeMap<>();
        for (APIResponse r : m.getAnnotationsByType(APIResponse.class)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("description", r.description());
            if (r.content().length > 0) {
                one.put("content", content(r.content()));
            }
            responses.put(r.responseCode(), one);
        }
        if (resource.isAnnotationPresent(ApiAccess.class)) {
            // the door's answers (ApiAuthFilter), the same for every operation
            responses.putIfAbsent("401", problem("アクセストークンがないか無効"));
            responses.putIfAbsent("429", problem("リクエストが多すぎる（Retry-After 秒待つ）"));
            if (!"get".equals(verb(m))) {
                responses.putIfAbsent("403", problem("read のトークン"));
            }
        }
        out.put("responses", responses);
        SecurityRequirement security = resource.getAnnotation(SecurityRequirement.class);
        if (security != null) {
            out.put("security", List.of(Map.of(security.name(), List.of())));
        }
        return out;
    }

    private Map<String, Object> problem(String description) {
        return ordered(
                "description",
                description,
                "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", REF + schema(Problem.class)))));
    }

    private Map<String, Object> content(Content[] contents) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Content c : contents) {
            Class<?> type = c.schema().implementation();
            if (type == Void.class && Problem.MEDIA_TYPE.equals(c.mediaType())) {
                type = Problem.class;
            }
            out.put(
                    c.mediaType(),
                    type == Void.class ? Map.of() : Map.of("schema", Map.of("$ref", REF + schema(type))));
        }
        return out;
    }

    /** Registers a record's schema (and those of the records it holds); returns its name. */
    private String schema(Class<?> type) {
        String name = type.getSimpleName();
        if (schemas.containsKey(name)) {
            return name;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        schemas.put(name, s); // before the components: a record may hold itself (replies)
        s.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            JsonbProperty renamed = rc.getAccessor().getAnnotation(JsonbProperty.class);
            String property = renamed != null ? renamed.value() : rc.getName();
            properties.put(property, schemaOf(rc.getGenericType()));
            if (rc.getType().isPrimitive()) {
                required.add(property);
            }
        }
        s.put("properties", properties);
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        return name;
    }

    private Map<String, Object> schemaOf(Type t) {
        if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            return ordered("type", "array", "items", schemaOf(pt.getActualTypeArguments()[0]));
        }
        if (t instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            return Map.of("type", "object");
        }
        Class<?> c = (Class<?>) t;
        if (c == long.class || c == Long.class) {
            return nullable(ordered("type", "integer", "format", "int64"), c);
        } else if (c == int.class || c == Integer.class) {
            return nullable(ordered("type", "integer", "format", "int32"), c);
        } else if (c == boolean.class || c == Boolean.class) {
            return nullable(ordered("type", "boolean"), c);
        } else if (c == String.class) {
            return ordered("type", "string");
        } else if (c == Instant.class) {
            return ordered("type", "string", "format", "date-time");
        } else if (c.isRecord()) {
            return Map.of("$ref", REF + schema(c));
        }
        throw new IllegalArgumentException("no schema for " + c.getName().toLowerCase(Locale.ROOT));
    }

    private static Map<String, Object> nullable(Map<String, Object> s, Class<?> c) {
        if (!c.isPrimitive()) {
            s.put("nullable", true);
        }
        return s;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}

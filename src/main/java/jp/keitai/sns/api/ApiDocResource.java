package jp.keitai.sns.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jp.keitai.sns.web.Public;

/**
 * {@code GET /openapi}: the OpenAPI document of the JSON API ({@link ApiDocument}), JSON, for anyone (it says what the
 * API does, nothing about members). Built once.
 */
@Public
@ApplicationScoped
@Path("openapi")
public class ApiDocResource {

    private volatile String json;

    @GET
    @Produces({"application/json", "application/vnd.oai.openapi+json"})
    public Response document() {
        String doc = json;
        if (doc == null) {
            try (Jsonb jsonb = JsonbBuilder.create()) {
                doc = jsonb.toJson(ApiDocument.build());
            } catch (Exception e) {
                throw new IllegalStateException("OpenAPI document", e);
            }
            json = doc;
        }
        return Response.ok(doc, "application/json;charset=UTF-8").build();
    }
}

package jp.keitai.sns.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.keitai.sns.system.Database;

/** Readiness: answers 200 only when the database answers. */
@RequestScoped
@Public
@Path("health")
public class HealthResource {

    @Inject
    Database database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean db = database.isUp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db ? "UP" : "DOWN");
        body.put("checks", Map.of("database", db ? "UP" : "DOWN"));
        body.put("database", database.isPostgresql() ? "postgresql" : "h2");
        return Response.status(db ? 200 : 503).entity(body).build();
    }
}

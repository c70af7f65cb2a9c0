package jp.keitai.sns.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Problem;
import jp.keitai.sns.web.Refused;

/** What every API resource shares: reading a JSON body, and the services' refusals as problem documents. */
final class Api {

    static final String JSON = "application/json";
    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final int PAGE_SIZE = 20;

    private static final Jsonb JSONB = JsonbBuilder.create();

    private Api() {}

    /** Runs a service call: {@link Refused} becomes 422, {@link NotFound} 404, each with the service's Japanese text. */
    static <T> T call(String path, Supplier<T> work) {
        try {
            return work.get();
        } catch (Refused e) {
            throw refused(path, e.getMessage());
        } catch (NotFound e) {
            throw notFound(path);
        }
    }

    /** 201 with {@code Location}: something made, read at {@code location}. */
    static Response created(String location, Object entity) {
        return Response.created(URI.create(location)).entity(entity).build();
    }

    /** 201 for a new item {@code id} of {@code collection}, read at {@code collection/id}. */
    static Response created(String collection, long id) {
        String location = collection + "/" + id;
        return created(location, new ApiViews.Created(id, location));
    }

    static WebApplicationException refused(String path, String japanese) {
        return new WebApplicationException(Problem.of(
                        422,
                        "refused",
                        "受け付けられませんでした",
                        "Refused",
                        japanese,
                        "The service refused the request; detail says why (in Japanese).",
                        path)
                .response()
                .build());
    }

    static WebApplicationException notFound(String path) {
        return new WebApplicationException(
                Problem.forStatus(404, path).response().build());
    }

    /** A JSON body as a record; 400 when it is missing or not that JSON. */
    static <T> T body(String path, String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw badRequest(path, "本文（JSON）がありません。", "The JSON body is missing.");
        }
        try {
            T value = JSONB.fromJson(json, type);
            if (value == null) {
                throw badRequest(path, "本文（JSON）がありません。", "The JSON body is missing.");
            }
            return value;
        } catch (JsonbException e) {
            throw badRequest(path, "本文をJSONとして読めませんでした。", "The body is not valid JSON for this request.");
        }
    }

    static WebApplicationException badRequest(String path, String japanese, String english) {
        return new WebApplicationException(
                Problem.of(400, "bad-request", "リクエストが正しくありません", "Bad request", japanese, english, path)
                        .response()
                        .build());
    }

    /** A page number from the query: 1 when absent, 400 when not a number from 1 to 10000. */
    static int page(String path, String text) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 10_000) {
            throw badRequest(path, "page は1〜10000の数です。", "page is a number from 1 to 10000.");
        }
        return Integer.parseInt(text);
    }
}

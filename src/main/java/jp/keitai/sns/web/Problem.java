package jp.keitai.sns.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * An error of the JSON API ({@code /api/v1}) as an RFC 9457 problem document, {@code application/problem+json}: {@code
 * title} and {@code detail} in Japanese, as the pages say it, and {@code title_en} and {@code detail_en} in English for
 * developers; {@code type} names the kind of problem ({@code urn:keitai-sns:problem:<code>}), {@code instance} the
 * request path.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "title_en", "detail_en"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonbProperty("title_en") String titleEn,
        @JsonbProperty("detail_en") String detailEn) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:keitai-sns:problem:";

    private static final Jsonb JSON = JsonbBuilder.create();

    public static Problem of(
            int status, String code, String title, String titleEn, String detail, String detailEn, String path) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, path, titleEn, detailEn);
    }

    public String json() {
        return JSON.toJson(this);
    }

    /** The answer: this document with its status and type ({@code charset=UTF-8}). */
    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE + ";charset=UTF-8").entity(json());
    }

    /** Whether a request path (without the context) belongs to the JSON API. */
    public static boolean isApiPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("api") || p.startsWith("api/");
    }

    /** The problem of an HTTP status the container or JAX-RS answers by itself (unknown path, wrong method, …). */
    public static Problem forStatus(int status, String path) {
        return switch (status) {
            case 400 ->
                of(
                        400,
                        "bad-request",
                        "リクエストが正しくありません",
                        "Bad request",
                        "送られた内容を読めませんでした。",
                        "The request could not be read.",
                        path);
            case 401 ->
                of(
                        401,
                        "unauthorized",
                        "認証が必要です",
                        "Authentication required",
                        "Authorization: Bearer でアクセストークンを送ってください。",
                        "Send a personal access token as Authorization: Bearer.",
                        path);
            case 403 ->
                of(
                        403,
                        "forbidden",
                        "許可されていません",
                        "Forbidden",
                        "この操作は許可されていません。",
                        "This operation is not allowed.",
                        path);
            case 404 ->
                of(
                        404,
                        "not-found",
                        "見つかりません",
                        "Not found",
                        "指定されたものは見つからないか、見る権限がありません。",
                        "Nothing is there, or you may not see it.",
                        path);
            case 405 ->
                of(
                        405,
                        "method-not-allowed",
                        "このメソッドは使えません",
                        "Method not allowed",
                        "このURLはこのHTTPメソッドを受け付けません。",
                        "This URL does not accept this HTTP method.",
                        path);
            case 406 ->
                of(
                        406,
                        "not-acceptable",
                        "この形式では返せません",
                        "Not acceptable",
                        "application/json で受け取ってください。",
                        "Accept application/json.",
                        path);
            case 415 ->
                of(
                        415,
                        "unsupported-media-type",
                        "この形式は受け付けません",
                        "Unsupported media type",
                        "本文は application/json で送ってください。",
                        "Send the body as application/json.",
                        path);
            default ->
                status >= 500
                        ? of(
                                status,
                                "server-error",
                                "サーバーでエラーが起きました",
                                "Server error",
                                "しばらくしてからもう一度お試しください。",
                                "Please try again later.",
                                path)
                        : of(
                                status,
                                "error",
                                "リクエストを処理できませんでした",
                                "Request failed",
                                "リクエストを処理できませんでした。",
                                "The request could not be handled.",
                                path);
        };
    }
}

package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jp.keitai.sns.message.MessageBoxService;
import jp.keitai.sns.message.MessageService;
import jp.keitai.sns.web.CsrfExempt;
import jp.keitai.sns.web.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/messages}: inbox and sent box, one message, sending and replying ({@link MessageBoxService}, {@link MessageService}). */
@ApiAccess
@Public
@CsrfExempt
@RequestScoped
@Path("api/v1/messages")
@Produces(Api.JSON)
@Tag(name = "messages", description = "メッセージ")
@SecurityRequirement(name = "bearer")
public class ApiMessageResource {

    @Inject
    ApiCaller caller;

    @Inject
    MessageService messages;

    @Inject
    MessageBoxService boxes;

    @GET
    @Operation(summary = "受信箱・送信箱", description = "box=inbox（既定）または sent、新しい順、20件ずつ。")
    @APIResponse(
            responseCode = "200",
            description = "メッセージ",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Messages.class)))
    @APIResponse(responseCode = "400", description = "box か page が正しくない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Messages box(@QueryParam("box") String box, @QueryParam("page") String page) {
        if (box != null && !box.equals("inbox") && !box.equals("sent")) {
            throw caller.badRequest("box は inbox か sent です。", "box is inbox or sent.");
        }
        int p = caller.page(page);
        MessageBoxService.Page found = caller.call(me -> boxes.box(me, "sent".equals(box), p, Api.PAGE_SIZE));
        return new ApiViews.Messages(found.box(), view(found.items()), found.page(), found.hasNext());
    }

    @GET
    @Path("{id: \\d{1,18}}")
    @Operation(summary = "メッセージを読む", description = "自分が受け取ったか送ったもの。受け取ったものは既読になります。")
    @APIResponse(
            responseCode = "200",
            description = "メッセージ",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Message.class)))
    @APIResponse(responseCode = "404", description = "ないか自分のものでない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Message show(@PathParam("id") long id) {
        MessageBoxService.Item m = caller.found(me -> boxes.open(me, id));
        return view(List.of(m)).get(0);
    }

    @POST
    @Consumes(Api.JSON)
    @Operation(summary = "メッセージを送る・返信する", description = "to に送る（相手の受け取る設定とブロックに従います）。replyTo を付けると受け取ったメッセージへの返信。")
    @RequestBody(
            required = true,
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.MessagePost.class)))
    @APIResponse(
            responseCode = "201",
            description = "送りました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Created.class)))
    @APIResponse(responseCode = "400", description = "JSONが読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "送れない", content = @Content(mediaType = Api.PROBLEM))
    public Response send(String json) {
        ApiViews.MessagePost in = caller.body(json, ApiViews.MessagePost.class);
        if (in.to() == null && in.replyTo() == null) {
            throw caller.badRequest("to か replyTo が必要です。", "to or replyTo is required.");
        }
        long id = caller.call(me -> messages.send(me, in.to(), in.title(), in.body(), List.of(), in.replyTo(), null));
        return Api.created("/api/v1/messages", id);
    }

    private static List<ApiViews.Message> view(List<MessageBoxService.Item> items) {
        return items.stream()
                .map(m -> new ApiViews.Message(
                        m.id(),
                        new ApiViews.MemberRef(m.otherId(), m.otherName()),
                        m.title(),
                        m.body(),
                        m.time(),
                        m.unread(),
                        m.sent()))
                .toList();
    }
}

package jp.keitai.sns.live;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;

/**
 * Live updates for the signed-in member (the normal session cookie): {@code GET /live/stream}, server-sent events
 * (each event's id is the {@code live_event} id, its data a small JSON object, {@link LiveItem#json}); {@code GET
 * /live/events?since=N}, the same as JSON for pages that poll. The PC and smartphone home page's {@code
 * /static/live.js} uses the first and falls back to the second.
 */
@Path("live")
@RequestScoped
@MembersOnly
public class LiveResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    LiveHub hub;

    /**
     * Opens the stream: what was missed after {@code Last-Event-ID} (or {@code ?since=}, the id the page was drawn
     * at) first, then new events. Returns at once; the stream waits in {@link LiveHub} without a request thread.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @Context SseEventSink sink,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("since") String since) {
        Long after = id(lastEventId);
        if (after == null) {
            after = id(since);
        }
        hub.connect(currentMember.memberId(), sink, sse, after);
    }

    /** {@code {"last": id to ask from next, "poll": seconds, "items": [...]}}: what came after {@code since}. */
    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public Response events(@QueryParam("since") String since) {
        Long after = id(since);
        LiveHub.Missed m = after == null
                ? new LiveHub.Missed(hub.latestId(), java.util.List.of())
                : hub.missed(currentMember.memberId(), after);
        StringBuilder json = new StringBuilder("{\"last\":")
                .append(m.last())
                .append(",\"poll\":")
                .append(hub.pollSeconds())
                .append(",\"items\":[");
        for (int i = 0; i < m.items().size(); i++) {
            json.append(i == 0 ? "" : ",").append(m.items().get(i).json());
        }
        json.append("]}");
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Long id(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(s.trim());
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

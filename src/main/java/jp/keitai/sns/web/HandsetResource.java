package jp.keitai.sns.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.keitai.sns.carrier.Handset;

/**
 * {@code GET /edge/handset}: what the edge made of the asking handset (端末情報), as JSON, for members' support and
 * operators checking a new handset or gateway range. Says whether a subscriber ID was accepted, never what it is.
 */
@RequestScoped
@Public
@Path("edge/handset")
public class HandsetResource {

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> handset() {
        Handset h = Handset.of(request);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("carrier", h.getCarrier());
        m.put("family", h.getFamily().suffix());
        m.put("generation", h.getGeneration());
        m.put("model", h.getModel());
        m.put("cacheKb", h.getCacheKb());
        m.put("pageBudget", h.getPageBudget());
        m.put("charset", h.getCharsetLabel());
        m.put("contentType", h.getContentType());
        m.put("cookies", h.isCookies());
        m.put("urlSession", h.isUrlSession());
        m.put("clientIp", h.getClientIp());
        m.put("verified", h.isVerified());
        m.put("secure", h.isSecure());
        m.put("subscriberIdAccepted", h.verifiedSubscriberId().isPresent());
        return m;
    }
}

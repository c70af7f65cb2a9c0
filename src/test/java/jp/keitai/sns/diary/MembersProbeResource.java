package jp.keitai.sns.diary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Stands in for the profile's {@code @Path("members")} root resource while it is not on this branch, so DiaryIT can
 * show that {@code /members/{id}/diary} still reaches {@link MemberDiaryResource} beside it. Added to the test
 * deployment only when the real one is absent.
 */
@RequestScoped
@Path("members")
public class MembersProbeResource {

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String profile(@PathParam("id") long id) {
        return "profile-probe " + id;
    }
}

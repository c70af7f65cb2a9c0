package jp.keitai.sns.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/** Sends a guest who asks for a {@link MembersOnly} resource to the top page, where the login form is. */
@Provider
@jakarta.enterprise.context.ApplicationScoped
@MembersOnly
@Priority(Priorities.AUTHENTICATION)
public class MembersOnlyFilter implements ContainerRequestFilter {

    @Inject
    CurrentMember currentMember;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!currentMember.isSignedIn()) {
            request.abortWith(Response.seeOther(URI.create("/")).build());
        }
    }
}

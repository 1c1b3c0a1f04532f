package io.fleetdashboard.live.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.live.control.LiveUpdates;
import io.fleetdashboard.live.entity.LiveChange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Server-sent events telling pages that what they show has changed (see LiveUpdates). */
@Path("v1/live")
@RequestScoped
public class LiveResource {

    @Inject
    LiveUpdates updates;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live updates as server-sent events: an event named insights (a monitoring round ended), "
            + "remediation (an action was suggested, decided, executed or expired) or alerts (a delivery was "
            + "recorded), with the time as data, for the topics asked (topics=insights,remediation,alerts; default "
            + "all); a comment every 25 s. The stream ends with the session. 429 when too many are open")
    public void live(@QueryParam("topics") String topics, @Context SseEventSink events, @Context Sse sse) {
        Set<LiveChange.Topic> wanted = topics(topics);
        try {
            updates.listen(events, sse, wanted, user.sessionAlive());
        } catch (LiveUpdates.FullException e) {
            throw new WebApplicationException(ApiError.response(Response.Status.TOO_MANY_REQUESTS, "too_many",
                    e.getMessage()));
        }
    }

    static Set<LiveChange.Topic> topics(String topics) {
        if (QueryParams.absent(topics)) {
            return EnumSet.allOf(LiveChange.Topic.class);
        }
        Set<LiveChange.Topic> wanted = EnumSet.noneOf(LiveChange.Topic.class);
        for (String word : topics.split(",", -1)) {
            try {
                wanted.add(LiveChange.Topic.valueOf(word.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("topics must list some of: insights, remediation, alerts "
                        + "(separated by commas).");
            }
        }
        return wanted;
    }
}

package io.fleetdashboard.logs.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.logs.control.LogFollows;
import io.fleetdashboard.logs.control.LogSources;
import io.fleetdashboard.logs.control.LogText;
import io.fleetdashboard.logs.entity.LogLine;
import io.fleetdashboard.logs.entity.LogRequest;
import io.fleetdashboard.logs.entity.LogTarget;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Live follow of one container's logs as server-sent events (operators): event "line" per new log line (the same
 * text as the logs route), a comment as heartbeat when there is nothing new, and event "end" with the reason when
 * the follow stops (idle, maximum duration, session ended, Docker failed). Nothing is held between polls.
 */
@Path("v1/containers/{key}/logs/follow")
@RequestScoped
public class LogFollowResource {

    static final long SEND_SECONDS = 5;

    @Inject
    LogSources sources;

    @Inject
    LogFollows follows;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a container's logs (server-sent events): new lines after since (default now), at "
            + "most tail (default 0, up to 10000) at first; the stream parameter and timestamps as for the logs route. Per user and in total "
            + "only a few follows may be open (429); a follow ends after LOGS_FOLLOW_IDLE_SECONDS without a line, "
            + "after LOGS_FOLLOW_MAX_MINUTES, when the browser goes away or the session ends")
    public void follow(@PathParam("key") String key, @QueryParam("tail") String tail,
                       @QueryParam("since") String since, @QueryParam("timestamps") String timestamps,
                       @QueryParam("stream") String stream,
                       @Context SseEventSink events, @Context Sse sse) {
        ContainerKey parsed = LogParams.key(key);
        user.requireIn(parsed.environment(), Role.OPERATOR);
        LogRequest request = LogParams.followRequest(tail, since, timestamps, stream, Instant.now());
        LogTarget target = sources.resolve(parsed);
        follows.start(target, request, user.getName(), sink(events, sse, request.timestamps()),
                user.sessionAlive());
    }

    private static LogFollows.Sink sink(SseEventSink events, Sse sse, boolean timestamps) {
        return new LogFollows.Sink() {
            @Override
            public boolean line(LogLine line) {
                return send(sse.newEventBuilder().name("line").data(LogText.format(line, timestamps)).build());
            }

            @Override
            public boolean heartbeat() {
                return send(sse.newEventBuilder().comment("alive").build());
            }

            @Override
            public void end(String reason) {
                if (!events.isClosed()) {
                    send(sse.newEventBuilder().name("end").data(reason).build());
                    events.close();
                }
            }

            private boolean send(jakarta.ws.rs.sse.OutboundSseEvent event) {
                if (events.isClosed()) {
                    return false;
                }
                try {
                    events.send(event).toCompletableFuture().get(SEND_SECONDS, TimeUnit.SECONDS);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    events.close();
                    return false;
                }
            }
        };
    }
}

package io.fleetdashboard.alerts.boundary;

import io.fleetdashboard.alerts.control.AlertChannels;
import io.fleetdashboard.alerts.control.AlertInputs;
import io.fleetdashboard.alerts.control.Alerting;
import io.fleetdashboard.alerts.entity.AlertDelivery;
import io.fleetdashboard.alerts.entity.AlertRefusedException;
import io.fleetdashboard.alerts.entity.ChannelSettings;
import io.fleetdashboard.alerts.entity.DeliveryEvent;
import io.fleetdashboard.alerts.entity.DeliveryFilter;
import io.fleetdashboard.alerts.entity.DeliveryStatus;
import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Alerts: channels (admins; the URL or SMTP password is write-only), the delivery record (everyone), acknowledgements
 * (operators) and maintenance windows (admins). Roles are in AccessPolicy; the resource checks them again.
 */
@Path("v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class AlertsResource {

    static final int TEST_WAIT_SECONDS = 8;

    @Inject
    AlertChannels channels;

    @Inject
    Alerting alerting;

    @Inject
    CurrentUser user;

    Clock clock = Clock.systemUTC();

    @GET
    @Path("status")
    @Operation(summary = "Whether alerts go out, the attempts per delivery, the channel counts and the maintenance "
            + "window in effect")
    public AlertJson.Status status() {
        var all = channels.list();
        Instant now = clock.instant();
        return new AlertJson.Status(alerting.enabled(), alerting.maxAttempts(), all.size(),
                (int) all.stream().filter(c -> c.isEnabled()).count(),
                alerting.activeWindow().map(w -> AlertJson.Window.of(w, now)).orElse(null));
    }

    @GET
    @Path("channels")
    @Operation(summary = "Alert channels (admins); secrets are never returned, only whether one is set")
    public List<AlertJson.Channel> list() {
        user.require(Role.ADMIN);
        return channels.list().stream().map(AlertJson.Channel::of).toList();
    }

    @GET
    @Path("channels/{id}")
    @Operation(summary = "One alert channel (admins)")
    public AlertJson.Channel one(@PathParam("id") String id) {
        user.require(Role.ADMIN);
        return AlertJson.Channel.of(channels.find(id(id)));
    }

    @POST
    @Path("channels")
    @Operation(summary = "Creates a channel (admins): {name, kind webhook|slack|teams|discord|email, enabled, "
            + "minSeverity critical|warning|info, categories [], kinds [], renotifySeconds, notifyResolved, url "
            + "(webhooks), smtp {host, port, username, password, starttls}, from, to [] (email)}")
    public Response create(String body) {
        user.require(Role.ADMIN);
        ChannelSettings settings = settings(body, true);
        return Response.status(201).entity(AlertJson.Channel.of(channels.create(settings, user.getName(),
                user.getRoleName()))).build();
    }

    @PUT
    @Path("channels/{id}")
    @Operation(summary = "Replaces a channel's settings (admins); without url / smtp.password the stored secret stays")
    public AlertJson.Channel update(@PathParam("id") String id, String body) {
        user.require(Role.ADMIN);
        long key = id(id);
        return AlertJson.Channel.of(channels.update(key, settings(body, false), user.getName(), user.getRoleName()));
    }

    @DELETE
    @Path("channels/{id}")
    @Operation(summary = "Deletes a channel (admins); its delivery record stays")
    public Response delete(@PathParam("id") String id) {
        user.require(Role.ADMIN);
        channels.delete(id(id), user.getName(), user.getRoleName());
        return Response.noContent().build();
    }

    @POST
    @Path("channels/{id}/test")
    @Operation(summary = "Sends the channel a test message (admins): 200 with the first attempt's record, or 202 "
            + "when it has not finished within 8 s (see the deliveries)")
    public Response test(@PathParam("id") String id) {
        user.require(Role.ADMIN);
        var first = alerting.test(id(id), user.getName(), user.getRoleName());
        try {
            AlertDelivery d = first.get(TEST_WAIT_SECONDS, TimeUnit.SECONDS);
            return d == null ? Response.accepted(Map.of("message", "Queued; see the deliveries.")).build()
                    : Response.ok(AlertJson.Delivery.of(d)).build();
        } catch (TimeoutException e) {
            return Response.accepted(Map.of("message", "Still sending after " + TEST_WAIT_SECONDS
                    + " s; see the deliveries.")).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.accepted(Map.of("message", "Queued; see the deliveries.")).build();
        } catch (ExecutionException e) {
            return Response.accepted(Map.of("message", "Queued; see the deliveries.")).build();
        }
    }

    @GET
    @Path("deliveries")
    @Operation(summary = "Delivery attempts, newest first; channel (id), status sent|failed|suppressed, event "
            + "firing|repeat|resolved|test, insight (id); limit 1-1000, offset")
    public AlertJson.Deliveries deliveries(@QueryParam("channel") String channel, @QueryParam("status") String status,
                                           @QueryParam("event") String event, @QueryParam("insight") String insight,
                                           @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Long channelId = QueryParams.absent(channel) ? null
                : QueryParams.longParam("channel", channel, 0, 1, Long.MAX_VALUE);
        Long insightId = QueryParams.absent(insight) ? null
                : QueryParams.longParam("insight", insight, 0, 1, Long.MAX_VALUE);
        DeliveryFilter filter = new DeliveryFilter(channelId,
                QueryParams.enumParam("status", status, DeliveryStatus.class, null),
                QueryParams.enumParam("event", event, DeliveryEvent.class, null), insightId);
        int size = QueryParams.intParam("limit", limit, 100, 1, 1000);
        int skip = QueryParams.intParam("offset", offset, 0, 0, 1_000_000);
        return new AlertJson.Deliveries(alerting.count(filter), skip, size,
                alerting.deliveries(filter, skip, size).stream().map(AlertJson.Delivery::of).toList());
    }

    @GET
    @Path("acks")
    @Operation(summary = "Acknowledged insights (no re-notification while they stay open)")
    public List<AlertJson.Ack> acks() {
        return alerting.acks().stream().map(AlertJson.Ack::of).toList();
    }

    @POST
    @Path("acks/{insight}")
    @Operation(summary = "Acknowledges an open insight (operators): no channel is sent it again; body {\"note\": "
            + "\"...\"} optional")
    public AlertJson.Ack ack(@PathParam("insight") String insight, String body) {
        long id = QueryParams.longParam("insight", insight, -1, 1, Long.MAX_VALUE);
        user.require(Role.OPERATOR);
        String note;
        try {
            note = AlertInputs.note(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return AlertJson.Ack.of(alerting.acknowledge(id, note, user.getName(), user.getRoleName()));
    }

    @DELETE
    @Path("acks/{insight}")
    @Operation(summary = "Withdraws an acknowledgement (operators): re-notifications resume")
    public Response unack(@PathParam("insight") String insight) {
        long id = QueryParams.longParam("insight", insight, -1, 1, Long.MAX_VALUE);
        user.require(Role.OPERATOR);
        alerting.unacknowledge(id, user.getName(), user.getRoleName());
        return Response.noContent().build();
    }

    @GET
    @Path("maintenance")
    @Operation(summary = "Maintenance windows, latest start first (no sends during one)")
    public List<AlertJson.Window> windows() {
        Instant now = clock.instant();
        return alerting.windows(200).stream().map(w -> AlertJson.Window.of(w, now)).toList();
    }

    @POST
    @Path("maintenance")
    @Operation(summary = "Adds a maintenance window (admins): {name, startsAt (ISO, default now), endsAt or minutes}")
    public Response addWindow(String body) {
        user.require(Role.ADMIN);
        AlertInputs.WindowInput input;
        try {
            input = AlertInputs.window(body, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.status(201).entity(AlertJson.Window.of(alerting.addWindow(input, user.getName(),
                user.getRoleName()), clock.instant())).build();
    }

    @DELETE
    @Path("maintenance/{id}")
    @Operation(summary = "Removes (ends) a maintenance window (admins)")
    public Response removeWindow(@PathParam("id") String id) {
        user.require(Role.ADMIN);
        alerting.removeWindow(id(id), user.getName(), user.getRoleName());
        return Response.noContent().build();
    }

    private static long id(String id) {
        return QueryParams.longParam("id", id, -1, 1, Long.MAX_VALUE);
    }

    private static ChannelSettings settings(String body, boolean create) {
        try {
            return AlertInputs.channel(body, create);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        } catch (AlertRefusedException e) {
            throw e;
        }
    }
}

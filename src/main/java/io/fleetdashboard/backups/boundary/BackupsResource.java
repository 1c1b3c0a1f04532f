package io.fleetdashboard.backups.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.backups.control.Backups;
import io.fleetdashboard.backups.entity.BackupPolicy;
import io.fleetdashboard.backups.entity.BackupSummary;
import io.fleetdashboard.backups.entity.PolicyChange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Backups of the Portainer servers (admins): the list with status and progress, download (streamed from the file),
 * delete, and the retention and schedule settings. Starting one: POST /api/v1/environments/{name}/backups.
 */
@Path("v1/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BackupsResource {

    @Inject
    Backups backups;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Every backup, newest first: environment, status (running, done, failed), bytes (so far "
            + "while running), passwordProtected, scheduled, who asked, message of a failure")
    public List<BackupSummary> list() {
        return backups.list();
    }

    @GET
    @Path("settings")
    @Operation(summary = "Retention (keep last N per environment) and the schedule (interval; fromVariable when "
            + "PORTAINER_BACKUP_INTERVAL sets it)")
    public BackupPolicy settings() {
        return backups.policy();
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change retention (keep 1-1000) and the interval (6h, 1d, 90m, 1w, PT6H, a number of "
            + "hours, or off; not when PORTAINER_BACKUP_INTERVAL is set)")
    public BackupPolicy changeSettings(PolicyChange change) {
        if (change == null) {
            throw new BadRequestException("A JSON body with keep and/or interval is required.");
        }
        return backups.changePolicy(change.keep(), change.interval(), user.getName(), user.getRoleName());
    }

    @GET
    @Path("{id}")
    @Produces({"application/gzip", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a complete backup's archive, streamed (application/gzip, or octet-stream when "
            + "Portainer encrypted it with a password)")
    public Response download(@PathParam("id") String id) {
        Backups.Archive archive = backups.archive(QueryParams.longParam("id", id, -1, 1, Long.MAX_VALUE));
        StreamingOutput body = out -> Files.copy(archive.file(), out);
        return Response.ok(body, archive.gzip() ? "application/gzip" : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .header("Content-Length", archive.bytes())
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a backup and its archive (not while it runs)")
    public Response delete(@PathParam("id") String id) {
        backups.delete(QueryParams.longParam("id", id, -1, 1, Long.MAX_VALUE), user.getName(), user.getRoleName());
        return Response.noContent().build();
    }
}

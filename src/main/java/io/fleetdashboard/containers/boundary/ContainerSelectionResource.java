package io.fleetdashboard.containers.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.control.ContainerActions;
import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.portainer.entity.ContainerAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One action on a table's selection of containers (operators: AccessPolicy), a result per container. */
@Path("v1/containers/actions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ContainerSelectionResource {

    /** POST body of a selection: container keys. */
    public record Selection(List<String> keys) {
    }

    /** Answer of a selection: one result per container, in the order asked. */
    public record SelectionResult(String action, int succeeded, int failed, List<ActionResult> results) {
    }

    @Inject
    ContainerActions actions;

    @Inject
    CurrentUser user;

    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same action on several containers (a table's selection, at most 100 keys): body "
            + "{\"keys\": [\"env:endpoint:id\", ...]}; 200 with one result per container (3 at a time), each audited")
    public SelectionResult actOnSelection(@PathParam("action") String action, Selection selection) {
        ContainerAction what = ContainerResource.action(action);
        if (selection == null || selection.keys() == null || selection.keys().isEmpty()) {
            throw new BadRequestException("keys must list the containers to act on.");
        }
        if (selection.keys().size() > ContainerActions.MAX_SELECTION) {
            throw new BadRequestException("keys may list at most " + ContainerActions.MAX_SELECTION + " containers.");
        }
        List<ContainerKey> keys = new ArrayList<>();
        for (String key : new LinkedHashSet<>(selection.keys())) {
            keys.add(ContainerResource.key(key));
        }
        // every container's environment, before any action: a selection is done whole or refused whole
        List<String> environments = keys.stream().map(ContainerKey::environment).distinct().toList();
        environments.forEach(e -> user.requireIn(e, Role.OPERATOR));
        List<ActionResult> results = actions.act(keys, what, user.getName(), environments.size() == 1
                ? user.getRoleNameIn(environments.get(0)) : user.getRoleName());
        int ok = (int) results.stream().filter(ActionResult::succeeded).count();
        return new SelectionResult(what.dockerName(), ok, results.size() - ok, results);
    }

}

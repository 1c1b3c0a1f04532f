package io.fleetdashboard.mcp.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.mcp.control.McpClients;
import io.fleetdashboard.mcp.entity.McpClientView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Integrations page (mcp.xhtml, admins): the MCP server's clients. Create (name and role; the token is shown in
 * this answer only), list and revoke, as GET/POST /api/v1/mcp/clients and POST /api/v1/mcp/clients/{id}/revoke do,
 * audited the same way.
 */
@Named
@RequestScoped
public class McpView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    McpClients clients;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private String name;
    private String role = "viewer";
    private String token;
    private String tokenClient;
    /**
     * One list for the whole request, refilled after a change: the table caches its data model when a row's button
     * is processed, so a new list object would not be seen in the same request's answer.
     */
    private final List<McpClientView> rows = new ArrayList<>();
    private boolean loaded;

    @PostConstruct
    void init() {
        user.require(Role.ADMIN);
    }

    public List<McpClientView> getRows() {
        if (!loaded) {
            reload();
        }
        return rows;
    }

    private void reload() {
        rows.clear();
        rows.addAll(clients.list());
        loaded = true;
    }

    public void create() {
        user.require(Role.ADMIN);
        try {
            McpClients.Created created = clients.create(name, McpClients.role(role), user.getName(), user.getRoleName());
            token = created.token();
            tokenClient = created.client().name();
            name = null;
            reload();
        } catch (BadRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    /** "Revoke" of the row whose id the button carried. */
    public void revoke(long id) {
        user.require(Role.ADMIN);
        var revoked = clients.revoke(id, user.getName(), user.getRoleName());
        faces.addMessage(null, revoked.isPresent()
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, "The token of " + revoked.get().name()
                        + " is revoked; its next request is refused.", null)
                : new FacesMessage(FacesMessage.SEVERITY_WARN, "That client no longer exists.", null));
        reload();
    }

    /** The server's address as this browser reaches it (behind a proxy: the proxy's, when it forwards Host). */
    public String getEndpoint() {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String port = (request.getScheme().equals("http") && request.getServerPort() == 80)
                || (request.getScheme().equals("https") && request.getServerPort() == 443)
                ? "" : ":" + request.getServerPort();
        return request.getScheme() + "://" + request.getServerName() + port + request.getContextPath()
                + McpServerRegistration.PATH;
    }

    /** A generic MCP client configuration with the new token (streamable HTTP, bearer header). */
    public String getConfiguration() {
        if (token == null) {
            return "";
        }
        return Json.createObjectBuilder().add("mcpServers", Json.createObjectBuilder().add("fleet-dashboard",
                Json.createObjectBuilder().add("type", "http").add("url", getEndpoint())
                        .add("headers", Json.createObjectBuilder().add("Authorization", "Bearer " + token))))
                .build().toString();
    }

    public String time(Instant at) {
        return at == null ? "never" : TIME.format(at);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getToken() {
        return token;
    }

    public String getTokenClient() {
        return tokenClient;
    }
}

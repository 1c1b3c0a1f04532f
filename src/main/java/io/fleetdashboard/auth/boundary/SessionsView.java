package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.SignedInSessions;
import io.fleetdashboard.auth.entity.LiveSession;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Sessions page (sessions.xhtml, admins): who is signed in, from where, since when, last activity and how; "End
 * session" signs that session out (its next request) and revokes the user's kept sign-ins, as POST
 * /api/v1/sessions/{id}/end does, audited the same way.
 */
@Named
@RequestScoped
public class SessionsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    SignedInSessions sessions;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private List<LiveSession> rows;
    private Instant asOf;

    @PostConstruct
    void init() {
        user.require(Role.ADMIN);
    }

    public List<LiveSession> getRows() {
        if (rows == null) {
            rows = sessions.list();
            asOf = Instant.now();
        }
        return rows;
    }

    public String getAsOf() {
        getRows();
        return TIME.format(asOf);
    }

    public boolean current(LiveSession session) {
        SignedInUser me = Sessions.user(request());
        return me != null && me.getSignInId().equals(session.id());
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** "End session" of the row whose id the button carried (parameter sessionId). */
    public void end() {
        user.require(Role.ADMIN);
        String id = faces.getExternalContext().getRequestParameterMap().get("sessionId");
        var ended = sessions.endByAdmin(id, user.getName(), user.getRoleName(), request().getRemoteAddr());
        faces.addMessage(null, ended.isPresent()
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, "The session of " + ended.get().getUsername()
                        + " is ended; its next request goes to the sign-in page.", null)
                : new FacesMessage(FacesMessage.SEVERITY_WARN, "That session was no longer signed in.", null));
        rows = null;
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }
}

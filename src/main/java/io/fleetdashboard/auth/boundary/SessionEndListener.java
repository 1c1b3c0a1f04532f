package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.SignedInSessions;
import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** A session the container ends (timeout, invalidation) leaves the list of signed-in sessions. */
@WebListener
public class SessionEndListener implements HttpSessionListener {

    @Inject
    SignedInSessions sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        try {
            if (event.getSession().getAttribute(Sessions.USER) instanceof SignedInUser user) {
                sessions.gone(user);
            }
        } catch (IllegalStateException e) {
            // Already invalidated: its sign-in was removed where it was ended.
        }
    }
}

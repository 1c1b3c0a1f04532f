package io.fleetdashboard.ui;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.entity.AccessDeniedException;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place page errors are handled. An expired view sends the user to sign in (and back); a refused action
 * or a failure while handling an action becomes a growl message on the same page; a failure while rendering
 * leads to the error page. The details go to the server log with a reference the user can quote.
 */
public class FleetExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(FleetExceptionHandler.class.getName());
    public static final String FLASH_MESSAGE = "errorMessage";
    static final String ERROR_PAGE = AccessPolicy.ERROR_PAGE;

    public FleetExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            events.remove();
            if (faces.getResponseComplete()) {
                // An earlier failure of this request already decided where the user goes.
                LOG.log(Level.FINE, "Further page error after the response was decided", failure);
                continue;
            }
            try {
                handle(faces, failure);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not report a page error to the user", e);
            }
        }
        getWrapped().handle();
    }

    private void handle(FacesContext faces, Throwable failure) throws IOException {
        Throwable cause = unwrap(failure);
        ExternalContext external = faces.getExternalContext();
        String viewId = faces.getViewRoot() == null ? null : faces.getViewRoot().getViewId();
        if (cause instanceof ViewExpiredException expired) {
            String next = expired.getViewId() == null ? "/" : expired.getViewId();
            redirect(faces, AccessPolicy.SIGN_IN_PAGE + "?expired=true&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        if (cause instanceof AccessDeniedException denied) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, denied.getMessage(), null));
            return;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Page error " + reference + " on " + viewId, failure);
        String message = UserMessages.of(cause, reference);
        if (external.isResponseCommitted()) {
            return;
        }
        boolean rendering = faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        if (!rendering && faces.getViewRoot() != null) {
            // The page is still intact: show the message on it.
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            return;
        }
        if (ERROR_PAGE.equals(viewId)) {
            external.setResponseStatus(500);
            external.setResponseContentType("text/plain");
            external.getResponseOutputWriter().write(message);
            faces.responseComplete();
            return;
        }
        external.getFlash().put(FLASH_MESSAGE, message);
        redirect(faces, ERROR_PAGE);
    }

    private static void redirect(FacesContext faces, String path) throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (!external.isResponseCommitted()) {
            external.responseReset();
            external.getFlash().setRedirect(true);
            external.redirect(external.getRequestContextPath() + path);
        }
        faces.responseComplete();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof FacesException || t instanceof jakarta.el.ELException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

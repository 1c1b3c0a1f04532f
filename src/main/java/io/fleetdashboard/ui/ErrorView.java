package io.fleetdashboard.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The error page's text: the handler's readable message, or a general one for servlet errors (404, 500). */
@Named
@RequestScoped
public class ErrorView {

    @Inject
    FacesContext faces;

    public String getMessage() {
        Object message = faces.getExternalContext().getFlash().get(FleetExceptionHandler.FLASH_MESSAGE);
        if (message != null) {
            return message.toString();
        }
        Object status = faces.getExternalContext().getRequestMap().get("jakarta.servlet.error.status_code");
        if (Integer.valueOf(404).equals(status)) {
            return "This page does not exist.";
        }
        if (Integer.valueOf(403).equals(status)) {
            return "Your role does not allow this page.";
        }
        return "Something went wrong. Please try again.";
    }
}

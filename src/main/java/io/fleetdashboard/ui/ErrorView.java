package io.fleetdashboard.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The error page's text: the handler's readable message, or a general one for servlet errors (404, 500). */
@Named
@RequestScoped
public class ErrorView {

    /** What a request that tried to change a read-only resource is told (page and API alike). */
    public static final String READ_ONLY = "This address can only be read; nothing here can be changed.";

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
        if (Integer.valueOf(405).equals(status)) {
            return READ_ONLY;
        }
        if (Integer.valueOf(400).equals(status)) {
            return "The address is not valid. Please go back and try again.";
        }
        return "Something went wrong. Please try again.";
    }
}

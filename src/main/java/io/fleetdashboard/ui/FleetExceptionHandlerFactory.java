package io.fleetdashboard.ui;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Registered in faces-config.xml: every page's exceptions go through FleetExceptionHandler. */
public class FleetExceptionHandlerFactory extends ExceptionHandlerFactory {

    public FleetExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new FleetExceptionHandler(getWrapped().getExceptionHandler());
    }
}

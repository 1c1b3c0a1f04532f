package io.fleetdashboard.environments.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Imports the environments of the PORTAINER_* variables at start-up, right after the schema migrations
 * (priority PLATFORM_BEFORE + 100) and before ordinary start-up observers such as the collector.
 * Dynamic names (PORTAINER_PROD_API_URL) are read by their exact variable name from MP Config.
 */
@ApplicationScoped
public class EnvironmentImport {

    private static final Logger LOG = Logger.getLogger(EnvironmentImport.class.getName());

    @Inject
    EnvironmentStore store;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
                 @Initialized(ApplicationScoped.class) Object event) {
        Config config = ConfigProvider.getConfig();
        var configured = ConfiguredEnvironments.read(name -> config.getOptionalValue(name, String.class));
        store.importConfigured(configured);
        LOG.info(() -> "Environments from environment variables: " + configured.size());
    }
}

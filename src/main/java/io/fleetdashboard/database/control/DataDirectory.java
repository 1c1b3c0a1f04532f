package io.fleetdashboard.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the dashboard keeps its files (fleet.db, secret.key). MP Config `dashboard.data.dir` (env
 * DASHBOARD_DATA_DIR); otherwise the server variable DASHBOARD_DATA_DIR, which server.xml defaults to
 * ${server.output.dir}/data and also uses for the SQLite URL, so both always agree.
 */
@ApplicationScoped
public class DataDirectory {

    public Path path() {
        Config config = ConfigProvider.getConfig();
        String dir = config.getOptionalValue("dashboard.data.dir", String.class)
                .or(() -> config.getOptionalValue("DASHBOARD_DATA_DIR", String.class))
                .orElse("data");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** Creates the directory when missing; SQLite cannot create the parent directory of its database file. */
    public Path ensureExists() {
        Path path = path();
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + path, e);
        }
    }
}

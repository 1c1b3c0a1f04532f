package io.fleetdashboard.config.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A config source whose few properties a subclass works out once, at start-up, from what is set (aliases of the
 * original dashboard's variables, timeouts derived from PORTAINER_TIMEOUT). Its ordinal decides what it may override.
 */
public abstract class ComputedConfigSource implements ConfigSource {

    private final String name;
    private final int ordinal;
    private Map<String, String> properties = Map.of();

    protected ComputedConfigSource(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    /** Called once by the subclass's constructor. */
    protected final void provide(Map<String, String> computed) {
        properties = Map.copyOf(computed);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}

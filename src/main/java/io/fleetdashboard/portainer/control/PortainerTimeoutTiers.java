package io.fleetdashboard.portainer.control;

import io.fleetdashboard.config.control.ComputedConfigSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * {@code PORTAINER_TIMEOUT} keeps the meaning it had in the original dashboard: the longest one request to
 * Portainer may take (default 60 s). Within it the gateway uses shorter tiers: connect 5 s, Portainer's own routes
 * 15 s, Docker calls through Portainer's proxy 20 s, and a per-endpoint deadline of 30 s.
 * <ul>
 * <li>A tier set explicitly ({@code PORTAINER_LIST_TIMEOUT_SECONDS} …) is kept, but never above
 * {@code PORTAINER_TIMEOUT}.</li>
 * <li>A tier left at its default follows an explicitly set {@code PORTAINER_TIMEOUT}: lowered to it when it is
 * shorter, raised to it when it is longer (a user who allows a slow Portainer 120 s gets 120 s).</li>
 * <li>The per-endpoint deadline, unless set, is never shorter than the Docker tier.</li>
 * </ul>
 * Served as a config source just above microprofile-config.properties (ordinal 150), below environment variables
 * and system properties, so an explicitly set key always wins; the Fault Tolerance timeouts of {@link PortainerCalls}
 * are derived here too, because an MP Config expression cannot take a minimum.
 */
public class PortainerTimeoutTiers extends ComputedConfigSource {

    static final int ORDINAL = 150;
    static final int DEFAULT_REQUEST = 60;
    static final int DEFAULT_CONNECT = 5;
    static final int DEFAULT_LIST = 15;
    static final int DEFAULT_DOCKER = 20;
    static final int DEFAULT_DEADLINE = 30;
    static final String FT_LIST = PortainerCalls.class.getName() + "/list/Timeout/value";
    static final String FT_DOCKER = PortainerCalls.class.getName() + "/docker/Timeout/value";
    static final String FT_INTERACTIVE = PortainerCalls.class.getName() + "/interactive/Timeout/value";
    static final int DEFAULT_INTERACTIVE = 5;
    private static final Logger LOG = Logger.getLogger(PortainerTimeoutTiers.class.getName());

    /** The effective timeouts, whole seconds. */
    public record Tiers(int request, int connect, int list, int docker, int endpointDeadline) {
    }

    public PortainerTimeoutTiers() {
        this(name -> Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_')))));
    }

    /** @param setting an explicitly set value by MP Config key, from system properties or the environment */
    PortainerTimeoutTiers(Function<String, Optional<String>> setting) {
        super("Portainer timeout tiers under PORTAINER_TIMEOUT", ORDINAL);
        Function<String, Optional<Integer>> seconds = key -> setting.apply(key).flatMap(PortainerTimeoutTiers::seconds);
        Tiers tiers = tiers(seconds.apply("portainer.timeout"), seconds.apply("portainer.connect.timeout.seconds"),
                seconds.apply("portainer.list.timeout.seconds"), seconds.apply("portainer.docker.timeout.seconds"),
                seconds.apply("portainer.endpoint.deadline.seconds"));
        Map<String, String> found = new LinkedHashMap<>();
        found.put("portainer.connect.timeout.seconds", Integer.toString(tiers.connect()));
        found.put("portainer.list.timeout.seconds", Integer.toString(tiers.list()));
        found.put("portainer.docker.timeout.seconds", Integer.toString(tiers.docker()));
        found.put("portainer.endpoint.deadline.seconds", Integer.toString(tiers.endpointDeadline()));
        found.put(FT_LIST, tiers.list() + "000");
        found.put(FT_DOCKER, tiers.docker() + "000");
        // a user waits for these: kept short, never raised, but never above PORTAINER_TIMEOUT either
        int interactive = Math.min(seconds.apply("portainer.interactive.timeout.seconds").orElse(DEFAULT_INTERACTIVE),
                tiers.request());
        found.put("portainer.interactive.timeout.seconds", Integer.toString(interactive));
        found.put(FT_INTERACTIVE, interactive + "000");
        provide(found);
        LOG.fine(() -> "Portainer timeout tiers: " + tiers);
    }

    static Tiers tiers(Optional<Integer> request, Optional<Integer> connect, Optional<Integer> list,
                       Optional<Integer> docker, Optional<Integer> deadline) {
        int ceiling = request.orElse(DEFAULT_REQUEST);
        Function<Integer, Integer> unset = fallback -> request.isPresent() ? ceiling : fallback;
        int effectiveConnect = Math.min(connect.orElse(DEFAULT_CONNECT), ceiling);
        int effectiveList = Math.min(list.orElseGet(() -> unset.apply(DEFAULT_LIST)), ceiling);
        int effectiveDocker = Math.min(docker.orElseGet(() -> unset.apply(DEFAULT_DOCKER)), ceiling);
        int effectiveDeadline = deadline.orElse(Math.max(DEFAULT_DEADLINE, effectiveDocker));
        return new Tiers(ceiling, effectiveConnect, effectiveList, effectiveDocker, effectiveDeadline);
    }

    /** Seconds as the original read them (a float such as "60.0"), rounded up; anything else is ignored. */
    static Optional<Integer> seconds(String value) {
        try {
            double parsed = Double.parseDouble(value.strip());
            return parsed > 0 && parsed < Integer.MAX_VALUE / 1000 ? Optional.of((int) Math.ceil(parsed))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Ignored a timeout that is not a number of seconds: '" + value.strip() + "'");
            return Optional.empty();
        }
    }
}

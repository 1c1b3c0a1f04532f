package io.fleetdashboard.logs.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.logs.control.LogChoices;
import io.fleetdashboard.logs.entity.LogRequest;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Logs page (logs.xhtml): pick environment → endpoint → one or more containers (or arrive with ?container=key
 * from the details page), tail, range, timestamps and streams. Thin: the choices come from {@link LogChoices}, the
 * parameters are checked by the API's own parser, and the page's script reads the logs from the API twin
 * (GET /api/v1/containers/{key}/logs, or /api/v1/logs for several) so that they are streamed to the browser and
 * never held in the view. Operators only, like the API (AccessPolicy).
 */
@Named
@ViewScoped
public class LogsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Map<String, String> RANGES = ranges();

    @Inject
    Snapshots snapshots;

    @Inject
    CurrentUser user;

    private String container;
    private String environment;
    private String endpoint;
    private List<String> containers = new ArrayList<>();
    private int tail = LogRequest.DEFAULT_TAIL;
    private String range = "all";
    private String since;
    private boolean timestamps = true;
    private String stream = "both";
    private String logsUrl;
    private String followUrl;
    private String downloadName;
    private String problem;

    private static Map<String, String> ranges() {
        Map<String, String> ranges = new LinkedHashMap<>();
        ranges.put("all", "All time");
        ranges.put("15m", "Last 15 minutes");
        ranges.put("1h", "Last hour");
        ranges.put("6h", "Last 6 hours");
        ranges.put("24h", "Last 24 hours");
        ranges.put("7d", "Last 7 days");
        ranges.put("since", "Since a time …");
        return ranges;
    }

    /** f:viewAction: ?container=key picks its environment, endpoint and the container itself. */
    public void open() {
        Optional<ContainerKey> key = ContainerKey.parse(container);
        if (key.isPresent()) {
            environment = key.get().environment();
            endpoint = key.get().endpointKey();
            containers = new ArrayList<>(List.of(key.get().key()));
            fetch();
        } else if (environment == null) {
            environment = snapshot().flatMap(s -> LogChoices.environments(s).stream().findFirst())
                    .map(e -> e.name()).orElse(null);
        }
    }

    private Optional<FleetSnapshot> snapshot() {
        return snapshots.ifPresent();
    }

    public boolean isSnapshotAvailable() {
        return snapshot().isPresent();
    }

    public List<SelectItem> getEnvironmentOptions() {
        return snapshot().map(s -> LogChoices.environments(s).stream()
                .map(e -> new SelectItem(e.name(), e.displayName() == null ? e.name() : e.displayName())).toList()).orElse(List.of());
    }

    public List<SelectItem> getEndpointOptions() {
        if (environment == null) {
            return List.of();
        }
        return snapshot().map(s -> LogChoices.endpoints(s, environment).stream()
                .map(e -> new SelectItem(e.key(), endpointLabel(e))).toList()).orElse(List.of());
    }

    private static String endpointLabel(FleetEndpoint e) {
        return e.name() + (e.endpoint().dockerReachable() ? "" : e.online() ? " (async edge)" : " (offline)");
    }

    public List<SelectItem> getContainerOptions() {
        if (endpoint == null) {
            return List.of();
        }
        return snapshot().map(s -> LogChoices.containers(s, endpoint).stream()
                .map(c -> new SelectItem(c.key(), label(c))).toList()).orElse(List.of());
    }

    private static String label(FleetContainer c) {
        return c.container().name() + " (" + c.container().state().label() + ")";
    }

    public List<SelectItem> getRangeOptions() {
        return RANGES.entrySet().stream().map(e -> new SelectItem(e.getKey(), e.getValue())).toList();
    }

    public void environmentChanged() {
        endpoint = null;
        containers = new ArrayList<>();
        logsUrl = null;
    }

    public void endpointChanged() {
        containers = new ArrayList<>();
        logsUrl = null;
    }

    /** Checks the choices with the API's parser and points the page's script at the API. */
    public void fetch() {
        problem = null;
        logsUrl = null;
        followUrl = null;
        if (containers == null || containers.isEmpty()) {
            problem = "Pick a container first.";
            return;
        }
        String sinceParam = switch (range) {
            case "all" -> null;
            case "since" -> since;
            default -> range;
        };
        try {
            if (range.equals("since") && QueryParams.absent(since)) {
                throw new BadRequestException("Enter the time to start from, e.g. 2026-12-01T08:00:00Z or 90m.");
            }
            LogRequest checked = LogParams.request(Integer.toString(tail), sinceParam, Boolean.toString(timestamps),
                    stream, Instant.now());
            List<ContainerKey> keys = LogParams.keys(String.join(",", containers));
            keys.stream().map(ContainerKey::environment).distinct().forEach(e -> user.requireIn(e, Role.OPERATOR));
            String query = "tail=" + checked.tail() + "&timestamps=" + checked.timestamps() + "&stream="
                    + checked.streams().name().toLowerCase(java.util.Locale.ROOT)
                    + (sinceParam == null ? "" : "&since=" + enc(sinceParam.strip()));
            String base = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1";
            logsUrl = keys.size() == 1 ? base + "/containers/" + enc(keys.get(0).key()) + "/logs?" + query
                    : base + "/logs?containers=" + enc(String.join(",", keys.stream().map(ContainerKey::key).toList()))
                    + "&" + query;
            // live follow: one container; the page's script adds since= (when its fetch started)
            followUrl = keys.size() == 1 ? base + "/containers/" + enc(keys.get(0).key()) + "/logs/follow?timestamps="
                    + checked.timestamps() + "&stream=" + checked.streams().name().toLowerCase(java.util.Locale.ROOT)
                    : null;
            downloadName = keys.size() == 1 ? containerName(keys.get(0).key()) : keys.size() + " containers";
        } catch (BadRequestException e) {
            problem = e.getMessage();
        }
    }

    private String containerName(String key) {
        return snapshot().flatMap(s -> LogChoices.containers(s, endpoint).stream()
                .filter(c -> c.key().equals(key)).findFirst()).map(c -> c.container().name()).orElse(key);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String getLogsUrl() {
        return logsUrl;
    }

    /** The follow route of the one container shown, or null (several containers cannot be followed). */
    public String getFollowUrl() {
        return followUrl;
    }

    /** What the fetched logs are of ("shop-web-1", "3 containers"). */
    public String getDownloadName() {
        return downloadName;
    }

    public String getDownloadUrl() {
        return logsUrl == null ? null : logsUrl + "&download=true";
    }

    public String getProblem() {
        return problem;
    }

    public int getMinTail() {
        return 100;
    }

    public int getMaxTail() {
        return LogRequest.MAX_TAIL;
    }

    public String getContainer() {
        return container;
    }

    public void setContainer(String container) {
        this.container = container;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public List<String> getContainers() {
        return containers;
    }

    public void setContainers(List<String> containers) {
        this.containers = containers == null ? new ArrayList<>() : new ArrayList<>(containers);
    }

    public int getTail() {
        return tail;
    }

    public void setTail(int tail) {
        this.tail = tail;
    }

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = RANGES.containsKey(range) ? range : "all";
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public boolean isTimestamps() {
        return timestamps;
    }

    public void setTimestamps(boolean timestamps) {
        this.timestamps = timestamps;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }
}

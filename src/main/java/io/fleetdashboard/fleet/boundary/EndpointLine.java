package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.HostInfo;
import io.fleetdashboard.ui.Ages;
import io.fleetdashboard.ui.Sizes;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/** One row of the Edge agents table: an endpoint as the page shows it (JavaBean getters for EL). */
public final class EndpointLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final FleetEndpoint endpoint;
    private final Instant now;

    EndpointLine(FleetEndpoint endpoint, Instant now) {
        this.endpoint = endpoint;
        this.now = now;
    }

    private Endpoint ep() {
        return endpoint.endpoint();
    }

    public String getKey() {
        return endpoint.key();
    }

    public String getName() {
        return endpoint.name();
    }

    public String getEnvironment() {
        return endpoint.environment();
    }

    public boolean isOnline() {
        return endpoint.online();
    }

    /** "online" / "offline"; edge agents by heartbeat. */
    public String getStatus() {
        return endpoint.online() ? "online" : "offline";
    }

    public String getStatusSeverity() {
        return endpoint.online() ? "success" : "danger";
    }

    /** "Edge agent (async)", "Agent", "Docker API", …. */
    public String getType() {
        String type = switch (ep().type()) {
            case EDGE_AGENT -> "Edge agent";
            case EDGE_KUBERNETES -> "Edge agent (Kubernetes)";
            case AGENT -> "Agent";
            case DOCKER -> "Docker API";
            case KUBERNETES, KUBERNETES_AGENT -> "Kubernetes";
            case AZURE -> "Azure ACI";
            case UNKNOWN -> "Unknown";
        };
        return ep().asyncEdge() ? type + " (async)" : type;
    }

    /** How long ago an edge agent last checked in; blank for endpoints that do not check in. */
    public String getCheckIn() {
        if (!ep().type().edge()) {
            return "";
        }
        return ep().lastCheckIn() == null ? "never" : Ages.ago(ep().lastCheckIn(), now);
    }

    public String getCheckInAt() {
        return ep().lastCheckIn() == null ? "" : ep().lastCheckIn().toString();
    }

    public String getAgentVersion() {
        return ep().agentVersion() == null || ep().agentVersion().isBlank() ? "—" : ep().agentVersion();
    }

    /** "linux/x86_64"; "—" while the host was never read. */
    public String getPlatform() {
        String platform = endpoint.host() == null ? null : endpoint.host().platform();
        return platform == null ? "—" : platform;
    }

    /** The host's operating system ("Debian GNU/Linux 12 (bookworm)"); "—" while unknown. */
    public String getOs() {
        String os = endpoint.host() == null ? null : endpoint.host().operatingSystem();
        return os == null ? "—" : os;
    }

    /** Engine, kernel, CPUs and memory of the host, and how old these facts are; why they are missing otherwise. */
    public String getHostDetails() {
        HostInfo host = endpoint.host();
        if (host == null) {
            return "Host not read yet: Docker's /info is read with the endpoint's containers (not for offline"
                    + " endpoints)";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (host.dockerVersion() != null) {
            parts.add("Docker " + host.dockerVersion());
        }
        if (host.kernelVersion() != null) {
            parts.add("kernel " + host.kernelVersion());
        }
        if (host.cpus() != null) {
            parts.add(host.cpus() + " CPUs");
        }
        if (host.memoryBytes() != null) {
            parts.add(Sizes.bytes(host.memoryBytes()) + " memory");
        }
        if (host.readAt() != null) {
            parts.add("as of " + Ages.ago(host.readAt(), now));
        }
        return String.join(" · ", parts);
    }

    public String getUrl() {
        return ep().url();
    }

    /** The group's name, or its id when the name is not known. */
    public String getGroup() {
        return ep().groupName() == null ? "#" + ep().groupId() : ep().groupName();
    }

    public java.util.List<String> getTags() {
        return ep().tags();
    }

    public int getRunning() {
        return endpoint.running();
    }

    public int getContainers() {
        return endpoint.containers();
    }

    /** Where its container data came from, and how old that data is. */
    public String getDataSource() {
        String age = endpoint.dataAt() == null ? "" : ", " + Ages.ago(endpoint.dataAt(), now).replace(" ago", " old");
        return switch (endpoint.dataSource()) {
            case LIVE -> "Live" + age;
            case PORTAINER_SNAPSHOT -> "Portainer snapshot" + age;
            case PREVIOUS -> "Last known" + age;
            case NONE -> "None yet";
        } + (endpoint.pending() ? " · pending" : "");
    }

    /** Anything but this refresh's live read deserves a second look. */
    public boolean isDataSourceMarked() {
        return endpoint.dataSource() != DataSource.LIVE || endpoint.pending();
    }

    public String getDataSourceKey() {
        return endpoint.dataSource().name().toLowerCase(Locale.ROOT);
    }

    public String getError() {
        return endpoint.error() == null ? "" : endpoint.error().message();
    }
}

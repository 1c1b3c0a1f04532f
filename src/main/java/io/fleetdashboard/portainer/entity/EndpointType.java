package io.fleetdashboard.portainer.entity;

/** Portainer's endpoint (environment) type codes, api/portainer.go EndpointType. Async edge is type 4 with Edge.AsyncMode. */
public enum EndpointType {
    UNKNOWN(0), DOCKER(1), AGENT(2), AZURE(3), EDGE_AGENT(4), KUBERNETES(5), KUBERNETES_AGENT(6), EDGE_KUBERNETES(7);

    private final int code;

    EndpointType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EndpointType of(int code) {
        for (EndpointType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return UNKNOWN;
    }

    public boolean edge() {
        return this == EDGE_AGENT || this == EDGE_KUBERNETES;
    }

    /** Docker API reachable through /api/endpoints/{id}/docker (Kubernetes and Azure are not). */
    public boolean docker() {
        return this == DOCKER || this == AGENT || this == EDGE_AGENT;
    }
}

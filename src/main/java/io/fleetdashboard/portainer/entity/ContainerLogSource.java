package io.fleetdashboard.portainer.entity;

/**
 * What reading a container's logs depends on, from Docker's inspect.
 *
 * @param name      the container's name without the leading slash
 * @param tty       Config.Tty: the logs are a raw stream, not multiplexed frames
 * @param status    State.Status (running, exited, dead, removing …)
 * @param logDriver HostConfig.LogConfig.Type (json-file, local, journald, none …); null when Docker did not say
 */
public record ContainerLogSource(String name, boolean tty, String status, String logDriver) {

    /** Docker answers 409 for the logs of a dead container or one being removed. */
    public boolean gone() {
        return "dead".equals(status) || "removing".equals(status);
    }

    /** Docker answers 501: log driver none keeps nothing to read. */
    public boolean keepsNoLogs() {
        return "none".equals(logDriver);
    }
}

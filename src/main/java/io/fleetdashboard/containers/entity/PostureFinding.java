package io.fleetdashboard.containers.entity;

import java.io.Serializable;

/**
 * One point of a container's security posture: what gives it power over its host, worst first.
 *
 * @param check a stable id for tests and the API (privileged, capabilities, seccomp, apparmor, selinux,
 *              no_new_privileges, root_user, docker_socket, public_port, host_network, host_pid, host_ipc)
 */
public record PostureFinding(Severity severity, String check, String title, String detail) implements Serializable {

    /** CRITICAL: the container can take over its host; WARNING: a protection is off; INFO: could be tighter. */
    public enum Severity { CRITICAL, WARNING, INFO }
}

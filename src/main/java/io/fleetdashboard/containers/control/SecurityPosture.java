package io.fleetdashboard.containers.control;

import io.fleetdashboard.containers.entity.PostureFinding;
import io.fleetdashboard.containers.entity.PostureFinding.Severity;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a container may do to its host, from its inspect: privileged mode, added capabilities (written with or
 * without CAP_, and ALL), seccomp / AppArmor / SELinux switched off, no-new-privileges missing, running as root,
 * the Docker socket mounted, ports published on every interface, the host's network, PID or IPC namespace.
 * Findings come worst first.
 */
public final class SecurityPosture {

    /** Capabilities that alone give a way out of the container or over the host's network or processes. */
    static final Set<String> DANGEROUS_CAPABILITIES = Set.of("SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO",
            "DAC_READ_SEARCH", "DAC_OVERRIDE", "NET_ADMIN", "SYS_BOOT", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE",
            "BPF", "PERFMON", "SETFCAP");
    private static final Set<String> DOCKER_SOCKETS = Set.of("/var/run/docker.sock", "/run/docker.sock");

    private SecurityPosture() {
    }

    public static List<PostureFinding> of(ContainerInspection c) {
        ContainerInspection.HostSettings host = c.host();
        List<PostureFinding> findings = new ArrayList<>();
        if (host.privileged()) {
            findings.add(new PostureFinding(Severity.CRITICAL, "privileged", "Privileged",
                    "Every capability and every host device: root in this container is root on the host."));
        }
        Set<String> added = new LinkedHashSet<>();
        for (String capability : host.capAdd()) {
            added.add(capability(capability));
        }
        if (added.contains("ALL")) {
            findings.add(new PostureFinding(Severity.CRITICAL, "capabilities", "All capabilities added",
                    "CapAdd ALL: as powerful as privileged mode, without the devices."));
        } else if (!added.isEmpty()) {
            List<String> dangerous = added.stream().filter(DANGEROUS_CAPABILITIES::contains).toList();
            findings.add(new PostureFinding(dangerous.isEmpty() ? Severity.INFO : Severity.WARNING, "capabilities",
                    "Capabilities added: " + String.join(", ", added), dangerous.isEmpty()
                    ? "Beyond Docker's default set." : "Powerful over the host: " + String.join(", ", dangerous) + "."));
        }
        boolean noNewPrivileges = false;
        for (String option : host.securityOpt()) {
            String o = option.toLowerCase(Locale.ROOT).replace(':', '=').strip();
            if (o.equals("seccomp=unconfined")) {
                findings.add(new PostureFinding(Severity.WARNING, "seccomp", "Seccomp unconfined",
                        "Every system call is allowed (" + option + ")."));
            } else if (o.equals("apparmor=unconfined")) {
                findings.add(new PostureFinding(Severity.WARNING, "apparmor", "AppArmor unconfined",
                        "No AppArmor profile confines it (" + option + ")."));
            } else if (o.equals("label=disable")) {
                findings.add(new PostureFinding(Severity.WARNING, "selinux", "SELinux labels disabled",
                        "No SELinux separation from the host (" + option + ")."));
            } else if (o.equals("no-new-privileges") || o.equals("no-new-privileges=true")) {
                noNewPrivileges = true;
            }
        }
        if (runsAsRoot(c.user())) {
            findings.add(new PostureFinding(noNewPrivileges ? Severity.INFO : Severity.WARNING, "root_user",
                    "Runs as root", c.user().isBlank() ? "No user set: the image's default, root."
                    : "User " + c.user() + "."));
        }
        if (!noNewPrivileges) {
            findings.add(new PostureFinding(Severity.INFO, "no_new_privileges", "no-new-privileges not set",
                    "Its processes can gain privileges through setuid binaries."));
        }
        for (ContainerInspection.Mount mount : c.mounts()) {
            if (DOCKER_SOCKETS.contains(mount.source()) || mount.source().endsWith("/docker.sock")) {
                findings.add(new PostureFinding(Severity.CRITICAL, "docker_socket", "Docker socket mounted",
                        mount.source() + " at " + mount.destination() + (mount.rw() ? " (read-write)" : " (read-only)")
                        + ": control of the Docker engine is control of the host, read-only or not."));
            }
        }
        Set<String> everywhere = new LinkedHashSet<>();
        for (ContainerInspection.PortMapping port : c.ports()) {
            if (port.allInterfaces()) {
                everywhere.add(port.hostPort() + "->" + port.containerPort());
            }
        }
        if (!everywhere.isEmpty()) {
            findings.add(new PostureFinding(Severity.WARNING, "public_port", "Ports published on all interfaces",
                    String.join(", ", everywhere) + " listen on 0.0.0.0 / ::: reachable from any network the host is on."));
        }
        if (host.networkMode().equalsIgnoreCase("host")) {
            findings.add(new PostureFinding(Severity.WARNING, "host_network", "Host network",
                    "Shares the host's network stack: it sees and binds every host interface."));
        }
        if (host.pidMode().equalsIgnoreCase("host")) {
            findings.add(new PostureFinding(Severity.WARNING, "host_pid", "Host PID namespace",
                    "Sees (and with the right capabilities can signal or trace) every process of the host."));
        }
        if (host.ipcMode().equalsIgnoreCase("host")) {
            findings.add(new PostureFinding(Severity.WARNING, "host_ipc", "Host IPC namespace",
                    "Shares the host's shared memory and semaphores."));
        }
        findings.sort(Comparator.comparing(PostureFinding::severity));
        return List.copyOf(findings);
    }

    /** "cap_sys_admin", "CAP_SYS_ADMIN" and "sys_admin" are the same capability: SYS_ADMIN. */
    static String capability(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }

    /** No user (the image default, normally root), "root", uid 0, with or without a group. */
    static boolean runsAsRoot(String user) {
        String u = user == null ? "" : user.strip();
        String name = u.contains(":") ? u.substring(0, u.indexOf(':')) : u;
        return name.isEmpty() || name.equals("root") || name.equals("0");
    }
}

package io.fleetdashboard.containers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.containers.entity.PostureFinding;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityPostureTest {

    static ContainerInspection container(String user, ContainerInspection.HostSettings host,
                                         List<ContainerInspection.Mount> mounts,
                                         List<ContainerInspection.PortMapping> ports) {
        return new ContainerInspection("abc", "x", null, "img", "sha256:1", "run", new ContainerInspection.RunState(
                ContainerState.RUNNING, true, false, false, false, false, 1, 0, "", null, null), null, "no", 0, 0,
                user, "h", "/", ports, Map.of(), List.of(), List.of(), mounts, host);
    }

    static ContainerInspection.HostSettings host(boolean privileged, List<String> capAdd, List<String> securityOpt,
                                                 String networkMode, String pidMode) {
        return new ContainerInspection.HostSettings(privileged, capAdd, List.of(), securityOpt, networkMode, pidMode,
                "private", false, 0, 0);
    }

    static Optional<PostureFinding> finding(List<PostureFinding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst();
    }

    @Test
    void aHardenedContainerHasNoFindings() {
        List<PostureFinding> findings = SecurityPosture.of(container("1000:1000",
                host(false, List.of(), List.of("no-new-privileges:true"), "bridge", ""), List.of(),
                List.of(new ContainerInspection.PortMapping("80/tcp", "127.0.0.1", "8080"),
                        new ContainerInspection.PortMapping("443/tcp", null, null))));
        assertEquals(List.of(), findings);
    }

    @Test
    void everythingThatGivesPowerOverTheHostIsFoundWorstFirst() {
        List<PostureFinding> findings = SecurityPosture.of(container("",
                host(true, List.of("cap_sys_admin", "NET_RAW"), List.of("seccomp:unconfined", "apparmor=unconfined",
                        "label=disable"), "host", "host"),
                List.of(new ContainerInspection.Mount("bind", null, "/var/run/docker.sock", "/var/run/docker.sock",
                        "ro", false)),
                List.of(new ContainerInspection.PortMapping("80/tcp", "", "8080"),
                        new ContainerInspection.PortMapping("80/tcp", "::", "8080"))));
        for (String check : List.of("privileged", "capabilities", "seccomp", "apparmor", "selinux", "root_user",
                "no_new_privileges", "docker_socket", "public_port", "host_network", "host_pid")) {
            assertTrue(finding(findings, check).isPresent(), check + " in " + findings);
        }
        assertEquals(PostureFinding.Severity.CRITICAL, findings.get(0).severity());
        assertEquals(PostureFinding.Severity.INFO, findings.get(findings.size() - 1).severity());
        PostureFinding caps = finding(findings, "capabilities").orElseThrow();
        assertEquals("Capabilities added: SYS_ADMIN, NET_RAW", caps.title(), "CAP_ and case do not matter");
        assertEquals(PostureFinding.Severity.WARNING, caps.severity());
        assertTrue(finding(findings, "public_port").orElseThrow().detail().startsWith("8080->80/tcp"));
    }

    @Test
    void allCapabilitiesIsCriticalInEitherSpelling() {
        for (String all : List.of("ALL", "CAP_ALL", "all")) {
            PostureFinding caps = finding(SecurityPosture.of(container("app", host(false, List.of(all),
                    List.of("no-new-privileges"), "bridge", ""), List.of(), List.of())), "capabilities").orElseThrow();
            assertEquals(PostureFinding.Severity.CRITICAL, caps.severity(), all);
        }
    }

    @Test
    void rootIsNoUserRootOrUidZero() {
        assertTrue(SecurityPosture.runsAsRoot(""));
        assertTrue(SecurityPosture.runsAsRoot("root"));
        assertTrue(SecurityPosture.runsAsRoot("0:0"));
        assertTrue(SecurityPosture.runsAsRoot("root:wheel"));
        assertFalse(SecurityPosture.runsAsRoot("1000"));
        assertFalse(SecurityPosture.runsAsRoot("nobody"));
        assertFalse(SecurityPosture.runsAsRoot("100:0"));
    }
}

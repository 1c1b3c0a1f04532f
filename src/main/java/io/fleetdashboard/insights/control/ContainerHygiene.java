package io.fleetdashboard.insights.control;

import io.fleetdashboard.containers.entity.PostureFinding;
import io.fleetdashboard.containers.entity.PostureFinding.Severity;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes a container fragile rather than dangerous, from its inspect: no health check, no restart policy, no
 * memory limit, an image by the moving {@code :latest} tag (or no tag). INFO findings next to the security posture.
 */
final class ContainerHygiene {

    private ContainerHygiene() {
    }

    static List<PostureFinding> of(ContainerInspection c) {
        List<PostureFinding> findings = new ArrayList<>();
        if (c.health() == null || c.health().status() == io.fleetdashboard.portainer.entity.ContainerHealth.NONE) {
            findings.add(new PostureFinding(Severity.INFO, "no_healthcheck", "No health check",
                    "Docker cannot tell whether it works, only whether it runs."));
        }
        String policy = c.restartPolicy() == null ? "" : c.restartPolicy().strip().toLowerCase(Locale.ROOT);
        if (policy.isEmpty() || policy.equals("no")) {
            findings.add(new PostureFinding(Severity.INFO, "no_restart_policy", "No restart policy",
                    "It stays down after a crash or a reboot of the host."));
        }
        if (c.host().memoryLimit() <= 0) {
            findings.add(new PostureFinding(Severity.INFO, "no_memory_limit", "No memory limit",
                    "It can take the host's memory from its neighbours."));
        }
        if (latest(c.image())) {
            findings.add(new PostureFinding(Severity.INFO, "latest_tag", "Image by :latest",
                    c.image() + ": what runs changes with the next pull, and cannot be told from the name."));
        }
        return findings;
    }

    /** "nginx", "nginx:latest", "registry:5000/app" are :latest; "app@sha256:…" and "app:1.2" are not. */
    static boolean latest(String image) {
        if (image == null || image.isBlank() || image.contains("@")) {
            return false;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        return !last.contains(":") || last.endsWith(":latest");
    }
}

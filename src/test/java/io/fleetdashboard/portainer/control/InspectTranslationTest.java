package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.portainer.control.wire.InspectWire;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectTranslationTest {

    /**
     * Docker 27 inspect of a crash-looping, health-checked compose container (the fields docs/portainer.md,
     * "Containers", names).
     */
    static final String RESTARTING = """
            {"Id":"3f1c9e0a7b2d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f",
             "Created":"2024-10-22T12:26:40.123456789Z","Path":"/docker-entrypoint.sh",
             "Args":["nginx","-g","daemon off;"],
             "State":{"Status":"restarting","Running":true,"Paused":false,"Restarting":true,"OOMKilled":false,
               "Dead":false,"Pid":0,"ExitCode":1,"Error":"","StartedAt":"2024-10-23T08:00:00Z",
               "FinishedAt":"2024-10-23T08:00:07.5Z",
               "Health":{"Status":"unhealthy","FailingStreak":4,"Log":[
                 {"Start":"2024-10-23T07:59:00Z","End":"2024-10-23T07:59:00.04Z","ExitCode":1,"Output":"refused\\n"}]}},
             "Image":"sha256:5b0f7c0c4e1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80912a3b",
             "Name":"/shop-web-1","RestartCount":17,"Driver":"overlay2","Platform":"linux",
             "HostConfig":{"NetworkMode":"shop_default","Privileged":false,"CapAdd":["CAP_NET_ADMIN"],"CapDrop":null,
               "RestartPolicy":{"Name":"on-failure","MaximumRetryCount":5},"Memory":268435456,"NanoCpus":0,
               "PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]},"PidMode":"","IpcMode":"private",
               "ReadonlyRootfs":false,"SecurityOpt":["seccomp=unconfined"]},
             "Mounts":[{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock",
               "Mode":"ro","RW":false,"Propagation":"rprivate"},
               {"Type":"volume","Name":"shop_data","Source":"/var/lib/docker/volumes/shop_data/_data",
               "Destination":"/data","Driver":"local","Mode":"z","RW":true,"Propagation":""}],
             "Config":{"Hostname":"3f1c9e0a7b2d","User":"","Env":["PATH=/usr/bin","DB_PASSWORD=hunter2"],
               "Cmd":["nginx","-g","daemon off;"],"Entrypoint":["/docker-entrypoint.sh"],"Image":"nginx:1.27.2",
               "Labels":{"com.docker.compose.project":"shop","com.docker.compose.service":"web"},
               "WorkingDir":"/app"},
             "NetworkSettings":{"Ports":{"80/tcp":null},"Networks":{"shop_default":{"IPAMConfig":null,
               "MacAddress":"02:42:ac:12:00:03","Gateway":"172.18.0.1","IPAddress":"172.18.0.3","IPPrefixLen":16}}},
             "Portainer":{"ResourceControl":{"Id":31}}}""";

    static ContainerInspection parse(String json) {
        return InspectTranslation.inspection(WireJson.parse(json, InspectWire.Inspect.class));
    }

    @Test
    void readsWhatTheDetailsPageShows() {
        ContainerInspection c = parse(RESTARTING);
        assertEquals("shop-web-1", c.name(), "the leading slash goes");
        assertEquals(Instant.parse("2024-10-22T12:26:40.123456789Z"), c.created());
        assertEquals("nginx:1.27.2", c.image());
        assertTrue(c.imageId().startsWith("sha256:5b0f"));
        assertEquals("/docker-entrypoint.sh nginx -g 'daemon off;'", c.command());
        assertEquals(ContainerState.RESTARTING, c.state().status());
        assertEquals(1, c.state().exitCode());
        assertFalse(c.state().oomKilled());
        assertEquals(Instant.parse("2024-10-23T08:00:07.5Z"), c.state().finishedAt());
        assertEquals(17, c.restartCount());
        assertEquals("on-failure", c.restartPolicy());
        assertEquals(5, c.maximumRetryCount());
        assertEquals(ContainerHealth.UNHEALTHY, c.health().status());
        assertEquals(4, c.health().failingStreak());
        assertEquals("refused", c.health().log().get(0).output());
        assertEquals(List.of("PATH=/usr/bin", "DB_PASSWORD=hunter2"), c.env());
        assertEquals("shop", c.labels().get("com.docker.compose.project"));
        var network = c.networks().get(0);
        assertEquals(List.of("shop_default", "172.18.0.3", "172.18.0.1", "02:42:ac:12:00:03"),
                List.of(network.name(), network.ipAddress(), network.gateway(), network.macAddress()));
        assertEquals(2, c.mounts().size());
        assertFalse(c.mounts().get(0).rw());
        assertEquals("shop_data", c.mounts().get(1).name());
        assertEquals(List.of("CAP_NET_ADMIN"), c.host().capAdd());
        assertEquals(List.of("seccomp=unconfined"), c.host().securityOpt());
        assertEquals(268435456L, c.host().memoryLimit());
    }

    @Test
    void stoppedContainersShowTheirConfiguredPortBindings() {
        ContainerInspection c = parse(RESTARTING);
        // NetworkSettings.Ports has the port unpublished (not running): the configured binding is shown
        assertEquals(1, c.ports().size());
        assertEquals("8080", c.ports().get(0).hostPort());
        assertTrue(c.ports().get(0).allInterfaces(), "HostIp \"\" means every interface");
    }

    @Test
    void zeroTimesAndMissingPartsAreEmptyNotErrors() {
        ContainerInspection c = parse("""
                {"Id":"abc","Name":"/x","State":{"Status":"created","StartedAt":"0001-01-01T00:00:00Z",
                 "FinishedAt":"0001-01-01T00:00:00Z"}}""");
        assertNull(c.state().startedAt());
        assertNull(c.health());
        assertEquals("no", c.restartPolicy());
        assertTrue(c.env().isEmpty() && c.mounts().isEmpty() && c.ports().isEmpty() && c.networks().isEmpty());
        assertEquals("", c.user());
        assertNull(InspectTranslation.time("yesterday"));
        assertEquals(Instant.parse("2024-10-23T06:00:00Z"), InspectTranslation.time("2024-10-23T08:00:00+02:00"));
    }

    @Test
    void aContainerJustActedOnLooksAsTheListWouldShowIt() {
        ContainerInspection c = parse(RESTARTING);
        Container summary = c.toContainer(Instant.parse("2024-10-23T08:00:10Z"));
        assertEquals(ContainerState.RESTARTING, summary.state());
        assertEquals("Restarting (1) 2 seconds ago", summary.status());
        assertEquals(1, summary.exitCode());
        assertEquals(ContainerHealth.UNHEALTHY, summary.health());
        assertEquals("shop", summary.composeProject());
        assertEquals("web", summary.composeService());
        assertEquals(List.of("shop_default"), summary.networks());
        assertEquals(8080, summary.ports().get(0).publicPort());

        ContainerInspection running = parse(RESTARTING.replace("\"Status\":\"restarting\"", "\"Status\":\"running\"")
                .replace("\"Status\":\"unhealthy\"", "\"Status\":\"healthy\""));
        assertEquals("Up About a minute (healthy)",
                running.toContainer(Instant.parse("2024-10-23T08:01:30Z")).status());
    }
}

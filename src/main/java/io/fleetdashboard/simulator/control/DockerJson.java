package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimImage;
import io.fleetdashboard.simulator.entity.SimStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Docker Engine API 1.47 shapes (containers, inspect, images, networks, volumes, info, version). */
final class DockerJson {

    static final String API_VERSION = "1.47";
    static final String MIN_API_VERSION = "1.24";
    static final String ENGINE_VERSION = "27.3.1";
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private DockerJson() {
    }

    static String rfc3339(long epochMillis) {
        return epochMillis <= 0 ? ZERO_TIME : Instant.ofEpochMilli(epochMillis).toString();
    }

    /** go-units HumanDuration, as used by docker's Status text. */
    static String human(long millis) {
        long seconds = millis / 1000;
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return hours / 24 / 365 + " years";
    }

    static String status(ContainerRuntime rt, long now) {
        return switch (rt.state()) {
            case "running" -> "Up " + human(now - rt.startedAt()) + healthSuffix(rt);
            case "paused" -> "Up " + human(now - rt.startedAt()) + " (Paused)";
            case "restarting" -> "Restarting (" + rt.exitCode() + ") " + human(now - rt.finishedAt()) + " ago";
            case "exited" -> "Exited (" + rt.exitCode() + ") " + human(now - rt.finishedAt()) + " ago";
            case "dead" -> "Dead";
            default -> "Created";
        };
    }

    private static String healthSuffix(ContainerRuntime rt) {
        return switch (rt.health()) {
            case "healthy" -> " (healthy)";
            case "unhealthy" -> " (unhealthy)";
            case "starting" -> " (health: starting)";
            default -> "";
        };
    }

    static void labels(JsonText j, SimContainer c, int endpointId) {
        j.obj("Labels");
        if (c.project != null) {
            String dir = "/data/compose/" + endpointId + "/" + c.project;
            j.str("com.docker.compose.config-hash", Seeds.hex(c.randomBits, 64))
                    .str("com.docker.compose.container-number", Integer.toString(c.number))
                    .str("com.docker.compose.depends_on", "")
                    .str("com.docker.compose.image", c.image.id())
                    .str("com.docker.compose.oneoff", "False")
                    .str("com.docker.compose.project", c.project)
                    .str("com.docker.compose.project.config_files", dir + "/docker-compose.yml")
                    .str("com.docker.compose.project.working_dir", dir)
                    .str("com.docker.compose.service", c.service)
                    .str("com.docker.compose.version", "2.29.7");
        }
        c.extraLabels.forEach(j::str);
        if (c.image.ociLabels()) {
            String tag = c.image.repoTag();
            String version = tag.substring(tag.lastIndexOf(':') + 1);
            j.str("org.opencontainers.image.created", rfc3339(c.image.created() * 1000))
                    .str("org.opencontainers.image.licenses", "Apache-2.0")
                    .str("org.opencontainers.image.revision", Seeds.hex(c.randomBits >>> 3, 40))
                    .str("org.opencontainers.image.source", "https://git.example.com/images/" + tag.replace(':', '/'))
                    .str("org.opencontainers.image.title", c.service != null ? c.service : "app")
                    .str("org.opencontainers.image.vendor", "Example Corp")
                    .str("org.opencontainers.image.version", version);
        }
        j.endObj();
    }

    static String ip(SimContainer c) {
        return (c.network.equals("bridge") ? "172.17.0." : "172." + (18 + Math.floorMod(c.network.hashCode(), 10)) + ".0.")
                + c.ipSuffix;
    }

    static String gateway(SimContainer c) {
        String ip = ip(c);
        return ip.substring(0, ip.lastIndexOf('.')) + ".1";
    }

    static String mac(SimContainer c) {
        return String.format("02:42:ac:%02x:00:%02x", 17 + Math.floorMod(c.network.hashCode(), 10), c.ipSuffix);
    }

    static void containerSummary(JsonText j, SimContainer c, ContainerRuntime rt, SimEndpoint e, SimStack stack,
            long now) {
        j.obj().str("Id", c.id).arr("Names").val("/" + c.name).endArr().str("Image", c.image.repoTag())
                .str("ImageID", c.image.id()).str("Command", c.command).num("Created", c.created / 1000);
        j.arr("Ports");
        for (int p : c.ports) {
            if (c.publicPortBase > 0) {
                j.obj().str("IP", "0.0.0.0").num("PrivatePort", p).num("PublicPort", c.publicPortBase).str("Type", "tcp")
                        .endObj();
                j.obj().str("IP", "::").num("PrivatePort", p).num("PublicPort", c.publicPortBase).str("Type", "tcp")
                        .endObj();
            } else {
                j.obj().num("PrivatePort", p).str("Type", "tcp").endObj();
            }
        }
        j.endArr();
        labels(j, c, e.id());
        j.str("State", rt.state()).str("Status", status(rt, now));
        j.obj("HostConfig").str("NetworkMode", c.network.equals("bridge") ? "default" : c.network).endObj();
        j.obj("NetworkSettings").obj("Networks");
        network(j, c, rt);
        j.endObj().endObj();
        mounts(j, c);
        if (stack != null) {
            j.obj("Portainer").name("ResourceControl");
            resourceControl(j, stack);
            j.endObj();
        }
        j.endObj();
    }

    static void resourceControl(JsonText j, SimStack stack) {
        j.obj().num("Id", stack.resourceControlId()).str("ResourceId", stack.endpointId() + "_" + stack.name())
                .arr("SubResourceIds").endArr().num("Type", 6).arr("UserAccesses").endArr().arr("TeamAccesses").endArr()
                .bool("Public", false).bool("AdministratorsOnly", true).bool("System", false).endObj();
    }

    private static void network(JsonText j, SimContainer c, ContainerRuntime rt) {
        boolean up = rt.state().equals("running") || rt.state().equals("paused");
        j.obj(c.network).nul("IPAMConfig").nul("Links").nul("Aliases").str("MacAddress", up ? mac(c) : "")
                .nul("DriverOpts").str("NetworkID", Seeds.hex(c.network.hashCode(), 64))
                .str("EndpointID", up ? Seeds.hex(c.randomBits ^ 0xE9, 64) : "").str("Gateway", up ? gateway(c) : "")
                .str("IPAddress", up ? ip(c) : "").num("IPPrefixLen", up ? 16 : 0).str("IPv6Gateway", "")
                .str("GlobalIPv6Address", "").num("GlobalIPv6PrefixLen", 0).nul("DNSNames").endObj();
    }

    private static void mounts(JsonText j, SimContainer c) {
        j.arr("Mounts");
        if (c.volume != null) {
            j.obj().str("Type", "volume").str("Name", c.volume).str("Source", "/var/lib/docker/volumes/" + c.volume + "/_data")
                    .str("Destination", "/data").str("Driver", "local").str("Mode", "z").bool("RW", true)
                    .str("Propagation", "").endObj();
        }
        if (c.bindMount) {
            j.obj().str("Type", "bind").str("Source", "/srv/" + c.name + "/config").str("Destination", "/etc/app")
                    .str("Mode", "ro").bool("RW", false).str("Propagation", "rprivate").endObj();
        }
        if (dockerSocket(c)) {
            j.obj().str("Type", "bind").str("Source", "/var/run/docker.sock").str("Destination", "/var/run/docker.sock")
                    .str("Mode", "ro").bool("RW", false).str("Propagation", "rprivate").endObj();
        }
        j.endArr();
    }

    /** The reverse proxy watches Docker through its socket, as Traefik does: the classic host-takeover risk. */
    static boolean dockerSocket(SimContainer c) {
        return "proxy".equals(c.service) || (c.service == null && c.image.repoTag().startsWith("traefik"));
    }

    /** Half of the containers that died with 137 were OOM-killed; a kill by a user never is. */
    static boolean oomKilled(SimContainer c, ContainerRuntime rt) {
        return rt.exitCode() == 137 && !rt.pinned() && Seeds.unit(c.randomBits ^ 0x0E) < 0.5;
    }

    /** Config.User: most images run as root (""), some as a numeric or named user. */
    static String user(SimContainer c) {
        double draw = Seeds.unit(c.randomBits ^ 0x05E4);
        return draw < 0.6 ? "" : draw < 0.8 ? "1000:1000" : draw < 0.9 ? "nobody" : "root";
    }

    /** HostConfig.SecurityOpt: label=disable for privileged ones, otherwise mostly none, a few hardened or loosened. */
    static List<String> securityOpt(SimContainer c) {
        if (c.privileged) {
            return List.of("label=disable");
        }
        double draw = Seeds.unit(c.randomBits ^ 0x05EC);
        if (draw < 0.05) {
            return List.of("seccomp=unconfined");
        }
        if (draw < 0.08) {
            return List.of("apparmor=unconfined");
        }
        if (draw < 0.3) {
            return List.of("no-new-privileges:true");
        }
        return List.of();
    }

    /** A signed token (header.payload.signature, base64url) that looks like any JWT. */
    static String jwt(SimContainer c) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + c.name + "\",\"iat\":1729600000}").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return header + "." + payload + "." + Seeds.hex(c.randomBits ^ 0x3A7, 43);
    }

    static List<String> env(SimContainer c) {
        List<String> env = new ArrayList<>();
        env.add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.add("TZ=UTC");
        String svc = c.service == null ? "app" : c.service;
        switch (svc) {
            case "db" -> {
                env.add("POSTGRES_USER=app");
                env.add("POSTGRES_PASSWORD=" + Seeds.hex(c.randomBits ^ 0x55, 20));
                env.add("PGDATA=/var/lib/postgresql/data");
            }
            case "api", "worker", "frontend" -> {
                env.add("DB_HOST=db");
                env.add("DB_PASSWORD=" + Seeds.hex(c.randomBits ^ 0x56, 16));
                env.add("API_TOKEN=tok_" + Seeds.hex(c.randomBits ^ 0x57, 32));
                // secrets under names that do not say so: a URL with a password, a bare JWT
                env.add("DATABASE_URL=postgres://app:" + Seeds.hex(c.randomBits ^ 0x5C, 18) + "@db:5432/app");
                env.add("UPSTREAM_SESSION=" + jwt(c));
                env.add("JAVA_OPTS=-Xmx512m");
                env.add("LOG_LEVEL=info");
            }
            case "web" -> {
                env.add("NGINX_PORT=80");
                env.add("GITHUB_DEPLOY=ghp_" + Seeds.hex(c.randomBits ^ 0x5D, 36));
            }
            case "grafana" -> env.add("GF_SECURITY_ADMIN_PASSWORD=" + Seeds.hex(c.randomBits ^ 0x58, 12));
            case "queue" -> env.add("RABBITMQ_DEFAULT_PASS=" + Seeds.hex(c.randomBits ^ 0x59, 12));
            default -> env.add("APP_ENV=production");
        }
        if (Seeds.unit(c.randomBits ^ 0x5A) < 0.2) {
            env.add("AWS_SECRET_ACCESS_KEY=" + Seeds.hex(c.randomBits ^ 0x5B, 40));
        }
        if (Hostile.is(c)) {
            env.addAll(Hostile.env(c));
        }
        return env;
    }

    static void inspect(JsonText j, SimContainer c, ContainerRuntime rt, SimEndpoint e, SimStack stack, long now) {
        String state = rt.state();
        boolean running = state.equals("running") || state.equals("paused");
        j.obj().str("Id", c.id).str("Created", rfc3339(c.created)).str("Path", c.command.split(" ")[0]);
        j.arr("Args");
        String[] parts = c.command.split(" ");
        for (int i = 1; i < parts.length; i++) {
            j.val(parts[i]);
        }
        j.endArr();
        j.obj("State").str("Status", state).bool("Running", running || state.equals("restarting"))
                .bool("Paused", state.equals("paused")).bool("Restarting", state.equals("restarting"))
                .bool("OOMKilled", oomKilled(c, rt))
                .bool("Dead", state.equals("dead")).num("Pid", running ? 1000 + Math.floorMod(c.randomBits, 60000L) : 0)
                .num("ExitCode", rt.exitCode()).str("Error", "")
                .str("StartedAt", rfc3339(rt.startedAt())).str("FinishedAt", rfc3339(rt.finishedAt()));
        if (c.healthcheck) {
            String health = running ? rt.health() : "unhealthy";
            if (!running && state.equals("created")) {
                health = "starting";
            }
            int failing = health.equals("unhealthy") ? 3 + Math.floorMod((int) c.randomBits, 20) : 0;
            j.obj("Health").str("Status", health).num("FailingStreak", failing).arr("Log");
            for (int k = 4; k >= 0; k--) {
                long start = now - k * 30_000L - 1500;
                boolean bad = health.equals("unhealthy");
                j.obj().str("Start", rfc3339(start)).str("End", rfc3339(start + 40)).num("ExitCode", bad ? 1 : 0)
                        .str("Output", bad ? "curl: (7) Failed to connect to localhost port " + (c.ports.length > 0
                                ? c.ports[0] : 80) + ": Connection refused\n" : "OK\n").endObj();
            }
            j.endArr().endObj();
        }
        j.endObj();
        j.str("Image", c.image.id()).str("ResolvConfPath", "/var/lib/docker/containers/" + c.id + "/resolv.conf")
                .str("LogPath", "/var/lib/docker/containers/" + c.id + "/" + c.id + "-json.log")
                .str("Name", "/" + c.name).num("RestartCount", rt.restartCount()).str("Driver", "overlay2")
                .str("Platform", "linux").str("MountLabel", "").str("ProcessLabel", "").str("AppArmorProfile", "")
                .nul("ExecIDs");
        j.obj("HostConfig").nul("Binds").str("NetworkMode", c.network.equals("bridge") ? "default" : c.network)
                .obj("LogConfig").str("Type", LogStream.driver(c)).obj("Config").endObj().endObj()
                .obj("PortBindings");
        for (int p : c.ports) {
            j.arr(p + "/tcp");
            if (c.publicPortBase > 0) {
                j.obj().str("HostIp", "").str("HostPort", Integer.toString(c.publicPortBase)).endObj();
            }
            j.endArr();
        }
        j.endObj().obj("RestartPolicy").str("Name", c.restartPolicy)
                .num("MaximumRetryCount", c.restartPolicy.equals("on-failure") ? 5 : 0).endObj()
                .bool("AutoRemove", false).str("VolumeDriver", "").nul("VolumesFrom");
        j.arr("CapAdd");
        c.capAdd.forEach(j::val);
        j.endArr().nul("CapDrop").str("CgroupnsMode", e.cgroupVersion() == 2 ? "private" : "host").nul("Dns")
                .str("IpcMode", "private").str("PidMode", c.privileged ? "host" : "").bool("Privileged", c.privileged)
                .bool("PublishAllPorts", false).bool("ReadonlyRootfs", false);
        List<String> securityOpt = securityOpt(c);
        if (securityOpt.isEmpty()) {
            j.nul("SecurityOpt");
        } else {
            j.arr("SecurityOpt");
            securityOpt.forEach(j::val);
            j.endArr();
        }
        j.num("CpuShares", 0).num("Memory", c.memoryLimit).num("NanoCpus", c.nanoCpus)
                .nul("Devices").nul("DeviceRequests").num("MemoryReservation", 0).num("MemorySwap", c.memoryLimit > 0
                        ? c.memoryLimit * 2 : 0).endObj();
        j.obj("GraphDriver").obj("Data").str("MergedDir", "/var/lib/docker/overlay2/" + Seeds.hex(c.randomBits ^ 0x6D, 64)
                + "/merged").endObj().str("Name", "overlay2").endObj();
        mounts(j, c);
        j.obj("Config").str("Hostname", c.id.substring(0, 12)).str("Domainname", "").str("User", user(c))
                .bool("AttachStdin", false).bool("AttachStdout", true).bool("AttachStderr", true);
        if (c.ports.length > 0) {
            j.obj("ExposedPorts");
            for (int p : c.ports) {
                j.obj(p + "/tcp").endObj();
            }
            j.endObj();
        }
        j.bool("Tty", c.tty).bool("OpenStdin", false).bool("StdinOnce", false).arr("Env");
        env(c).forEach(j::val);
        j.endArr().arr("Cmd");
        for (int i = 1; i < parts.length; i++) {
            j.val(parts[i]);
        }
        j.endArr();
        if (c.healthcheck) {
            j.obj("Healthcheck").arr("Test").val("CMD-SHELL").val("curl -fsS http://localhost:"
                    + (c.ports.length > 0 ? c.ports[0] : 80) + "/health || exit 1").endArr()
                    .num("Interval", 30_000_000_000L).num("Timeout", 5_000_000_000L).num("Retries", 3).endObj();
        }
        j.str("Image", c.image.repoTag()).nul("Volumes").str("WorkingDir", "/app").arr("Entrypoint").val(parts[0])
                .endArr().nul("OnBuild");
        labels(j, c, e.id());
        j.str("StopSignal", "SIGTERM").endObj();
        j.obj("NetworkSettings").str("Bridge", "").str("SandboxID", running ? Seeds.hex(c.randomBits ^ 0x5B0, 64) : "")
                .bool("HairpinMode", false).str("SandboxKey", running ? "/var/run/docker/netns/" + c.id.substring(0, 12) : "")
                .obj("Ports");
        for (int p : c.ports) {
            if (running && c.publicPortBase > 0) {
                j.arr(p + "/tcp").obj().str("HostIp", "0.0.0.0").str("HostPort", Integer.toString(c.publicPortBase))
                        .endObj().obj().str("HostIp", "::").str("HostPort", Integer.toString(c.publicPortBase)).endObj()
                        .endArr();
            } else {
                j.nul(p + "/tcp");
            }
        }
        j.endObj().obj("Networks");
        network(j, c, rt);
        j.endObj().endObj();
        if (stack != null) {
            j.obj("Portainer").name("ResourceControl");
            resourceControl(j, stack);
            j.endObj();
        }
        j.endObj();
    }

    static void image(JsonText j, SimImage image, int containers) {
        j.obj().num("Containers", containers).num("Created", image.created()).str("Id", image.id());
        if (image.ociLabels()) {
            j.obj("Labels").str("org.opencontainers.image.vendor", "Example Corp").str("org.opencontainers.image.version",
                    image.repoTag().substring(image.repoTag().lastIndexOf(':') + 1)).endObj();
        } else {
            j.nul("Labels");
        }
        j.str("ParentId", "");
        if (image.repoTag() == null) {
            j.arr("RepoDigests").endArr().arr("RepoTags").endArr();
        } else {
            String repo = image.repoTag().substring(0, image.repoTag().lastIndexOf(':'));
            j.arr("RepoDigests").val(repo + "@sha256:" + Seeds.hex(image.id().hashCode(), 64)).endArr()
                    .arr("RepoTags").val(image.repoTag()).endArr();
        }
        j.num("SharedSize", -1).num("Size", image.size()).endObj();
    }

    static void networkItem(JsonText j, String name, SimEndpoint e, long created) {
        String driver = switch (name) {
            case "host" -> "host";
            case "none" -> "null";
            default -> "bridge";
        };
        j.obj().str("Name", name).str("Id", Seeds.hex(name.hashCode() * 31L + e.id(), 64)).str("Created", rfc3339(created))
                .str("Scope", "local").str("Driver", driver).bool("EnableIPv6", false);
        j.obj("IPAM").str("Driver", "default").nul("Options").arr("Config");
        if (driver.equals("bridge")) {
            String subnet = name.equals("bridge") ? "172.17.0.0/16" : "172." + (18 + Math.floorMod(name.hashCode(), 10))
                    + ".0.0/16";
            j.obj().str("Subnet", subnet).str("Gateway", subnet.replace("0.0/16", "0.1")).endObj();
        }
        j.endArr().endObj().bool("Internal", false).bool("Attachable", false).bool("Ingress", false)
                .obj("ConfigFrom").str("Network", "").endObj().bool("ConfigOnly", false).obj("Containers").endObj()
                .obj("Options").endObj().obj("Labels");
        if (name.endsWith("_default")) {
            j.str("com.docker.compose.network", "default").str("com.docker.compose.project",
                    name.substring(0, name.length() - "_default".length())).str("com.docker.compose.version", "2.29.7");
        }
        j.endObj().endObj();
    }

    static void volumeItem(JsonText j, String name, long created) {
        j.obj().str("CreatedAt", rfc3339(created)).str("Driver", "local").obj("Labels");
        int cut = name.indexOf('_');
        if (cut > 0) {
            j.str("com.docker.compose.project", name.substring(0, cut)).str("com.docker.compose.volume",
                    name.substring(cut + 1)).str("com.docker.compose.version", "2.29.7");
        }
        j.endObj().str("Mountpoint", "/var/lib/docker/volumes/" + name + "/_data").str("Name", name)
                .obj("Options").endObj().str("Scope", "local").endObj();
    }

    /** What a simulated Docker host is: its operating system, kernel and architecture agree with each other. */
    record SimHost(String operatingSystem, String osVersion, String kernel, String architecture) {
    }

    /**
     * The endpoint's host, fixed by its id: servers are x86_64 Debian 12 or Ubuntu (cgroup v2 or v1), edge devices
     * are a mix of aarch64 Debian or Ubuntu, armv7l Raspberry Pi OS and x86_64 Alpine boxes.
     */
    static SimHost host(SimEndpoint e) {
        if (!e.edge()) {
            return e.cgroupVersion() == 2
                    ? new SimHost("Debian GNU/Linux 12 (bookworm)", "12", "6.1.0-26-amd64", "x86_64")
                    : new SimHost("Ubuntu 18.04.6 LTS", "18.04", "4.19.0-27-amd64", "x86_64");
        }
        return switch (Math.floorMod(e.id(), 4)) {
            case 0 -> new SimHost("Raspbian GNU/Linux 12 (bookworm)", "12", "6.6.51+rpt-rpi-v7", "armv7l");
            case 1 -> new SimHost("Ubuntu 22.04.5 LTS", "22.04", "5.15.0-1062-raspi", "aarch64");
            case 2 -> new SimHost("Alpine Linux v3.20", "3.20", "6.6.54-0-lts", "x86_64");
            default -> e.cgroupVersion() == 2
                    ? new SimHost("Debian GNU/Linux 12 (bookworm)", "12", "6.1.0-26-arm64", "aarch64")
                    : new SimHost("Ubuntu 18.04.6 LTS", "18.04", "4.19.0-27-arm64", "aarch64");
        };
    }

    static void info(JsonText j, SimEndpoint e, int total, int running, int paused, int stopped, int images, long now) {
        SimHost host = host(e);
        j.obj().str("ID", Seeds.uuid(e.id() * 977L).toUpperCase()).num("Containers", total)
                .num("ContainersRunning", running).num("ContainersPaused", paused).num("ContainersStopped", stopped)
                .num("Images", images).str("Driver", "overlay2").arr("DriverStatus").arr().val("Backing Filesystem")
                .val("extfs").endArr().endArr().bool("MemoryLimit", true).bool("SwapLimit", true)
                .bool("CpuCfsPeriod", true).bool("CpuCfsQuota", true).bool("OomKillDisable", e.cgroupVersion() == 1)
                .bool("IPv4Forwarding", true).bool("Debug", false).num("NFd", 40 + total * 3)
                .num("NGoroutines", 60 + total * 4).str("SystemTime", rfc3339(now)).str("LoggingDriver", "json-file")
                .str("CgroupDriver", e.cgroupVersion() == 2 ? "systemd" : "cgroupfs")
                .str("CgroupVersion", Integer.toString(e.cgroupVersion())).num("NEventsListener", 0)
                .str("KernelVersion", host.kernel()).str("OperatingSystem", host.operatingSystem())
                .str("OSVersion", host.osVersion()).str("OSType", "linux").str("Architecture", host.architecture())
                .str("IndexServerAddress",
                        "https://index.docker.io/v1/").num("NCPU", e.ncpu()).num("MemTotal", e.memTotal())
                .str("DockerRootDir", "/var/lib/docker").str("Name", e.name()).arr("Labels").endArr()
                .bool("ExperimentalBuild", false).str("ServerVersion", ENGINE_VERSION)
                .obj("Swarm").str("NodeID", "").str("NodeAddr", "").str("LocalNodeState", "inactive")
                .bool("ControlAvailable", false).str("Error", "").nul("RemoteManagers").endObj()
                .str("DefaultRuntime", "runc").bool("LiveRestoreEnabled", false).str("Isolation", "")
                .str("InitBinary", "docker-init").arr("SecurityOptions").val("name=seccomp,profile=builtin")
                .val(e.cgroupVersion() == 2 ? "name=cgroupns" : "name=apparmor").endArr().nul("Warnings").endObj();
    }

    static void version(JsonText j) {
        j.obj().obj("Platform").str("Name", "Docker Engine - Community").endObj().arr("Components").obj()
                .str("Name", "Engine").str("Version", ENGINE_VERSION).obj("Details").str("ApiVersion", API_VERSION)
                .str("GitCommit", "41ca978").str("GoVersion", "go1.22.7").str("MinAPIVersion", MIN_API_VERSION)
                .str("Os", "linux").str("Arch", "amd64").endObj().endObj().endArr()
                .str("Version", ENGINE_VERSION).str("ApiVersion", API_VERSION).str("MinAPIVersion", MIN_API_VERSION)
                .str("GitCommit", "41ca978").str("GoVersion", "go1.22.7").str("Os", "linux").str("Arch", "amd64")
                .str("KernelVersion", "6.1.0-26-amd64").str("BuildTime", "2024-09-20T11:41:06.000000000+00:00")
                .endObj();
    }
}

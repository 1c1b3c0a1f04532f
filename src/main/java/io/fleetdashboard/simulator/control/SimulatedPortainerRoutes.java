package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimImage;
import io.fleetdashboard.simulator.entity.SimStack;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Portainer CE 2.23 API and the Docker 1.47 proxy of one simulated server, as a pure function from a request
 * (and the world at a given time) to a reply. Knows nothing about sockets, latency or faults.
 */
public final class SimulatedPortainerRoutes {

    public static final String PORTAINER_VERSION = "2.23.0";
    static final Pattern DOCKER = Pattern.compile("^/api/endpoints/([^/]+)/(?:agent/)?docker(?:/v(\\d+\\.\\d+))?(/.*)?$");
    static final Pattern ENDPOINT = Pattern.compile("^/api/endpoints/([^/]+)/?$");
    static final Pattern CONTAINER = Pattern.compile("^/containers/([^/]+)/(json|stats|logs|start|stop|restart|kill)$");

    /** An HTTP request as the simulator needs it; header lookup is case-insensitive. */
    public record Request(String method, String path, String rawQuery, Function<String, String> header,
                          String body) {

        public Request(String method, String path, String rawQuery, Function<String, String> header) {
            this(method, path, rawQuery, header, null);
        }
    }

    /** The reply; body null means an empty body. {@code delayMs} is added to the normal latency. */
    public record Reply(int status, String contentType, Map<String, String> headers, byte[] body, long delayMs) {

        public boolean json() {
            return contentType != null && contentType.startsWith("application/json");
        }
    }

    /** What a request is about: its counter class, the endpoint id (-1 none) and the Docker path (or null). */
    public record Route(String routeClass, int endpointId, String dockerPath) {
    }

    private SimulatedPortainerRoutes() {
    }

    public static Route route(String path) {
        Matcher m = DOCKER.matcher(path);
        if (m.matches()) {
            String docker = m.group(3) == null ? "/" : m.group(3);
            String cls;
            if (docker.startsWith("/containers/") && docker.endsWith("/stats")) {
                cls = "docker:stats";
            } else if (docker.startsWith("/containers/") && docker.endsWith("/logs")) {
                cls = "docker:logs";
            } else if (docker.startsWith("/containers/")) {
                cls = "docker:containers";
            } else if (docker.startsWith("/images")) {
                cls = "docker:images";
            } else if (docker.startsWith("/networks")) {
                cls = "docker:networks";
            } else {
                cls = "other";
            }
            return new Route(cls, parseInt(m.group(1), -1), docker);
        }
        m = ENDPOINT.matcher(path);
        if (m.matches()) {
            return new Route("endpoints", parseInt(m.group(1), -1), null);
        }
        if (path.equals("/api/endpoints") || path.equals("/api/endpoints/")) {
            return new Route("endpoints", -1, null);
        }
        if (STACK_IMAGES_STATUS.matcher(path).matches()) {
            // asked by the monitoring round, not by a refresh: kept apart from the refresh's stack list
            return new Route("other", -1, null);
        }
        if (path.startsWith("/api/stacks")) {
            return new Route("stacks", -1, null);
        }
        return new Route("other", -1, null);
    }

    // ------------------------------------------------------------------ entry point

    public static Reply handle(World world, SimWorldServer server, Request request, long now) {
        String path = request.path();
        if (!path.startsWith("/api/")) {
            return text(404, "404 page not found\n");
        }
        if (path.equals("/api/system/status") || path.equals("/api/status")) {
            return ok(new JsonText().obj().str("Version", PORTAINER_VERSION).str("InstanceID", server.instanceId())
                    .endObj().toString());
        }
        Map<String, List<String>> query = query(request.rawQuery());
        Reply denied = authenticate(server, request, query);
        if (denied != null) {
            return denied;
        }
        Matcher docker = DOCKER.matcher(path);
        if (docker.matches()) {
            return Docker.handle(world, server, request, query, docker.group(1), docker.group(2),
                    docker.group(3) == null ? "/" : docker.group(3), now);
        }
        boolean get = request.method().equals("GET");
        if (path.equals("/api/backup") && request.method().equals("POST")) {
            return backup(server, request.body(), now);
        }
        if (get && (path.equals("/api/endpoints") || path.equals("/api/endpoints/"))) {
            return endpointList(world, server, query, now);
        }
        Matcher endpoint = ENDPOINT.matcher(path);
        if (get && endpoint.matches()) {
            int id = parseInt(endpoint.group(1), Integer.MIN_VALUE);
            if (id == Integer.MIN_VALUE) {
                return portainerError(400, "Invalid environment identifier route variable",
                        "Invalid route variable: id");
            }
            SimEndpoint e = server.endpoint(id);
            if (e == null) {
                return notFound();
            }
            boolean exclude = "true".equals(first(query, "excludeSnapshot"));
            JsonText j = new JsonText(new StringBuilder(exclude ? 2048 : 65536));
            endpoint(j, world, server, e, now, !exclude, false);
            return ok(j.toString());
        }
        if (get && path.equals("/api/stacks")) {
            return stacks(server, query);
        }
        Matcher imagesStatus = STACK_IMAGES_STATUS.matcher(path);
        if (get && imagesStatus.matches()) {
            return stackImagesStatus(world, server, parseInt(imagesStatus.group(1), -1));
        }
        if (get && path.equals("/api/endpoint_groups")) {
            JsonText j = new JsonText().arr();
            for (int g = 1; g <= server.groups().size(); g++) {
                j.obj().num("Id", g).str("Name", server.groups().get(g - 1))
                        .str("Description", g == 1 ? "Unassigned environments" : "").obj("UserAccessPolicies").endObj()
                        .obj("TeamAccessPolicies").endObj().arr("TagIds").endArr().arr("Labels").endArr()
                        .nul("AuthorizedUsers").nul("AuthorizedTeams").endObj();
            }
            return ok(j.endArr().toString());
        }
        if (get && path.equals("/api/tags")) {
            JsonText j = new JsonText().arr();
            for (int t = 1; t <= server.tags().size(); t++) {
                j.obj().num("ID", t).str("Name", server.tags().get(t - 1)).obj("Endpoints");
                for (SimEndpoint e : server.endpoints()) {
                    if (e.tagIds().contains(t)) {
                        j.bool(Integer.toString(e.id()), true);
                    }
                }
                j.endObj().obj("EndpointGroups").endObj().endObj();
            }
            return ok(j.endArr().toString());
        }
        return text(404, "404 page not found\n");
    }

    // ------------------------------------------------------------------ backup (§7)

    /** 400 without a body (Portainer needs at least {}); else the archive with Portainer's headers. */
    static Reply backup(SimWorldServer server, String body, long now) {
        if (body == null || body.isBlank()) {
            return portainerError(400, "Invalid request payload", "EOF");
        }
        String password;
        try {
            password = SimulatedBackup.password(body);
        } catch (RuntimeException notJson) {
            return portainerError(400, "Invalid request payload", "invalid character");
        }
        byte[] archive = SimulatedBackup.archive(server, password, now);
        String contentType = password == null ? "application/gzip" : "application/octet-stream";
        return new Reply(200, contentType, Map.of("Content-Disposition", "attachment; filename="
                + SimulatedBackup.fileName(now, password != null)), archive, 0);
    }

    // ------------------------------------------------------------------ auth (§1.1, §1.2)

    static Reply authenticate(SimWorldServer server, Request request, Map<String, List<String>> query) {
        String key = request.header().apply("X-API-Key");
        if (key == null) {
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
                if (q.getKey().equalsIgnoreCase("x-api-key") && !q.getValue().isEmpty()) {
                    key = q.getValue().get(0);
                }
            }
        }
        String authorization = request.header().apply("Authorization");
        if (key != null && authorization != null) {
            return portainerError(403, "api key and auth header are not allowed at the same time",
                    "Api key and auth header are not allowed at the same time");
        }
        if (key == null && authorization == null) {
            return portainerError(401, "A valid authorization token is missing", "Unauthorized");
        }
        if (key == null || !key.equals(server.apiKey())) {
            return portainerError(401, "Invalid JWT token", "Unauthorized");
        }
        return null;
    }

    // ------------------------------------------------------------------ endpoints (§2)

    static Reply endpointList(World world, SimWorldServer server, Map<String, List<String>> query, long now) {
        long nowSec = now / 1000;
        List<Integer> types;
        List<Integer> statuses;
        List<Integer> ids;
        List<Integer> groupIds;
        List<Integer> tagIds;
        List<Integer> excludeIds;
        try {
            tagIds = intArray(query, "tagIds[]");
            excludeIds = intArray(query, "excludeIds[]");
            types = intArray(query, "types[]");
            statuses = intArray(query, "status[]");
            ids = intArray(query, "endpointIds[]");
            groupIds = intArray(query, "groupIds[]");
        } catch (NumberFormatException bad) {
            return portainerError(400, "Invalid query parameters", "Invalid query parameter: array value");
        }
        boolean untrusted = "true".equals(first(query, "edgeDeviceUntrusted"));
        String search = first(query, "search");
        String name = first(query, "name");
        String edgeAsync = first(query, "edgeAsync");
        boolean partialTags = "true".equals(first(query, "tagsPartialMatch"));
        List<SimEndpoint> matching = new ArrayList<>();
        for (SimEndpoint e : server.endpoints()) {
            if (e.edge() && (untrusted != e.untrusted())) {
                continue;
            }
            if (!types.isEmpty() && !types.contains(e.type())) {
                continue;
            }
            if (!ids.isEmpty() && !ids.contains(e.id())) {
                continue;
            }
            if (!groupIds.isEmpty() && !groupIds.contains(e.groupId())) {
                continue;
            }
            if (excludeIds.contains(e.id())) {
                continue;
            }
            if (!tagIds.isEmpty() && !(partialTags ? tagIds.stream().anyMatch(e.tagIds()::contains)
                    : e.tagIds().containsAll(tagIds))) {
                continue;
            }
            if (!statuses.isEmpty()) {
                int status = e.edge() ? (world.heartbeat(e, nowSec) ? 1 : 2) : (e.down() ? 2 : 1);
                if (!statuses.contains(status)) {
                    continue;
                }
            }
            if (edgeAsync != null && e.edge() && e.async() != "true".equals(edgeAsync)) {
                continue;
            }
            if (name != null && !name.equals(e.name())) {
                continue;
            }
            if (search != null && !search.isEmpty() && !matchesSearch(server, e, search.toLowerCase())) {
                continue;
            }
            matching.add(e);
        }
        if (untrusted) {
            // with edgeDeviceUntrusted=true Portainer lists only the waiting room
            matching.removeIf(e -> !e.edge());
        }
        String sort = first(query, "sort");
        if ("Name".equals(sort)) {
            matching.sort(Comparator.comparing(SimEndpoint::name, SimulatedPortainerRoutes::naturalCompare));
        } else if ("Group".equals(sort)) {
            matching.sort(Comparator.comparing(e -> e.groupId() == 1 ? "" : server.groups().get(e.groupId() - 1),
                    SimulatedPortainerRoutes::naturalCompare));
        } else if ("LastCheckIn".equals(sort)) {
            matching.sort(Comparator.comparingLong(e -> world.lastCheckIn(e, nowSec)));
        }
        if ("desc".equals(first(query, "order"))) {
            java.util.Collections.reverse(matching);
        }
        int total = matching.size();
        int[] window = page(total, parseInt(first(query, "start"), 0), parseInt(first(query, "limit"), 0));
        boolean snapshots = !"true".equals(first(query, "excludeSnapshots"));
        JsonText j = new JsonText(new StringBuilder(snapshots ? 65536 : 2048 * Math.max(1, window[1] - window[0])));
        j.arr();
        for (int i = window[0]; i < window[1]; i++) {
            endpoint(j, world, server, matching.get(i), now, snapshots, true);
        }
        j.endArr();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Total-Count", Integer.toString(total));
        headers.put("X-Total-Available", Integer.toString(server.endpoints().size()));
        return new Reply(200, "application/json", headers, bytes(j.toString()), 0);
    }

    /**
     * Portainer's pagination: 1-based start (0 and 1 both mean the first item), limit 0 = everything.
     * Returns [from, to) into the filtered list.
     */
    public static int[] page(int total, int start, int limit) {
        if (start > 0) {
            start--;
        }
        start = Math.max(0, start);
        int from = Math.min(start, total);
        if (limit <= 0) {
            return new int[] {from, total};
        }
        int to = (int) Math.min((long) from + limit, total);
        return new int[] {from, to};
    }

    static boolean matchesSearch(SimWorldServer server, SimEndpoint e, String search) {
        if (e.name().toLowerCase().contains(search) || e.url().toLowerCase().contains(search)) {
            return true;
        }
        if (server.groups().get(e.groupId() - 1).toLowerCase().contains(search)) {
            return true;
        }
        for (int t : e.tagIds()) {
            if (server.tags().get(t - 1).toLowerCase().contains(search)) {
                return true;
            }
        }
        return (search.equals("up") && !e.down()) || (search.equals("down") && e.down());
    }

    static void endpoint(JsonText j, World world, SimWorldServer server, SimEndpoint e, long now, boolean snapshots,
            boolean list) {
        long nowSec = now / 1000;
        int checkin = list && e.checkinInterval() == 0 ? Heartbeat.DEFAULT_CHECKIN_SECONDS : e.checkinInterval();
        j.obj().num("Id", e.id()).str("Name", e.name()).num("Type", e.type()).str("ContainerEngine", "docker")
                .str("URL", e.url()).num("GroupId", e.groupId())
                .str("PublicURL", e.edge() ? "" : e.url().replaceAll("^[a-z]+://", "").replaceAll(":\\d+$", ""))
                .arr("Gpus").endArr();
        j.obj("TLSConfig").bool("TLS", e.type() == 2).bool("TLSSkipVerify", e.type() == 2).endObj();
        j.obj("AzureCredentials").str("ApplicationID", "").str("TenantID", "").str("AuthenticationKey", "").endObj();
        j.arr("TagIds");
        e.tagIds().forEach(t -> j.val(t));
        j.endArr().num("Status", e.down() ? 2 : 1);
        j.arr("Snapshots");
        boolean hasSnapshot = !(e.edge() && (e.edgeId() == null || e.untrusted()));
        if (snapshots && hasSnapshot) {
            snapshot(j, world, server, e, now);
        }
        j.endArr();
        j.obj("UserAccessPolicies").endObj().obj("TeamAccessPolicies").endObj();
        if (e.edge() && e.edgeId() != null) {
            j.str("EdgeID", e.edgeId());
        }
        j.str("EdgeKey", e.edge() ? java.util.Base64.getEncoder().encodeToString(("https://portainer.example.com:9443|"
                + "portainer.example.com:8000|" + Seeds.hex(e.id(), 8) + "|" + e.id()).getBytes(StandardCharsets.UTF_8))
                : "").num("EdgeCheckinInterval", checkin);
        j.obj("Kubernetes").arr("Snapshots").endArr().obj("Configuration").bool("UseLoadBalancer", false)
                .bool("UseServerMetrics", false).endObj().obj("Flags").bool("IsServerMetricsDetected", false)
                .bool("IsServerIngressClassDetected", false).bool("IsServerStorageDetected", false).endObj().endObj();
        j.str("ComposeSyntaxMaxVersion", "3.8");
        j.obj("SecuritySettings").bool("allowBindMountsForRegularUsers", false)
                .bool("allowPrivilegedModeForRegularUsers", false).bool("allowVolumeBrowserForRegularUsers", false)
                .bool("allowHostNamespaceForRegularUsers", false).bool("allowDeviceMappingForRegularUsers", false)
                .bool("allowStackManagementForRegularUsers", true).bool("allowContainerCapabilitiesForRegularUsers", true)
                .bool("allowSysctlSettingForRegularUsers", false).bool("enableHostManagementFeatures", false).endObj();
        if (e.edge()) {
            j.num("LastCheckInDate", world.lastCheckIn(e, nowSec)).num("QueryDate", nowSec)
                    .bool("Heartbeat", world.heartbeat(e, nowSec));
            if (!e.untrusted()) {
                j.bool("UserTrusted", true);
            }
        } else {
            j.num("LastCheckInDate", 0).num("QueryDate", 0).bool("Heartbeat", false);
        }
        j.obj("PostInitMigrations").bool("MigrateIngresses", true).bool("MigrateGPUs", true).endObj();
        j.obj("Edge").bool("AsyncMode", e.async()).num("PingInterval", 0).num("SnapshotInterval", 0)
                .num("CommandInterval", 0).endObj();
        j.obj("Agent").str("Version", e.type() == 1 || (e.edge() && e.edgeId() == null) ? "" : PORTAINER_VERSION)
                .endObj();
        j.nul("AuthorizedUsers").nul("AuthorizedTeams").nul("Tags").endObj();
    }

    static void snapshot(JsonText j, World world, SimWorldServer server, SimEndpoint e, long now) {
        int total = e.containers().size();
        int running = 0;
        int stopped = 0;
        int paused = 0;
        List<ContainerRuntime> states = new ArrayList<>(total);
        java.util.Set<String> projects = new java.util.HashSet<>();
        for (SimContainer c : e.containers()) {
            ContainerRuntime rt = world.runtimeAt(c, now);
            states.add(rt);
            switch (rt.state()) {
                case "running" -> running++;
                case "exited" -> stopped++;
                case "paused" -> paused++;
                default -> { }
            }
            if (c.project != null) {
                projects.add(c.project);
            }
        }
        j.obj().num("Time", world.snapshotTime(e, now / 1000)).str("DockerVersion", DockerJson.ENGINE_VERSION)
                .bool("Swarm", false).num("TotalCPU", e.ncpu()).num("TotalMemory", e.memTotal())
                .num("ContainerCount", total).num("RunningContainerCount", running)
                .num("StoppedContainerCount", stopped)
                // Q7: Portainer 2.23 compares State with "healthy", which Docker never reports
                .num("HealthyContainerCount", 0).num("UnhealthyContainerCount", 0)
                .num("VolumeCount", e.volumes().size()).num("ImageCount", e.images().size())
                .num("ServiceCount", 0).num("StackCount", projects.size());
        j.obj("DockerSnapshotRaw");
        if (total == 0) {
            j.nul("Containers");
        } else {
            j.arr("Containers");
            for (int i = 0; i < total; i++) {
                SimContainer c = e.containers().get(i);
                DockerJson.containerSummary(j, c, states.get(i), e, null, now);
            }
            j.endArr();
        }
        j.obj("Volumes");
        volumesArray(j, e, world);
        j.nul("Warnings").endObj();
        j.arr("Networks");
        for (String n : e.networks()) {
            DockerJson.networkItem(j, n, e, world.epochMillis() - 86_400_000L * 30);
        }
        j.endArr();
        imagesArray(j, e, "Images");
        j.name("Info");
        DockerJson.info(j, e, total, running, paused, total - running - paused, e.images().size(), now);
        j.name("Version");
        DockerJson.version(j);
        j.endObj();
        j.num("NodeCount", 0).bool("GpuUseAll", false).arr("GpuUseList").endArr().bool("IsPodman", false).endObj();
    }

    static void volumesArray(JsonText j, SimEndpoint e, World world) {
        if (e.volumes().isEmpty()) {
            j.nul("Volumes");
            return;
        }
        j.arr("Volumes");
        for (String v : e.volumes()) {
            DockerJson.volumeItem(j, v, world.epochMillis() - 86_400_000L * (1 + Math.floorMod(v.hashCode(), 60)));
        }
        j.endArr();
    }

    static void imagesArray(JsonText j, SimEndpoint e, String name) {
        if (e.images().isEmpty()) {
            j.nul(name);
            return;
        }
        j.arr(name);
        imageItems(j, e);
        j.endArr();
    }

    static void imageItems(JsonText j, SimEndpoint e) {
        Map<String, Integer> uses = new HashMap<>();
        for (SimContainer c : e.containers()) {
            uses.merge(c.image.id(), 1, Integer::sum);
        }
        for (SimImage image : e.images()) {
            DockerJson.image(j, image, uses.getOrDefault(image.id(), 0));
        }
    }

    // ------------------------------------------------------------------ stacks (§6)

    static final Pattern STACK_IMAGES_STATUS = Pattern.compile("^/api/stacks/(\\d{1,9})/images_status$");

    /**
     * Portainer's image status of a stack (docs/portainer.md): the first server behaves as a Business Edition and
     * answers {"Status":"outdated"|"updated","Message":""} (every fourth stack by id is outdated); the others as a
     * Community Edition, which has no such route: 404 with Go's plain "404 page not found".
     */
    static Reply stackImagesStatus(World world, SimWorldServer server, int stackId) {
        if (world.servers().indexOf(server) != 0) {
            return text(404, "404 page not found\n");
        }
        for (SimStack s : server.stacks()) {
            if (s.id() == stackId) {
                return ok(new JsonText().obj().str("Status", outdated(s) ? "outdated" : "updated").str("Message", "")
                        .endObj().toString());
            }
        }
        return portainerError(404, "Unable to find a stack with the specified identifier inside the database",
                "Object not found inside the database");
    }

    /** Whether the simulated registry has newer images for that stack. */
    public static boolean outdated(SimStack stack) {
        return stack.id() % 4 == 0;
    }

    static final Pattern ENDPOINT_FILTER = Pattern.compile("\"EndpointI[dD]\"\\s*:\\s*(\\d+)");

    static Reply stacks(SimWorldServer server, Map<String, List<String>> query) {
        String filters = first(query, "filters");
        int endpointId = -1;
        if (filters != null && !filters.isBlank()) {
            if (!filters.trim().startsWith("{")) {
                return portainerError(400, "Invalid query parameter: filters", "Invalid character in filters");
            }
            Matcher m = ENDPOINT_FILTER.matcher(filters);
            if (m.find()) {
                endpointId = Integer.parseInt(m.group(1));
            }
        }
        JsonText j = new JsonText(new StringBuilder(4096)).arr();
        for (SimStack s : server.stacks()) {
            if (endpointId >= 0 && s.endpointId() != endpointId) {
                continue;
            }
            j.obj().num("Id", s.id()).str("Name", s.name()).num("Type", 2).num("EndpointId", s.endpointId())
                    .str("SwarmId", "").str("EntryPoint", "docker-compose.yml").arr("Env").obj().str("name", "TAG")
                    .str("value", "latest").endObj().endArr().name("ResourceControl");
            DockerJson.resourceControl(j, s);
            j.num("Status", s.status()).str("ProjectPath", "/data/compose/" + s.id())
                    .num("CreationDate", s.creationDate()).str("CreatedBy", "admin").num("UpdateDate", 0)
                    .str("UpdatedBy", "").nul("AdditionalFiles").nul("AutoUpdate").nul("Option").nul("GitConfig")
                    .bool("FromAppTemplate", false).str("Namespace", "").endObj();
        }
        return ok(j.endArr().toString());
    }

    // ------------------------------------------------------------------ helpers

    static Reply ok(String json) {
        return new Reply(200, "application/json", Map.of(), bytes(json), 0);
    }

    static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", Map.of(), bytes(text), 0);
    }

    static Reply notFound() {
        return portainerError(404, "Unable to find an environment with the specified identifier inside the database",
                "Object not found inside the database");
    }

    static Reply portainerError(int status, String message, String details) {
        return new Reply(status, "application/json", Map.of(), bytes(new JsonText().obj().str("message", message)
                .str("details", details).endObj().toString()), 0);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException bad) {
            return s;
        }
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static List<Integer> intArray(Map<String, List<String>> query, String name) {
        List<Integer> out = new ArrayList<>();
        for (String v : query.getOrDefault(name, List.of())) {
            out.add(Integer.parseInt(v.trim()));
        }
        return out;
    }

    static int parseInt(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException bad) {
            return fallback;
        }
    }

    /** Natural order: digit runs compare by value. */
    static int naturalCompare(String a, String b) {
        int i = 0;
        int k = 0;
        while (i < a.length() && k < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(k);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sk = k;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (k < b.length() && Character.isDigit(b.charAt(k))) {
                    k++;
                }
                int cmp = Long.compare(Long.parseLong(a.substring(si, Math.min(i, si + 18))),
                        Long.parseLong(b.substring(sk, Math.min(k, sk + 18))));
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                k++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - k);
    }
}

package io.fleetdashboard.portainer.control.wire;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * Portainer's and Docker's wire JSON, only the fields we read; read with WireJson (PascalCase naming, so
 * component {@code edgeID} is key {@code EdgeID}). Boxed types, since any key may be missing or null.
 * Public only because JSON-B needs accessible types; they belong to the gateway, and only its Translation (in
 * portainer.control) turns them into portainer.entity records. Nothing else may import this package.
 */
public final class Wire {

    private Wire() {
    }

    public record Endpoint(Integer id, String name, Integer type, @JsonbProperty("URL") String url, Integer groupId,
                    Integer status, String edgeID, Integer edgeCheckinInterval, Long lastCheckInDate,
                    Boolean heartbeat, Edge edge, Agent agent, List<Snapshot> snapshots, List<Integer> tagIds) {
    }

    /** An item of /api/tags (its id key is "ID") or /api/endpoint_groups ("Id"): an id and a name. */
    public record Named(Integer id, String name) {
    }

    public record Edge(Boolean asyncMode) {
    }

    public record Agent(String version) {
    }

    public record Snapshot(Long time, SnapshotRaw dockerSnapshotRaw) {
    }

    public record SnapshotRaw(List<Container> containers, List<Image> images, List<Network> networks, Info info) {
    }

    /** Docker's GET /info (and DockerSnapshotRaw.Info): only what says what the host is. */
    public record Info(String operatingSystem, @JsonbProperty("OSType") String osType, String architecture,
                       String kernelVersion, String serverVersion, @JsonbProperty("NCPU") Integer ncpu,
                       Long memTotal) {
    }

    public record Container(String id, List<String> names, String image, String imageID, String state, String status,
                     Long created, List<Port> ports, Map<String, String> labels, NetworkSettings networkSettings) {
    }

    public record Port(@JsonbProperty("IP") String ip, Integer privatePort, Integer publicPort, String type) {
    }

    public record NetworkSettings(Map<String, Object> networks) {
    }

    public record Image(String id, List<String> repoTags, Long size, Long created) {
    }

    public record Network(String id, String name, String driver, String scope) {
    }

    public record Stack(Integer id, String name, Integer type, Integer endpointId, Integer status, Long creationDate,
                        Long updateDate) {
    }

    public record Status(String version, String instanceID) {
    }

    /** /api/stacks/{id}/images_status: Status is one word (outdated, updated, processing, ...), Message says why. */
    public record ImagesStatus(String status, String message) {
    }

    /** containers/{id}/stats?stream=false: snake_case keys, hence explicit names. */
    public record Stats(@JsonbProperty("read") String read,
                        @JsonbProperty("cpu_stats") CpuStats cpuStats,
                        @JsonbProperty("precpu_stats") CpuStats precpuStats,
                        @JsonbProperty("memory_stats") MemoryStats memoryStats,
                        @JsonbProperty("networks") Map<String, NetStats> networks,
                        @JsonbProperty("blkio_stats") BlkioStats blkioStats) {
    }

    public record CpuStats(@JsonbProperty("cpu_usage") CpuUsage cpuUsage,
                           @JsonbProperty("system_cpu_usage") java.math.BigDecimal systemCpuUsage,
                           @JsonbProperty("online_cpus") Integer onlineCpus) {
    }

    public record CpuUsage(@JsonbProperty("total_usage") java.math.BigDecimal totalUsage,
                           @JsonbProperty("percpu_usage") List<java.math.BigDecimal> percpuUsage) {
    }

    /** stats: cgroup keys (v1 total_inactive_file, v2 inactive_file, ...); any number, so BigDecimal. */
    public record MemoryStats(@JsonbProperty("usage") java.math.BigDecimal usage,
                              @JsonbProperty("limit") java.math.BigDecimal limit,
                              @JsonbProperty("stats") Map<String, java.math.BigDecimal> stats) {
    }

    public record NetStats(@JsonbProperty("rx_bytes") java.math.BigDecimal rxBytes,
                           @JsonbProperty("tx_bytes") java.math.BigDecimal txBytes) {
    }

    public record BlkioStats(@JsonbProperty("io_service_bytes_recursive") List<BlkioEntry> ioServiceBytesRecursive) {
    }

    public record BlkioEntry(@JsonbProperty("op") String op, @JsonbProperty("value") java.math.BigDecimal value) {
    }
}

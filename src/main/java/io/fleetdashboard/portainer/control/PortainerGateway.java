package io.fleetdashboard.portainer.control;

import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import io.fleetdashboard.portainer.control.wire.InspectWire;
import io.fleetdashboard.portainer.control.wire.LogSourceWire;
import io.fleetdashboard.portainer.control.wire.Wire;
import io.fleetdashboard.portainer.entity.BackupArchive;
import io.fleetdashboard.portainer.entity.Circuit;
import io.fleetdashboard.portainer.entity.ConnectionProbe;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerAction;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ContainerLogSource;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.ListAnswer;
import io.fleetdashboard.portainer.entity.LogQuery;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.PortainerStatus;
import io.fleetdashboard.portainer.entity.ImageFreshness;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StackImagesStatus;
import io.fleetdashboard.portainer.entity.StatsReading;
import io.fleetdashboard.portainer.entity.HostInfo;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way into Portainer: translates wire JSON into our records and throws
 * {@link io.fleetdashboard.portainer.entity.PortainerException} for every failure. Blocking calls; callers fan out.
 * <p>
 * Each HTTP request goes: per-environment {@link EnvironmentGuard} (breaker + bulkhead) → {@link PortainerCalls}
 * (MP FT timeout tier + retry of transient failures) → the environment's pooled client from
 * {@link PortainerClients} → status check, streaming parse of lists ({@link WireLists}; JSON-B for the small answers),
 * {@link Translation}. Metrics: {@link PortainerMetrics}.
 */
@ApplicationScoped
public class PortainerGateway {

    private static final Logger LOG = Logger.getLogger(PortainerGateway.class.getName());
    private static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    PortainerClients clients;

    @Inject
    PortainerCalls calls;

    @Inject
    PortainerMetrics metrics;

    @Inject
    @ConfigProperty(name = "portainer.page.size", defaultValue = "100")
    int pageSize;

    /**
     * Calls allowed in flight per environment before new ones are rejected. Larger than the collector's fan-out
     * limit (portainer.max.concurrency), so its own stacks call and a user's request during a refresh still pass;
     * the connection pool (max.concurrency per route) queues what exceeds it.
     */
    @Inject
    @ConfigProperty(name = "portainer.bulkhead.size", defaultValue = "32")
    int bulkheadSize;

    /** The largest answer read; a larger one is cut off and reported as malformed (never buffered whole). */
    @Inject
    @ConfigProperty(name = "portainer.max.response.bytes", defaultValue = "67108864")
    int maxResponseBytes = 64 << 20;

    /** Interactive calls (a user waiting) in flight per environment: their own bulkhead, beside the refresh's. */
    @Inject
    @ConfigProperty(name = "portainer.interactive.bulkhead.size", defaultValue = "4")
    int interactiveBulkheadSize = 4;

    @Inject
    @ConfigProperty(name = "portainer.breaker.failure.threshold", defaultValue = "5")
    int failureThreshold;

    @Inject
    @ConfigProperty(name = "portainer.breaker.open.seconds", defaultValue = "30")
    int openSeconds;

    private final Map<String, EnvironmentGuard> guards = new ConcurrentHashMap<>();

    /** Runs connection tests, so the request thread waits at most their deadline. */
    @Resource
    ManagedExecutorService probeExecutor;

    /** Logs the effective FT timeouts once, as MP Config (and therefore FT) resolves them. */
    @PostConstruct
    void logTimeouts() {
        Config config = ConfigProvider.getConfig();
        String prefix = PortainerCalls.class.getName() + "/";
        LOG.info(() -> "Portainer timeouts (ms): list " + config.getOptionalValue(prefix + "list/Timeout/value",
                String.class).orElse("15000 (annotation)") + ", docker " + config.getOptionalValue(
                prefix + "docker/Timeout/value", String.class).orElse("20000 (annotation)"));
    }

    /** Every endpoint, all pages (1-based start, X-Total-Count), without snapshots. */
    public List<Endpoint> endpoints(EnvironmentConnection environment) {
        return Pages.readAll(pageSize, (start, limit) -> request(environment, Route.ENDPOINTS,
                api -> api.endpoints(start, limit, true),
                (response, body) -> new Pages.Page<>(
                        translated(environment, Route.ENDPOINTS, WireLists.endpoints(body), Translation::endpoint)
                                .items(),
                        totalCount(response))), Endpoint::id);
    }

    /** containers/json?all=1 of one endpoint. */
    public List<Container> containers(EnvironmentConnection environment, int endpointId) {
        return readContainers(environment, endpointId).items();
    }

    /** containers/json?all=1 of one endpoint, with the number of items skipped as unreadable. */
    public ListAnswer<Container> readContainers(EnvironmentConnection environment, int endpointId) {
        return request(environment, Route.CONTAINERS, api -> api.containers(endpointId, 1),
                (response, body) -> translated(environment, Route.CONTAINERS, WireLists.containers(body),
                        Translation::container));
    }

    public List<Image> images(EnvironmentConnection environment, int endpointId) {
        return readImages(environment, endpointId).items();
    }

    public ListAnswer<Image> readImages(EnvironmentConnection environment, int endpointId) {
        return request(environment, Route.IMAGES, api -> api.images(endpointId),
                (response, body) -> translated(environment, Route.IMAGES, WireLists.images(body),
                        Translation::image));
    }

    public List<Network> networks(EnvironmentConnection environment, int endpointId) {
        return readNetworks(environment, endpointId).items();
    }

    public ListAnswer<Network> readNetworks(EnvironmentConnection environment, int endpointId) {
        return request(environment, Route.NETWORKS, api -> api.networks(endpointId),
                (response, body) -> translated(environment, Route.NETWORKS, WireLists.networks(body),
                        Translation::network));
    }

    /** Docker's /info of one endpoint as host facts, true now. */
    public HostInfo hostInfo(EnvironmentConnection environment, int endpointId) {
        return request(environment, Route.HOST_INFO, api -> api.info(endpointId),
                (response, body) -> Translation.hostInfo(WireLists.info(body), Instant.now()));
    }

    /** Every stack of the server in one call (/api/stacks has no pagination); callers group by endpointId. */
    public List<Stack> stacks(EnvironmentConnection environment) {
        return request(environment, Route.STACKS, PortainerApi::stacks,
                (response, body) -> translated(environment, Route.STACKS, WireLists.stacks(body),
                        Translation::stack)).items();
    }

    /**
     * Whether a managed stack's images are outdated (/api/stacks/{id}/images_status). Portainer's Community Edition has
     * no such route: its 404 arrives as a PortainerException of kind NOT_FOUND, as does a stack that is gone.
     */
    public StackImagesStatus stackImagesStatus(EnvironmentConnection environment, int stackId) {
        return request(environment, Route.STACK_IMAGES_STATUS, api -> api.stackImagesStatus(stackId),
                (response, body) -> {
                    Wire.ImagesStatus status = WireJson.parse(text(body), Wire.ImagesStatus.class);
                    return new StackImagesStatus(ImageFreshness.of(status.status()),
                            status.message() == null ? "" : status.message());
                });
    }

    /** The names of the server's tags by id (/api/tags). */
    public Map<Integer, String> tagNames(EnvironmentConnection environment) {
        return names(request(environment, Route.TAGS, PortainerApi::tags,
                (response, body) -> translated(environment, Route.TAGS, WireLists.tags(body), named -> named))
                .items());
    }

    /** The names of the server's endpoint groups by id (/api/endpoint_groups). */
    public Map<Integer, String> groupNames(EnvironmentConnection environment) {
        return names(request(environment, Route.GROUPS, PortainerApi::endpointGroups,
                (response, body) -> translated(environment, Route.GROUPS, WireLists.endpointGroups(body),
                        named -> named)).items());
    }

    private static Map<Integer, String> names(List<Wire.Named> items) {
        Map<Integer, String> names = new java.util.HashMap<>();
        items.forEach(item -> names.put(item.id(), item.name() == null ? "#" + item.id() : item.name()));
        return Map.copyOf(names);
    }

    /** Portainer's stored snapshot of an endpoint, for async edge endpoints; empty when it has none. */
    public Optional<StoredSnapshot> storedSnapshot(EnvironmentConnection environment, int endpointId) {
        return request(environment, Route.ENDPOINT, api -> api.endpoint(endpointId), (response, body) -> {
            WireLists.Read<Wire.Endpoint> read = WireLists.endpoint(body);
            metrics.skipped(environment.name(), Route.ENDPOINT, read.skipped());
            return Translation.storedSnapshot(read.items().get(0), read.skipped());
        });
    }

    /**
     * One stats sample, containers/{id}/stats?stream=false (1-2 s on a real Docker: it waits for precpu_stats).
     * A stopped container answers an almost empty object: {@link StatsReading#empty()} is then true.
     */
    public StatsReading stats(EnvironmentConnection environment, int endpointId, String containerId) {
        return request(environment, Route.STATS, api -> api.stats(endpointId, containerId, false),
                (response, body) -> Translation.stats(WireJson.parse(text(body), Wire.Stats.class)));
    }

    /**
     * Docker's inspect of one container (containers/{id}/json) for a user waiting: interactive bulkhead, the short
     * interactive deadline, no retry. NOT_FOUND when the container is gone.
     */
    public ContainerInspection inspect(EnvironmentConnection environment, int endpointId, String containerId) {
        return request(environment, Route.INSPECT, api -> api.container(endpointId, containerId),
                (response, body) -> InspectTranslation.inspection(WireJson.parse(text(body), InspectWire.Inspect.class)));
    }

    /**
     * Docker's inspect of one container for the collector (restart counts and OOM kills of containers in trouble):
     * the refresh's bulkhead and Docker deadline, so it never takes a permit a user waits for.
     */
    public ContainerInspection inspectInBackground(EnvironmentConnection environment, int endpointId,
                                                   String containerId) {
        return request(environment, Route.TROUBLE_INSPECT, api -> api.container(endpointId, containerId),
                (response, body) -> InspectTranslation.inspection(WireJson.parse(text(body), InspectWire.Inspect.class)));
    }

    /** As {@link #stats}, for a user waiting (the details page): interactive bulkhead and deadline. */
    public StatsReading liveStats(EnvironmentConnection environment, int endpointId, String containerId) {
        return request(environment, Route.LIVE_STATS, api -> api.stats(endpointId, containerId, false),
                (response, body) -> Translation.stats(WireJson.parse(text(body), Wire.Stats.class)));
    }

    /**
     * POST containers/{id}/{start|stop|restart|kill}: never retried (not idempotent). True when Docker did it
     * (204), false when there was nothing to do (304: already started or stopped). NOT_FOUND for a container that
     * is gone, CONFLICT when its state does not allow it (kill of a stopped container).
     */
    public boolean containerAction(EnvironmentConnection environment, int endpointId, String containerId,
                                   ContainerAction action) {
        return request(environment, Route.CONTAINER_ACTION,
                api -> api.containerAction(endpointId, containerId, action.dockerName(), null),
                (response, body) -> response.getStatus() != 304);
    }

    /**
     * What reading a container's logs depends on (Config.Tty, State.Status, HostConfig.LogConfig.Type), for a user
     * waiting: interactive bulkhead and deadline. NOT_FOUND when the container is gone.
     */
    public ContainerLogSource logSource(EnvironmentConnection environment, int endpointId, String containerId) {
        return request(environment, Route.LOG_SOURCE, api -> api.container(endpointId, containerId),
                (response, body) -> Translation.logSource(WireJson.parse(text(body), LogSourceWire.class)));
    }

    /** Reads a log body as it arrives; an IOException it throws is its own (the gateway's come as PortainerException). */
    @FunctionalInterface
    public interface LogBodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Streams containers/{id}/logs into {@code reader}, never buffering the body. The request and Docker's status
     * pass the interactive bulkhead, breaker and deadline; the body is read afterwards, each read bounded by the
     * client's read timeout, with the permit already returned (a long read never blocks the details pages). Errors
     * before the body: typed PortainerExceptions (NOT_FOUND, CONFLICT for a dead container, NOT_SUPPORTED for log
     * driver none, TIMEOUT …); a failed read of the body: a PortainerException thrown out of the reader's reads.
     */
    public <T> T logs(EnvironmentConnection environment, int endpointId, String containerId, LogQuery query,
                      LogBodyReader<T> reader) throws IOException {
        AtomicReference<Response> opened = new AtomicReference<>();
        Response response;
        try {
            response = guarded(environment, Route.LOGS, api -> open(environment, Route.LOGS, () -> {
                Response r = api.logs(endpointId, containerId, query.stdout() ? 1 : 0, query.stderr() ? 1 : 0,
                        query.dockerTail(), query.dockerSince(), query.timestamps() ? 1 : 0);
                opened.set(r);
                return r;
            }));
        } catch (RuntimeException e) {
            // a deadline that passed after the answer arrived: nobody will read it
            Response late = opened.get();
            if (late != null) {
                late.close();
            }
            throw e;
        }
        String where = "Portainer '" + environment.name() + "' " + Route.LOGS.tag();
        try (response; InputStream body = translatingFailures(environment.name(), Route.LOGS, response.hasEntity()
                ? response.readEntity(InputStream.class) : InputStream.nullInputStream())) {
            return reader.read(body);
        } catch (PortainerException e) {
            metrics.error(environment.name(), e.kind());
            LOG.fine(() -> where + ": " + e.getMessage());
            throw e;
        }
    }

    /** Version and instance id: a cheap connectivity and key check (e.g. "test connection" in the settings). */
    public PortainerStatus status(EnvironmentConnection environment) {
        return request(environment, Route.STATUS, PortainerApi::status,
                (response, body) -> Translation.status(WireJson.parse(text(body), Wire.Status.class)));
    }

    /** Writes a backup archive as it arrives; an IOException it throws is its own (e.g. the disk is full). */
    @FunctionalInterface
    public interface BackupWriter {
        long write(InputStream archive) throws IOException;
    }

    /**
     * POST /api/backup with {"password": …} (or {} without one), the archive streamed into {@code writer}, never
     * buffered. Status and headers pass the interactive bulkhead and the write deadline (never retried); the body is
     * read afterwards, each read bounded by the client's read timeout. Errors: typed PortainerExceptions (a
     * non-admin key is 401 here, portainer-api.md §7), also out of the writer's reads.
     */
    public BackupArchive backup(EnvironmentConnection environment, String password, BackupWriter writer)
            throws IOException {
        String json = password == null || password.isEmpty() ? "{}"
                : jakarta.json.Json.createObjectBuilder().add("password", password).build().toString();
        AtomicReference<Response> opened = new AtomicReference<>();
        Response response;
        try {
            response = guarded(environment, Route.BACKUP, api -> open(environment, Route.BACKUP, () -> {
                Response r = api.backup(json);
                opened.set(r);
                return r;
            }));
        } catch (RuntimeException e) {
            Response late = opened.get();
            if (late != null) {
                late.close();
            }
            throw e;
        }
        String fallback = "portainer-backup_" + environment.name() + ".tar.gz";
        String fileName = ContentDisposition.fileName(response.getHeaderString("Content-Disposition"), fallback);
        String contentType = response.getHeaderString("Content-Type");
        try (response; InputStream body = translatingFailures(environment.name(), Route.BACKUP, response.hasEntity()
                ? response.readEntity(InputStream.class) : InputStream.nullInputStream())) {
            long bytes = writer.write(body);
            return new BackupArchive(fileName, contentType, bytes);
        } catch (PortainerException e) {
            metrics.error(environment.name(), e.kind());
            throw e;
        }
    }

    /**
     * Tests a connection, saved or not, with a client of its own (no pool, breaker or bulkhead of the environment
     * touched): GET /api/system/status for the version and latency (public in Portainer, so it proves the address and
     * TLS), then one page of GET /api/endpoints for the count (it proves the key). Bounded by {@code deadline} as a
     * whole; every failure is explained (DNS, refused, TLS, CA bundle, 401, 403, timeout …), never thrown.
     */
    public ConnectionProbe probe(EnvironmentConnection environment, Duration deadline) {
        long started = System.nanoTime();
        int seconds = (int) Math.max(1, deadline.toSeconds());
        CompletableFuture<ConnectionProbe> run = CompletableFuture.supplyAsync(
                () -> probeNow(environment, seconds, started), probeExecutor());
        try {
            return run.get(seconds + 1L, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            run.cancel(true);
            return failedProbe(environment, "timeout", started, seconds, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failedProbe(environment, "timeout", started, seconds, null);
        } catch (ExecutionException e) {
            return failedProbe(environment, PortainerErrors.reason(e.getCause()), started, seconds, e.getCause());
        }
    }

    private java.util.concurrent.Executor probeExecutor() {
        return probeExecutor != null ? probeExecutor : Runnable::run;
    }

    private ConnectionProbe probeNow(EnvironmentConnection environment, int seconds, long started) {
        PortainerApi api;
        try {
            api = clients.probeClient(environment, Math.min(seconds, clients.connectTimeoutSeconds(environment)),
                    seconds);
        } catch (IllegalArgumentException badBundle) {
            return failedProbe(environment, "ca_bundle", started, seconds, badBundle);
        }
        try (api) {
            PortainerStatus status;
            long latency;
            try (Response response = api.status()) {
                latency = (System.nanoTime() - started) / 1_000_000;
                if (response.getStatus() >= 300) {
                    throw PortainerErrors.fromStatus(environment.name(), Route.STATUS, response.getStatus(),
                            CappedBody.read(response, 64 << 10, "status"));
                }
                status = Translation.status(WireJson.parse(response.readEntity(String.class), Wire.Status.class));
            }
            int endpoints;
            try (Response response = api.endpoints(1, 1, true)) {
                if (response.getStatus() >= 300) {
                    throw PortainerErrors.fromStatus(environment.name(), Route.ENDPOINTS, response.getStatus(),
                            CappedBody.read(response, 64 << 10, "endpoints"));
                }
                Integer total = totalCount(response);
                if (total == null) {
                    try (Response all = api.endpoints(1, 0, true);
                         InputStream body = CappedBody.stream(all, maxResponseBytes, "endpoints")) {
                        endpoints = WireLists.endpoints(body).items().size();
                    }
                } else {
                    endpoints = total;
                }
            }
            return new ConnectionProbe(true, status.version(), status.instanceId(), endpoints, latency, null,
                    "Connected to Portainer " + status.version() + " in " + latency + " ms; the key sees "
                            + endpoints + " endpoint(s).");
        } catch (RuntimeException e) {
            return failedProbe(environment, PortainerErrors.reason(e), started, seconds, e);
        } catch (Exception closing) {
            return failedProbe(environment, "unavailable", started, seconds, closing);
        }
    }

    private static ConnectionProbe failedProbe(EnvironmentConnection environment, String reason, long started,
                                               int seconds, Throwable cause) {
        long took = (System.nanoTime() - started) / 1_000_000;
        LOG.fine(() -> "Connection test of " + environment.name() + " failed: " + reason + " (" + cause + ")");
        return new ConnectionProbe(false, null, null, null, took, reason,
                PortainerErrors.explain(reason, environment.apiUrl().getHost(), seconds));
    }

    /** A changed or removed environment starts afresh: its breaker and bulkheads are dropped. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnvironmentsChanged change) {
        guards.remove(change.name());
    }

    /** The breaker of an environment as it stands now, for pages and the API (closed when never called). */
    public Circuit circuit(String environment) {
        EnvironmentGuard guard = guards.get(environment);
        if (guard == null) {
            return new Circuit(environment, Circuit.CLOSED, 0, failureThreshold, null);
        }
        EnvironmentGuard.Reading reading = guard.reading();
        return switch (reading.state()) {
            case OPEN -> new Circuit(environment, Circuit.OPEN, 0, failureThreshold,
                    Instant.now().plusNanos(reading.nanosUntilTrial()));
            case HALF_OPEN -> new Circuit(environment, Circuit.HALF_OPEN, 0, failureThreshold, null);
            case CLOSED -> new Circuit(environment, Circuit.CLOSED, reading.failuresInARow(), failureThreshold, null);
        };
    }

    /** The breaker state of an environment, for health views. */
    public EnvironmentGuard.State breakerState(String environment) {
        EnvironmentGuard guard = guards.get(environment);
        return guard == null ? EnvironmentGuard.State.CLOSED : guard.state();
    }

    private <T> T request(EnvironmentConnection environment, Route route, Function<PortainerApi, Response> send,
                          BiFunction<Response, InputStream, T> parse) {
        return guarded(environment, route, api -> exchange(environment, route, api, send, parse));
    }

    /** One call through the environment's guard (breaker, bulkhead) and the route's FT tier. */
    private <T> T guarded(EnvironmentConnection environment, Route route, Function<PortainerApi, T> call) {
        EnvironmentGuard guard = guards.computeIfAbsent(environment.name(), name -> new EnvironmentGuard(name,
                bulkheadSize, interactiveBulkheadSize, failureThreshold, Duration.ofSeconds(openSeconds), System::nanoTime));
        boolean trial;
        try {
            trial = guard.enter(route.interactive());
        } catch (PortainerException rejected) {
            metrics.error(environment.name(), rejected.kind());
            throw rejected;
        }
        ErrorKind failure = null;
        try {
            PortainerApi api = clients.client(environment);
            Supplier<T> attempt = () -> call.apply(api);
            return switch (route.tier()) {
                case LIST -> calls.list(attempt);
                case DOCKER -> calls.docker(attempt);
                case INTERACTIVE -> calls.interactive(attempt);
                case WRITE -> calls.write(attempt);
            };
        } catch (RuntimeException e) {
            PortainerException classified = PortainerErrors.fromThrowable(environment.name(), route, e);
            failure = classified.kind();
            metrics.error(environment.name(), failure);
            throw classified;
        } finally {
            guard.leave(trial, EnvironmentGuard.outcome(route, failure), route.interactive());
        }
    }

    /** One HTTP request: send, check the status, parse; every failure leaves as a PortainerException. */
    private <T> T exchange(EnvironmentConnection environment, Route route, PortainerApi api,
                           Function<PortainerApi, Response> send, BiFunction<Response, InputStream, T> parse) {
        metrics.sent(environment.name());
        long started = System.nanoTime();
        try (Response response = send.apply(api)) {
            String where = "Portainer '" + environment.name() + "' " + route.tag();
            if (response.getStatus() >= 300 && !(route == Route.CONTAINER_ACTION && response.getStatus() == 304)) {
                throw PortainerErrors.fromStatus(environment.name(), route, response.getStatus(),
                        CappedBody.read(response, maxResponseBytes, where));
            }
            // parsed as it arrives, never more than the cap (a larger answer is cut off: malformed)
            try (InputStream body = CappedBody.stream(response, maxResponseBytes, where)) {
                return parse.apply(response, body);
            }
        } catch (IOException e) {
            throw PortainerErrors.fromThrowable(environment.name(), route, e);
        } catch (WebApplicationException e) {
            // only if the default exception mapper was not disabled after all
            throw PortainerErrors.fromStatus(environment.name(), route, e.getResponse().getStatus(), body(e));
        } catch (RuntimeException e) {
            throw PortainerErrors.fromThrowable(environment.name(), route, e);
        } finally {
            metrics.latency(environment.name(), route, System.nanoTime() - started);
        }
    }

    /** Sends a streaming request and checks the status; the open answer is the caller's to read and close. */
    private Response open(EnvironmentConnection environment, Route route, Supplier<Response> send) {
        metrics.sent(environment.name());
        long started = System.nanoTime();
        Response response = null;
        try {
            response = send.get();
            if (response.getStatus() >= 300) {
                String where = "Portainer '" + environment.name() + "' " + route.tag();
                throw PortainerErrors.fromStatus(environment.name(), route, response.getStatus(),
                        CappedBody.read(response, 64 << 10, where));
            }
            return response;
        } catch (RuntimeException e) {
            if (response != null) {
                response.close();
            }
            throw PortainerErrors.fromThrowable(environment.name(), route, e);
        } finally {
            metrics.latency(environment.name(), route, System.nanoTime() - started);
        }
    }

    /** A body whose read failures leave as PortainerExceptions (TIMEOUT, MALFORMED when cut short, UNAVAILABLE). */
    private static InputStream translatingFailures(String environment, Route route, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException | RuntimeException e) {
                    throw PortainerErrors.fromThrowable(environment, route, e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException | RuntimeException e) {
                    throw PortainerErrors.fromThrowable(environment, route, e);
                }
            }
        };
    }

    /** Translated items; the skipped ones counted in the metrics and logged. */
    private <W, T> ListAnswer<T> translated(EnvironmentConnection environment, Route route, WireLists.Read<W> read,
                                            Function<W, T> translate) {
        if (read.skipped() > 0) {
            metrics.skipped(environment.name(), route, read.skipped());
            LOG.warning(() -> "Portainer '" + environment.name() + "' " + route.tag() + ": " + read.skipped()
                    + " unreadable item(s) skipped");
        }
        return new ListAnswer<>(Translation.map(read.items(), translate), read.skipped());
    }

    /** A small answer (stats, status) as text for JSON-B. */
    private String text(InputStream body) {
        try {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer totalCount(Response response) {
        String header = response.getHeaderString(TOTAL_COUNT);
        try {
            return header == null ? null : Integer.valueOf(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String body(WebApplicationException e) {
        try {
            return e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}

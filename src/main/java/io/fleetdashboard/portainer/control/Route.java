package io.fleetdashboard.portainer.control;

import java.util.Locale;

/**
 * The route classes the gateway calls, as used in metric tags, timeout tiers and the circuit breaker: failures of
 * Portainer's own routes count against the server; Docker proxy failures are usually one agent's and do not.
 */
enum Route {
    ENDPOINTS(Tier.LIST, true), ENDPOINT(Tier.LIST, true), STACKS(Tier.LIST, true), STATUS(Tier.LIST, true),
    /** The names of endpoint groups and tags. */
    TAGS(Tier.LIST, true), GROUPS(Tier.LIST, true),
    CONTAINERS(Tier.DOCKER, false), IMAGES(Tier.DOCKER, false), NETWORKS(Tier.DOCKER, false),
    STATS(Tier.DOCKER, false),
    /** Docker's /info of an endpoint, read by the collector when its host facts are old. */
    HOST_INFO(Tier.DOCKER, false),
    /** The collector's inspect of containers in trouble after a refresh: nobody waits, the refresh's bulkhead. */
    TROUBLE_INSPECT(Tier.DOCKER, false),
    /** A user waits: container details (inspect and a live stats sample). */
    INSPECT(Tier.INTERACTIVE, false), LIVE_STATS(Tier.INTERACTIVE, false),
    /**
     * Container logs for a user waiting: the inspect facts they need (TTY, state, log driver) and the start of the
     * stream (status and headers) within the interactive deadline; the body is read afterwards, bounded per read.
     */
    LOG_SOURCE(Tier.INTERACTIVE, false), LOGS(Tier.INTERACTIVE, false),
    /** start, stop, restart, kill: not idempotent, never retried. */
    CONTAINER_ACTION(Tier.WRITE, false),
    /**
     * POST /api/backup: the answer's status and headers within the write deadline, never retried; the archive is
     * read afterwards. Its failures do not pause the collection (not server-level for the breaker).
     */
    BACKUP(Tier.WRITE, false),
    /**
     * GET /api/stacks/{id}/images_status between refreshes (the monitoring round): best effort, its failures never
     * judge the server (Portainer asks the registries for it, which may be slow; see docs/portainer.md).
     */
    STACK_IMAGES_STATUS(Tier.DOCKER, false);

    enum Tier { LIST, DOCKER, INTERACTIVE, WRITE }

    private final Tier tier;
    private final boolean serverLevel;

    Route(Tier tier, boolean serverLevel) {
        this.tier = tier;
        this.serverLevel = serverLevel;
    }

    Tier tier() {
        return tier;
    }

    boolean serverLevel() {
        return serverLevel;
    }

    /**
     * A user waits for it (the connection test, container details and actions): it takes a permit of the
     * interactive bulkhead, not the refresh's.
     */
    boolean interactive() {
        return this == STATUS || tier == Tier.INTERACTIVE || tier == Tier.WRITE;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

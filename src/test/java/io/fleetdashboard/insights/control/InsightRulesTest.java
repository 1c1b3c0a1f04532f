package io.fleetdashboard.insights.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static io.fleetdashboard.fleet.Fixtures.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.containers.entity.PostureFinding;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.insights.entity.Condition;
import io.fleetdashboard.insights.entity.ContainerPosture;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import io.fleetdashboard.insights.entity.StackImageCheck;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.ImageFreshness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InsightRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static Container unhealthy(String id) {
        return new Container(id, "c-" + id, "nginx", "sha256:" + id, ContainerState.RUNNING, "Up 1 hour (unhealthy)",
                ContainerHealth.UNHEALTHY, null, NOW, List.of(), "shop", "web", List.of());
    }

    private static Container exited(String id, int code) {
        return new Container(id, "c-" + id, "nginx", "sha256:" + id, ContainerState.EXITED,
                "Exited (" + code + ") 2 minutes ago", ContainerHealth.NONE, code, NOW, List.of(), null, null,
                List.of());
    }

    private static FleetSnapshot fleet(Map<String, InspectionFacts> facts) {
        var up = new EndpointHarvest(agent(1, true), DataSource.LIVE, NOW, NOW, false, List.of(
                container("loop", ContainerState.RESTARTING, "Restarting (1) 3 seconds ago", null),
                unhealthy("sick"), exited("failed", 1), exited("clean", 0), exited("oom", 137),
                container("fine", ContainerState.RUNNING, "Up 1 hour", null)), List.of(), List.of(), null, 1, 2);
        var down = new EndpointHarvest(agent(2, false), DataSource.PREVIOUS, NOW, NOW, false, List.of(),
                List.of(), List.of(), null, 1);
        return FleetSnapshot.assemble(NOW, 1, false, List.of(new EnvironmentHarvest("prod", "Prod", false,
                List.of(up, down), List.of(), null, null, NOW, NOW, 1)), facts);
    }

    private static Map<String, Condition> byKey(List<Condition> conditions) {
        return conditions.stream().collect(Collectors.toMap(Condition::key, c -> c));
    }

    @Test
    void everyKindOfTroubleIsOneConditionKeyedByKindAndSubject() {
        var facts = Map.of("prod:1:loop", new InspectionFacts(7, false, 1, NOW),
                "prod:1:oom", new InspectionFacts(2, true, 137, NOW));
        Map<String, Condition> found = byKey(InsightRules.of(fleet(facts), List.of(), List.of(), List.of(),
                Exclusions.NONE, InsightRules.Thresholds.DEFAULT));

        assertEquals(Set.of("crash_loop:prod:1:loop", "unhealthy:prod:1:sick", "exited_non_zero:prod:1:failed",
                "oom_killed:prod:1:oom", "endpoint_offline:prod:2"), found.keySet(), "not the clean exit");
        Condition loop = found.get("crash_loop:prod:1:loop");
        assertEquals(InsightSeverity.CRITICAL, loop.severity());
        assertEquals(InsightCategory.AVAILABILITY, loop.category());
        assertEquals(7.0, loop.value(), "the restart count from inspect");
        assertEquals(List.of("prod:1:loop"), loop.resources());
        assertEquals(InsightCategory.RESOURCE, found.get("oom_killed:prod:1:oom").category());
    }

    @Test
    void theSameFleetGivesTheSameKeysAndARestartCountThatGrowsOnlyChangesTheValue() {
        var first = byKey(InsightRules.of(fleet(Map.of("prod:1:loop", new InspectionFacts(7, false, 1, NOW))),
                List.of(), List.of(), List.of(), Exclusions.NONE, InsightRules.Thresholds.DEFAULT));
        var later = byKey(InsightRules.of(fleet(Map.of("prod:1:loop", new InspectionFacts(9, false, 1, NOW))),
                List.of(), List.of(), List.of(), Exclusions.NONE, InsightRules.Thresholds.DEFAULT));
        assertEquals(first.keySet(), later.keySet());
        assertEquals(9.0, later.get("crash_loop:prod:1:loop").value());
    }

    @Test
    void excludedEndpointsStacksAndContainersGiveNoConditions() {
        var all = InsightRules.of(fleet(Map.of()), List.of(), List.of(), List.of(),
                Exclusions.of("", "SHOP", "c-lo*"), InsightRules.Thresholds.DEFAULT);
        Set<String> keys = all.stream().map(Condition::key).collect(Collectors.toSet());
        assertTrue(!keys.contains("crash_loop:prod:1:loop"), "c-lo* is a glob on the name: " + keys);
        assertTrue(!keys.contains("unhealthy:prod:1:sick"), "stack shop, case-insensitive: " + keys);
        assertTrue(keys.contains("exited_non_zero:prod:1:failed"), keys.toString());

        var withoutEndpoint = InsightRules.of(fleet(Map.of()), List.of(), List.of(), List.of(),
                Exclusions.of("agent-", "", ""), InsightRules.Thresholds.DEFAULT);
        assertEquals(List.of(), withoutEndpoint, "a substring of every endpoint's name leaves nothing");
    }

    @Test
    void aContainerThatCanTakeOverItsHostIsASecurityConditionAndNearItsMemoryLimitAResourceOne() {
        var privileged = new ContainerPosture("prod:1:fine", "c-fine", "prod:1", "agent-1", null, "nginx", 13,
                List.of(new PostureFinding(PostureFinding.Severity.CRITICAL, "privileged", "Privileged", "root."),
                        new PostureFinding(PostureFinding.Severity.WARNING, "root_user", "Runs as root", "")), NOW);
        var harmless = new ContainerPosture("prod:1:sick", "c-sick", "prod:1", "agent-1", "shop", "nginx", 1,
                List.of(new PostureFinding(PostureFinding.Severity.INFO, "latest_tag", "Image by :latest", "")), NOW);
        var full = new Sample("prod:1:fine", "c-fine", "prod:1", "agent-1", NOW, 5.0, 980L << 20, 98.0, 1000L << 20,
                null, null, null, null);
        var unlimited = new Sample("prod:1:sick", "c-sick", "prod:1", "agent-1", NOW, 5.0, 980L << 20, 99.0, 0L,
                null, null, null, null);
        Map<String, Condition> found = byKey(InsightRules.of(fleet(Map.of()), List.of(privileged, harmless),
                List.of(), List.of(full, unlimited), Exclusions.NONE, InsightRules.Thresholds.DEFAULT));

        Condition security = found.get("posture_critical:prod:1:fine");
        assertEquals(InsightCategory.SECURITY, security.category());
        assertTrue(security.title().contains("Privileged"), security.title());
        assertTrue(!found.containsKey("posture_critical:prod:1:sick"));
        assertEquals(InsightSeverity.CRITICAL, found.get("memory_saturation:prod:1:fine").severity());
        assertTrue(!found.containsKey("memory_saturation:prod:1:sick"), "no limit: nothing to saturate");
    }

    static StackImageCheck check(String stack, ImageFreshness freshness, boolean unsupported) {
        return new StackImageCheck("prod:1:" + stack, "prod", "prod:1", "edge-1", stack, freshness, unsupported, "",
                NOW);
    }

    @Test
    void onlyStacksPortainerCallsOutdatedAreAnImageConditionNotThoseItCannotTellAbout() {
        List<StackImageCheck> checks = List.of(check("shop", ImageFreshness.OUTDATED, false),
                check("blog", ImageFreshness.UPDATED, false), check("wiki", ImageFreshness.CHECKING, false),
                check("mail", null, true), check("chat", null, false), check("ci", ImageFreshness.FAILED, false));
        List<Condition> found = InsightRules.outdatedImages(checks, Exclusions.NONE);
        assertEquals(1, found.size(), found.toString());
        Condition shop = found.get(0);
        assertEquals("outdated_images:prod:1:shop", shop.key());
        assertEquals(InsightCategory.IMAGE, shop.category());
        assertEquals(InsightSeverity.INFO, shop.severity());
        assertEquals(List.of("prod:1:shop"), shop.resources());
        assertTrue(InsightRules.outdatedImages(checks, Exclusions.of("", "sho*", "")).isEmpty(),
                "an excluded stack gives no condition");
        assertTrue(InsightRules.outdatedImages(checks, Exclusions.of("edge-1", "", "")).isEmpty(),
                "nor one on an excluded endpoint");
    }

    @Test
    void portainersStatusWordsMapToWhatTheyMean() {
        assertEquals(ImageFreshness.OUTDATED, ImageFreshness.of("outdated"));
        assertEquals(ImageFreshness.UPDATED, ImageFreshness.of(" Updated "));
        assertEquals(ImageFreshness.CHECKING, ImageFreshness.of("processing"));
        assertEquals(ImageFreshness.CHECKING, ImageFreshness.of("preparing"));
        assertEquals(ImageFreshness.SKIPPED, ImageFreshness.of("skipped"));
        assertEquals(ImageFreshness.FAILED, ImageFreshness.of("error"));
        assertEquals(ImageFreshness.UNKNOWN, ImageFreshness.of("sideways"));
        assertEquals(ImageFreshness.UNKNOWN, ImageFreshness.of(null));
        assertEquals("unsupported", check("x", null, true).status());
        assertEquals("unknown", check("x", null, false).status());
        assertEquals("outdated", check("x", ImageFreshness.OUTDATED, false).status());
    }

    @Test
    void aModelsFindingsAreOneConditionPerFirstResourceAndCategoryMarkedAsTheModels() {
        var analysis = new io.fleetdashboard.insights.entity.ModelAnalysis("gpt-x", false, NOW, List.of(
                new io.fleetdashboard.insights.entity.ModelFinding(InsightSeverity.CRITICAL, InsightCategory.SECURITY,
                        "Web is exposed", "d", List.of("prod:1:aaaaaaaaaaaa"), "close it"),
                new io.fleetdashboard.insights.entity.ModelFinding(InsightSeverity.WARNING, InsightCategory.SECURITY,
                        "Same again", "", List.of("prod:1:aaaaaaaaaaaa"), ""),
                new io.fleetdashboard.insights.entity.ModelFinding(InsightSeverity.INFO, InsightCategory.RESOURCE,
                        "Tight memory", "", List.of("prod:1:aaaaaaaaaaaa", "prod:1"), "")), 0, null);
        List<Condition> found = InsightRules.modelFindings(analysis);
        assertEquals(List.of("model_finding:prod:1:aaaaaaaaaaaa:security", "model_finding:prod:1:aaaaaaaaaaaa:resource"),
                found.stream().map(Condition::key).toList());
        assertEquals("Model: Web is exposed", found.get(0).title());
        assertTrue(found.get(0).detail().contains("gpt-x"), found.get(0).detail());
        assertEquals(InsightSeverity.CRITICAL, found.get(0).severity(), "the first finding of a key is kept");
        assertEquals(List.of("prod:1:aaaaaaaaaaaa", "prod:1"), found.get(1).resources());
    }
}

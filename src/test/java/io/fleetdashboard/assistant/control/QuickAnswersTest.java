package io.fleetdashboard.assistant.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.assistant.control.QuickAnswers.Intent;
import io.fleetdashboard.assistant.entity.ToolCall;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuickAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final QuickAnswers answers = new QuickAnswers(new FleetQueries());

    private static Container container(String id, String name, ContainerState state, String status) {
        return new Container(id, name, "nginx:1.27", "sha256:" + id, state, status, ContainerHealth.fromStatus(status),
                null, NOW.minusSeconds(60), List.of(), null, null, List.of("bridge"), Map.of());
    }

    private static FleetSnapshot fleet(int unhealthy, boolean secondEndpointOnline) {
        List<Container> containers = new ArrayList<>();
        containers.add(container("a1", "web", ContainerState.RUNNING, "Up 1 hour (healthy)"));
        containers.add(container("a2", "db", ContainerState.EXITED, "Exited (1) 5 minutes ago"));
        for (int i = 0; i < unhealthy; i++) {
            containers.add(container("u" + i, "sick-" + i, ContainerState.RUNNING, "Up 2 hours (unhealthy)"));
        }
        var e1 = new EndpointHarvest(agent(1, true), DataSource.LIVE, NOW, NOW, false, containers, List.of(),
                List.of(), null, 1);
        var e2 = new EndpointHarvest(agent(2, secondEndpointOnline), DataSource.LIVE, NOW, NOW, false,
                List.of(container("b1", "other", ContainerState.RUNNING, "Up 3 hours")), List.of(), List.of(), null, 1);
        return FleetSnapshot.assemble(NOW, 1, true, List.of(new EnvironmentHarvest("prod", "Production", false,
                List.of(e1, e2), List.of(), null, null, NOW, NOW, 1)));
    }

    @Test
    void recognisesTheQuickQuestionsInOtherWords() {
        assertEquals(Optional.of(Intent.RUNNING), QuickAnswers.intentOf("How many containers are running?"));
        assertEquals(Optional.of(Intent.RUNNING), QuickAnswers.intentOf("number of containers"));
        assertEquals(Optional.of(Intent.OFFLINE_ENDPOINTS), QuickAnswers.intentOf("Which endpoints are offline?"));
        assertEquals(Optional.of(Intent.OFFLINE_ENDPOINTS), QuickAnswers.intentOf("are any endpoints DOWN"));
        assertEquals(Optional.of(Intent.UNHEALTHY), QuickAnswers.intentOf("Show unhealthy containers"));
        assertEquals(Optional.of(Intent.UNHEALTHY), QuickAnswers.intentOf("how many containers are unhealthy"));
        assertEquals(Optional.of(Intent.ATTENTION), QuickAnswers.intentOf("What needs attention?"));
        assertEquals(Optional.of(Intent.ATTENTION), QuickAnswers.intentOf("What's the status of my infrastructure?"));
        for (String q : QuickAnswers.QUESTIONS) {
            assertTrue(QuickAnswers.intentOf(q).isPresent(), q);
        }
        assertEquals(Optional.empty(), QuickAnswers.intentOf("Write me a poem about whales"));
        assertEquals(Optional.empty(), QuickAnswers.intentOf(null));
    }

    @Test
    void runningCountsComeFromTheSnapshot() {
        FleetSnapshot s = fleet(1, true);
        var reply = answers.answer(Intent.RUNNING, s);
        assertTrue(reply.markdown().startsWith("**" + s.counts().containersRunning() + "** of "
                + s.counts().containersTotal()), reply.markdown());
        assertEquals("fleet_summary", reply.toolCalls().get(0).name());
    }

    @Test
    void offlineEndpointsAreListedAndCited() {
        var reply = answers.answer(Intent.OFFLINE_ENDPOINTS, fleet(0, false));
        assertTrue(reply.markdown().contains("**1** of 2 endpoints are offline"), reply.markdown());
        assertTrue(reply.markdown().contains("agent\\-2"), "the name, escaped: " + reply.markdown());
        ToolCall call = reply.toolCalls().get(0);
        assertEquals(1, call.matched());
        assertEquals("edge.xhtml?status=offline&search=agent-2", call.rows().get(0).href());

        var none = answers.answer(Intent.OFFLINE_ENDPOINTS, fleet(0, true));
        assertTrue(none.markdown().startsWith("No endpoint is offline"), none.markdown());
    }

    @Test
    void longListsAreBoundedWithACountOfTheRest() {
        var reply = answers.answer(Intent.UNHEALTHY, fleet(25, true));
        ToolCall call = reply.toolCalls().get(0);
        assertEquals(25, call.matched());
        assertEquals(QuickAnswers.MAX_ROWS, call.used());
        assertEquals(QuickAnswers.MAX_ROWS, call.rows().size());
        assertTrue(reply.markdown().contains("15 more not shown"), reply.markdown());
        assertTrue(call.rows().get(0).href().startsWith("containers/prod%3A1%3A"), call.rows().get(0).href());
    }

    @Test
    void attentionListsTheCountsAndTheWorstItems() {
        var reply = answers.answer(Intent.ATTENTION, fleet(2, false));
        assertTrue(reply.markdown().contains("endpoints offline"), reply.markdown());
        assertTrue(reply.markdown().contains("containers unhealthy"), reply.markdown());
        assertFalse(reply.toolCalls().get(0).rows().isEmpty());
    }

    @Test
    void namesAreDataNotMarkdown() {
        assertEquals("\\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>",
                MarkdownText.literal("**bold** [x](javascript:alert(1))\n<b>"));
        assertTrue(MarkdownText.literal("x".repeat(500)).length() <= MarkdownText.MAX_NAME + 1);
    }
}

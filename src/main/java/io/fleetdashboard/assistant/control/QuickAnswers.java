package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.Citation;
import io.fleetdashboard.assistant.entity.ToolCall;
import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.fleet.control.EndpointQuery;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.entity.Attention;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetCounts;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers the quick questions from the snapshot by rules, without any model: how many containers run, which
 * endpoints are offline, which containers are unhealthy, what needs attention. Lists are bounded; what is left out
 * is counted and linked. Names are data: escaped, never formatting.
 */
public class QuickAnswers {

    /** The questions offered as buttons, in the order shown. */
    public static final List<String> QUESTIONS = List.of(
            "How many containers are running?",
            "Which endpoints are offline?",
            "Show unhealthy containers",
            "What needs attention?");

    /** Rows listed per answer; the rest is counted and linked. */
    static final int MAX_ROWS = 10;

    public enum Intent {
        RUNNING(Pattern.compile("\\b(how many|number of|count)\\b.*\\bcontainers?\\b|\\brunning containers\\b"
                + "|\\bcontainers?\\b.*\\brunning\\b")),
        OFFLINE_ENDPOINTS(Pattern.compile("\\bendpoints?\\b.*\\b(offline|down|unreachable)\\b"
                + "|\\b(offline|down|unreachable)\\b.*\\bendpoints?\\b")),
        UNHEALTHY(Pattern.compile("\\bunhealthy\\b|\\bnot healthy\\b|\\bhealth ?checks? fail")),
        ATTENTION(Pattern.compile("\\battention\\b|\\bproblems?\\b|\\bwhat('s| is) wrong\\b|\\bissues?\\b"
                + "|\\bstatus of (my|the) (infrastructure|fleet)\\b"));

        private final Pattern pattern;

        Intent(Pattern pattern) {
            this.pattern = pattern;
        }
    }

    /** The quick question this is, if it is one (case and punctuation do not matter). */
    public static Optional<Intent> intentOf(String question) {
        String q = question == null ? "" : question.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ");
        // most specific first: "unhealthy containers running" is about health, not the count
        for (Intent intent : List.of(Intent.UNHEALTHY, Intent.OFFLINE_ENDPOINTS, Intent.ATTENTION, Intent.RUNNING)) {
            if (intent.pattern.matcher(q).find()) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }

    /** Markdown and the look-ups it is based on. */
    public record Reply(String markdown, List<ToolCall> toolCalls) {
    }

    private final FleetQueries queries;

    public QuickAnswers(FleetQueries queries) {
        this.queries = queries;
    }

    public Reply answer(Intent intent, FleetSnapshot snapshot) {
        return switch (intent) {
            case RUNNING -> running(snapshot);
            case OFFLINE_ENDPOINTS -> offlineEndpoints(snapshot);
            case UNHEALTHY -> unhealthy(snapshot);
            case ATTENTION -> attention(snapshot);
        };
    }

    private Reply running(FleetSnapshot snapshot) {
        FleetCounts c = snapshot.counts();
        StringBuilder md = new StringBuilder();
        md.append("**").append(c.containersRunning()).append("** of ").append(c.containersTotal())
                .append(" containers are running, on ").append(c.endpointsOnline()).append(" online endpoints.\n\n");
        md.append("- stopped: ").append(c.containersStopped()).append('\n');
        md.append("- restarting: ").append(c.containersRestarting()).append('\n');
        md.append("- unhealthy: ").append(c.containersUnhealthy()).append('\n');
        if (c.endpointsOffline() > 0) {
            md.append("\nContainers on the ").append(c.endpointsOffline())
                    .append(" offline endpoints are not counted: their state is unknown.\n");
        }
        md.append("\n[See the running containers](workloads.xhtml?state=running)\n");
        return new Reply(md.toString(), List.of(new ToolCall("fleet_summary", "{}", 1, 1,
                List.of(new Citation("Fleet summary (Home)", "index.xhtml")))));
    }

    private Reply offlineEndpoints(FleetSnapshot snapshot) {
        List<FleetEndpoint> offline = queries.endpoints(snapshot,
                new EndpointQuery(null, null, Boolean.FALSE, EndpointQuery.Sort.ENVIRONMENT, false));
        StringBuilder md = new StringBuilder();
        List<Citation> rows = new ArrayList<>();
        if (offline.isEmpty()) {
            md.append("No endpoint is offline: all ").append(snapshot.counts().endpointsTotal())
                    .append(" endpoints are online.\n");
        } else {
            md.append("**").append(offline.size()).append("** of ").append(snapshot.counts().endpointsTotal())
                    .append(" endpoints are offline:\n\n");
            for (FleetEndpoint e : offline.subList(0, Math.min(MAX_ROWS, offline.size()))) {
                String href = "edge.xhtml?status=offline&search=" + MarkdownText.encode(e.name());
                md.append("- [").append(MarkdownText.literal(e.name())).append("](").append(href).append(") (")
                        .append(MarkdownText.literal(e.environment())).append(')');
                if (e.lastReadAt() != null) {
                    md.append(", last read ").append(e.lastReadAt());
                }
                md.append('\n');
                rows.add(new Citation("Endpoint " + e.name(), href));
            }
            more(md, offline.size(), "offline endpoints", "edge.xhtml?status=offline");
        }
        return new Reply(md.toString(), List.of(new ToolCall("list_endpoints", "{\"online\":false}",
                offline.size(), rows.size(), rows)));
    }

    private Reply unhealthy(FleetSnapshot snapshot) {
        List<FleetContainer> unhealthy = queries.containers(snapshot, new ContainerQuery(null, null, null, null, null,
                ContainerHealth.UNHEALTHY, true, ContainerQuery.Sort.NAME, false));
        StringBuilder md = new StringBuilder();
        List<Citation> rows = new ArrayList<>();
        if (unhealthy.isEmpty()) {
            md.append("No container reports an unhealthy health check.\n");
        } else {
            md.append("**").append(unhealthy.size()).append("** containers report an unhealthy health check:\n\n");
            for (FleetContainer c : unhealthy.subList(0, Math.min(MAX_ROWS, unhealthy.size()))) {
                containerLine(md, rows, c);
            }
            more(md, unhealthy.size(), "unhealthy containers", "workloads.xhtml?health=unhealthy");
        }
        return new Reply(md.toString(), List.of(new ToolCall("list_containers", "{\"health\":\"unhealthy\"}",
                unhealthy.size(), rows.size(), rows)));
    }

    private Reply attention(FleetSnapshot snapshot) {
        List<Attention> items = snapshot.attention();
        StringBuilder md = new StringBuilder();
        List<Citation> rows = new ArrayList<>();
        int total = snapshot.attentionCounts().values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            md.append("Nothing needs attention: every environment was read, every endpoint is online and no container "
                    + "is unhealthy, crash-looping or exited with an error.\n");
        } else {
            md.append("**").append(total).append("** things need attention, worst first:\n\n");
            snapshot.attentionCounts().forEach((kind, count) ->
                    md.append("- ").append(count).append(' ').append(kind.plural()).append('\n'));
            md.append('\n');
            for (Attention a : items.subList(0, Math.min(MAX_ROWS, items.size()))) {
                String href = attentionLink(a);
                md.append("- ").append(a.severity() == Attention.Severity.CRITICAL ? "**critical** " : "warning ")
                        .append('[').append(MarkdownText.literal(a.title())).append("](").append(href).append(')');
                if (a.detail() != null && !a.detail().isBlank()) {
                    md.append(": ").append(MarkdownText.literal(a.detail()));
                }
                md.append('\n');
                rows.add(new Citation(a.title(), href));
            }
            more(md, total, "items", "health.xhtml");
        }
        return new Reply(md.toString(), List.of(new ToolCall("health_alerts", "{}", total, rows.size(), rows)));
    }

    private static void containerLine(StringBuilder md, List<Citation> rows, FleetContainer c) {
        String href = "containers/" + MarkdownText.encode(c.key());
        md.append("- [").append(MarkdownText.literal(c.container().name())).append("](").append(href).append(") on ")
                .append(MarkdownText.literal(c.endpointName())).append(" (")
                .append(MarkdownText.literal(c.environment())).append("): ")
                .append(MarkdownText.literal(c.container().status())).append('\n');
        rows.add(new Citation("Container " + c.container().name(), href));
    }

    static String attentionLink(Attention a) {
        String subject = a.subject() == null ? "" : a.subject();
        return switch (a.kind()) {
            case REFRESH_FAILED, STACKS_FAILED -> "index.xhtml";
            case ENDPOINT_ERROR, ENDPOINT_OFFLINE -> "workloads.xhtml?endpoint=" + MarkdownText.encode(subject);
            default -> "containers/" + MarkdownText.encode(subject);
        };
    }

    private static void more(StringBuilder md, int total, String what, String href) {
        if (total > MAX_ROWS) {
            md.append("\n").append(total - MAX_ROWS).append(" more not shown: [all ").append(total).append(' ')
                    .append(what).append("](").append(href).append(")\n");
        }
    }
}

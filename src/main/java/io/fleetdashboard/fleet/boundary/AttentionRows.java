package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.Attention;
import io.fleetdashboard.fleet.entity.ContainerTrouble;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The snapshot's attention list as the pages show it (Home and Container health): worst first, a few per kind,
 * each kind closed by "and N more …" when the snapshot has more of it; and the count of every kind.
 */
public final class AttentionRows {

    private AttentionRows() {
    }

    public static List<Row> of(FleetSnapshot snapshot) {
        List<Row> rows = new ArrayList<>();
        List<Attention> items = snapshot.attention();
        for (int i = 0; i < items.size(); i++) {
            Attention item = items.get(i);
            rows.add(new Row(item, null));
            boolean lastOfKind = i + 1 == items.size() || items.get(i + 1).kind() != item.kind();
            int shown = (int) items.stream().filter(a -> a.kind() == item.kind()).count();
            int more = snapshot.attentionCounts().getOrDefault(item.kind(), 0) - shown;
            if (lastOfKind && more > 0) {
                rows.add(new Row(item, "and " + more + " more " + item.kind().plural()));
            }
        }
        return rows;
    }

    /** "2 endpoints could not be read · 5 endpoints offline · …": the count of every kind, worst first. */
    public static String counts(FleetSnapshot snapshot) {
        return snapshot.attentionCounts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().plural())
                .collect(Collectors.joining(" · "));
    }

    /** One line of the list; JavaBean getters because EL cannot read record components. */
    public static final class Row {
        private final Attention attention;
        private final String more;

        /** more: set for the "and N more …" row that closes a kind. */
        Row(Attention attention, String more) {
            this.attention = attention;
            this.more = more;
        }

        /** True for the "and N more …" line that closes a kind (EL needs another name than its text's). */
        public boolean isClosing() {
            return more != null;
        }

        public String getMoreText() {
            return more;
        }

        /** The Container health table's filter that lists every container of this kind; null for other kinds. */
        public String getMoreQuery() {
            if (attention.kind() == Attention.Kind.UNHEALTHY) {
                return "?health=unhealthy";
            }
            for (ContainerTrouble trouble : ContainerTrouble.values()) {
                if (trouble.kind() == attention.kind()) {
                    return "?trouble=" + trouble.name().toLowerCase(Locale.ROOT);
                }
            }
            return null;
        }

        public String getKind() {
            return attention.kind().name().toLowerCase(Locale.ROOT);
        }

        public String getSeverity() {
            return attention.severity().name().toLowerCase(Locale.ROOT);
        }

        public String getTitle() {
            return attention.title();
        }

        public String getDetail() {
            return attention.detail();
        }

        public String getSubject() {
            return attention.subject();
        }

        /** Docker's restart count from inspect, null while not inspected. */
        public Integer getRestartCount() {
            return attention.restartCount();
        }

        /** A container's alert opens its details page. */
        public boolean isContainer() {
            return switch (attention.kind()) {
                case UNHEALTHY, CRASH_LOOP, EXITED_NON_ZERO, OOM_KILLED -> true;
                default -> false;
            };
        }

        public String getIcon() {
            return switch (attention.kind()) {
                case REFRESH_FAILED -> "pi pi-times-circle";
                case STACKS_FAILED -> "pi pi-clone";
                case EXITED_NON_ZERO -> "pi pi-stop-circle";
                case OOM_KILLED -> "pi pi-bolt";
                case CRASH_LOOP -> "pi pi-replay";
                case ENDPOINT_OFFLINE -> "pi pi-power-off";
                case ENDPOINT_ERROR -> "pi pi-exclamation-triangle";
                case UNHEALTHY -> "pi pi-heart";
            };
        }
    }
}

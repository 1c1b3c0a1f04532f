package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;

/**
 * The snapshot a view-scoped page reads, once per request: the view outlives requests (its lazy tables page by
 * ajax), so each request reads the current snapshot again, and every part of one render sees the same one. Before
 * the first collection there is none: then it starts one and answers null.
 */
final class SnapshotPerRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient FleetSnapshot snapshot;
    private transient FacesContext readIn;

    FleetSnapshot get(Snapshots snapshots, FleetCollector collector) {
        FacesContext request = FacesContext.getCurrentInstance();
        if (request == null || request != readIn) {
            snapshot = snapshots.ifPresent().orElse(null);
            readIn = request;
            if (snapshot == null) {
                collector.refresh();
            }
        }
        return snapshot;
    }

    /** Whether this request has read its snapshot already (so request-long figures can be reused). */
    boolean readIn(FacesContext request) {
        return request != null && request == readIn;
    }
}

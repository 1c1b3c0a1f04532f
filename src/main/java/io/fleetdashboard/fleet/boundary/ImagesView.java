package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.FleetTallies;
import io.fleetdashboard.fleet.control.ImageUsageQuery;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.fleet.entity.UnusedImages;
import io.fleetdashboard.ui.LazyRows;
import io.fleetdashboard.ui.PageParams;
import io.fleetdashboard.ui.QueryString;
import io.fleetdashboard.ui.Sizes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Images page (images.xhtml): one row per image id in a lazy table over the fleet queries (the same query as
 * GET /api/v1/images/distinct and its CSV), the filters in the URL, charts of the matching images and, per
 * endpoint, the images no container uses and the space they take.
 */
@Named
@ViewScoped
public class ImagesView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int TOP = 15;
    static final int TREEMAP_REPOSITORIES = 25;
    static final int TREEMAP_TAGS = 6;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @Inject
    FleetCollector collector;

    private String search;
    private String environment;
    private String endpoint;
    private String dangling;
    private String unused;

    private final LazyRows<ImageUsage, ImageUsageQuery.Sort, ImageLine> images = new LazyRows<>(
            (sort, desc) -> snapshot() == null ? List.of() : queries.imageUsage(snapshot(), query().withSort(sort, desc)),
            ImageUsageQuery.Sort.class, ImageUsageQuery.Sort.CONTAINERS, true, ImageLine::new, ImageLine::getId);

    private final SnapshotPerRequest current = new SnapshotPerRequest();

    /** The current snapshot of this request (null until the first collection ends). */
    FleetSnapshot snapshot() {
        return current.get(snapshots, collector);
    }

    public boolean isReady() {
        return snapshot() != null;
    }

    /** What of the data is not this refresh's live read (empty when all is). */
    public String getFreshness() {
        return FreshnessNote.of(snapshot(), java.time.Instant.now());
    }

    ImageUsageQuery query() {
        return new ImageUsageQuery(search, environment, endpoint, PageParams.yesNo("dangling", dangling),
                PageParams.yesNo("unused", unused), ImageUsageQuery.Sort.CONTAINERS, true);
    }

    private List<ImageUsage> matching() {
        return queries.imageUsage(snapshot(), query());
    }

    public LazyRows<ImageUsage, ImageUsageQuery.Sort, ImageLine> getImages() {
        return images;
    }

    public List<String> getEnvironments() {
        return snapshot().environments().stream().map(e -> e.name()).toList();
    }

    public List<EndpointChoice> getEndpointChoices() {
        return EndpointChoices.of(snapshot(), environment);
    }

    public String getCsvUrl() {
        ImageUsageQuery q = query();
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/images/distinct.csv" + new QueryString().add("search", q.search())
                .add("environment", q.environment()).add("endpoint", q.endpoint()).add("dangling", q.dangling())
                .add("unused", q.unused());
    }

    /** "1,234 images · 56 dangling · 78 unused · 9.1 GB stored": what the filters match. */
    public String getTotals() {
        List<ImageUsage> all = matching();
        long dangling = all.stream().filter(ImageUsage::dangling).count();
        long unusedCount = all.stream().filter(ImageUsage::unused).count();
        long stored = all.stream().mapToLong(i -> i.size() * i.endpoints()).sum();
        return all.size() + " images · " + dangling + " dangling · " + unusedCount + " used by no container · "
                + Sizes.bytes(stored) + " stored on the endpoints (size × copies)";
    }

    public String getContainersChart() {
        return TallyCharts.bars("Containers", FleetTallies.top(matching(), ImageUsage::name, ImageUsage::containers,
                TOP), TallyCharts.BLUE);
    }

    public String getSpreadChart() {
        return TallyCharts.bars("Endpoints", FleetTallies.top(matching(), ImageUsage::name, ImageUsage::endpoints,
                TOP), StateColors.GOOD);
    }

    public String getSizeTreemap() {
        return TallyCharts.treemap("Bytes stored",
                FleetTallies.storedBytesByRepository(matching(), TREEMAP_REPOSITORIES, TREEMAP_TAGS));
    }

    /** Per endpoint in scope: unused images and their size, most reclaimable first. */
    public List<UnusedLine> getUnused() {
        return queries.unusedImages(snapshot(), environment).stream()
                .filter(u -> endpoint == null || endpoint.isBlank() || endpoint.equals(u.endpointKey()))
                .map(UnusedLine::new).toList();
    }

    public String getReclaimable() {
        List<UnusedImages> unusedImages = queries.unusedImages(snapshot(), environment).stream()
                .filter(u -> endpoint == null || endpoint.isBlank() || endpoint.equals(u.endpointKey())).toList();
        return unusedImages.stream().mapToInt(UnusedImages::unused).sum() + " unused image copies · "
                + Sizes.bytes(unusedImages.stream().mapToLong(UnusedImages::reclaimableBytes).sum()) + " reclaimable";
    }

    /** One endpoint's unused images (JavaBean getters for EL). */
    public static final class UnusedLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final UnusedImages unused;

        UnusedLine(UnusedImages unused) {
            this.unused = unused;
        }

        public String getEndpointKey() {
            return unused.endpointKey();
        }

        public String getEndpoint() {
            return unused.endpointName() + " (" + unused.environment() + ")";
        }

        public int getImages() {
            return unused.images();
        }

        public int getUnused() {
            return unused.unused();
        }

        public String getReclaimable() {
            return Sizes.bytes(unused.reclaimableBytes());
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getDangling() {
        return dangling;
    }

    public void setDangling(String dangling) {
        this.dangling = dangling;
    }

    public String getUnusedFilter() {
        return unused;
    }

    public void setUnusedFilter(String unused) {
        this.unused = unused;
    }
}

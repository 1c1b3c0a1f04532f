package io.fleetdashboard.ui;

/** One entry of the navigation menu; pages not built yet show as "coming soon". */
public class NavigationItem {

    private final String id;
    private final String label;
    private final String icon;
    private final String outcome;

    public NavigationItem(String id, String label, String icon, String outcome) {
        this.id = id;
        this.label = label;
        this.icon = icon;
        this.outcome = outcome;
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getIcon() {
        return icon;
    }

    /** The view id to link to, or null while the page is not built. */
    public String getOutcome() {
        return outcome;
    }

    public boolean isAvailable() {
        return outcome != null;
    }
}

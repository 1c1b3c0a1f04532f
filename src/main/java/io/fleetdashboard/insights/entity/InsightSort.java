package io.fleetdashboard.insights.entity;

/** Sortable fields of the insight list (named as the page's columns, without separators: see ui/LazyRows). */
public enum InsightSort {
    LASTSEEN, FIRSTSEEN, SEVERITY, CATEGORY, KIND, TITLE, STATUS
}

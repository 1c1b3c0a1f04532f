package io.fleetdashboard.portainer.entity;

import java.util.List;

/**
 * A Portainer list as read: the readable items, and how many items were skipped because one of their values could
 * not be read (a number that is no number or does not fit, a wrong type). One bad item never fails the whole list.
 */
public record ListAnswer<T>(List<T> items, int skippedItems) {

    public ListAnswer {
        items = List.copyOf(items);
    }
}

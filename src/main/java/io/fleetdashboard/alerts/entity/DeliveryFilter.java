package io.fleetdashboard.alerts.entity;

/** Filter of the delivery list; null parts match everything. */
public record DeliveryFilter(Long channel, DeliveryStatus status, DeliveryEvent event, Long insight) {

    public static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null);
}

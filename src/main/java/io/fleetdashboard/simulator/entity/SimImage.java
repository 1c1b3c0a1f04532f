package io.fleetdashboard.simulator.entity;

/** An image on a simulated endpoint; {@code repoTag} null for a dangling image. */
public record SimImage(String id, String repoTag, long size, long created, boolean ociLabels) {
}

package io.fleetdashboard.portainer.entity;

/** Portainer's answer about one stack's images: what it means and Portainer's own message (may be empty). */
public record StackImagesStatus(ImageFreshness freshness, String message) {
}

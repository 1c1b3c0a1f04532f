package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.List;

/** An image from images/json; dangling means no tags (or only &lt;none&gt;:&lt;none&gt;). */
public record Image(String id, List<String> tags, long size, Instant created, boolean dangling) implements java.io.Serializable {
}

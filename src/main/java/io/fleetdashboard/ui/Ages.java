package io.fleetdashboard.ui;

import java.time.Duration;
import java.time.Instant;

/** Human ages and durations for pages: "42 s ago", "3 min ago", "1.4 s". */
public final class Ages {

    private Ages() {
    }

    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 172_800) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " days ago";
    }

    public static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

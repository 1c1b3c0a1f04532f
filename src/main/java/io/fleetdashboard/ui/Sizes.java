package io.fleetdashboard.ui;

import java.util.Locale;

/** Human sizes for pages: "512 B", "1.4 GiB". */
public final class Sizes {

    private Sizes() {
    }

    public static String bytes(double value) {
        double b = value;
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (Math.abs(b) >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
    }
}

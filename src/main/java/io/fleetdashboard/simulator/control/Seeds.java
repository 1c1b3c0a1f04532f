package io.fleetdashboard.simulator.control;

/** Deterministic hashing: every simulated value is a pure function of the seed and a few coordinates. */
public final class Seeds {

    private Seeds() {
    }

    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = splitmix(h ^ splitmix(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    public static String hex(long seed, int chars) {
        StringBuilder out = new StringBuilder(chars);
        long h = seed;
        while (out.length() < chars) {
            h = splitmix(h);
            String part = Long.toHexString(h);
            String padded = "0".repeat(16 - part.length()) + part;
            out.append(padded, 0, Math.min(16, chars - out.length()));
        }
        return out.toString();
    }

    public static String uuid(long seed) {
        String h = hex(seed, 32);
        // version 4 and RFC 4122 variant bits, like a random UUID
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
                + "89ab".charAt((int) (Long.parseLong(h.substring(16, 17), 16) & 3)) + h.substring(17, 20) + "-"
                + h.substring(20, 32);
    }

    /** A string from a fixed ASCII word list, picked by hash. */
    public static String pick(long hash, String... words) {
        return words[(int) Math.floorMod(hash, (long) words.length)];
    }
}

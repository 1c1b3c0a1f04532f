package io.fleetdashboard.simulator.control;

/** Portainer's server-side edge heartbeat rule (docs/portainer.md, "Online or offline"). */
public final class Heartbeat {

    /** Settings.EdgeAgentCheckinInterval default. */
    public static final int DEFAULT_CHECKIN_SECONDS = 5;
    /** Async edge: no ping/snapshot/command interval in (0, 60) configured, so 60. */
    public static final int ASYNC_DEFAULT_SECONDS = 60;

    private Heartbeat() {
    }

    public static int interval(boolean async, int storedCheckinInterval) {
        if (async) {
            return ASYNC_DEFAULT_SECONDS;
        }
        return storedCheckinInterval > 0 ? storedCheckinInterval : DEFAULT_CHECKIN_SECONDS;
    }

    /** (QueryDate - LastCheckInDate) <= interval*2 + 20; never checked in means offline. */
    public static boolean alive(long queryDate, long lastCheckInDate, int interval) {
        return lastCheckInDate != 0 && queryDate - lastCheckInDate <= interval * 2L + 20;
    }
}

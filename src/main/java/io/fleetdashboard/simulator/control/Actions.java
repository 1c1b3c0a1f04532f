package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.control.SimulatedPortainerRoutes.Reply;
import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.SimContainer;
import java.util.Map;

/**
 * start / stop / restart / kill: change the container's state; 204, or 304 when there is nothing to do (409 for a
 * kill of a container that is not running).
 */
final class Actions {

    private Actions() {
    }

    static Reply apply(World world, SimContainer c, String action, long now) {
        synchronized (c) {
            ContainerRuntime rt = world.runtimeAt(c, now);
            boolean up = rt.state().equals("running") || rt.state().equals("paused") || rt.state().equals("restarting");
            String health = c.healthcheck ? "starting" : "none";
            switch (action) {
                case "start" -> {
                    if (up) {
                        return new Reply(304, null, Map.of(), null, 0);
                    }
                    c.runtime(new ContainerRuntime("running", 0, now, rt.finishedAt(), rt.restartCount(), health, true));
                }
                case "stop" -> {
                    if (!up) {
                        return new Reply(304, null, Map.of(), null, 0);
                    }
                    c.runtime(new ContainerRuntime("exited", 0, rt.startedAt(), now, rt.restartCount(), rt.health(),
                            true));
                }
                case "kill" -> {
                    if (!up) {
                        return Docker.dockerError(409, "Cannot kill container: " + c.id + ": Container " + c.id
                                + " is not running");
                    }
                    // SIGKILL: exit code 128 + 9, no grace period
                    c.runtime(new ContainerRuntime("exited", 137, rt.startedAt(), now, rt.restartCount(), rt.health(),
                            true));
                }
                default -> c.runtime(new ContainerRuntime("running", 0, now, now, rt.restartCount(), health, true));
            }
            return new Reply(204, null, Map.of(), null, 0);
        }
    }
}

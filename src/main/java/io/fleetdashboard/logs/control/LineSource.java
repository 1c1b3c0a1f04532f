package io.fleetdashboard.logs.control;

import io.fleetdashboard.logs.entity.LogLine;
import java.io.IOException;

/** Lines one at a time, as they can be read; null at the end. */
@FunctionalInterface
public interface LineSource {

    LogLine next() throws IOException;
}

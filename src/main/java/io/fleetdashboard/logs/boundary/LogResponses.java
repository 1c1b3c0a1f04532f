package io.fleetdashboard.logs.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.logs.control.ContainerLogReader;
import io.fleetdashboard.logs.control.LineSource;
import io.fleetdashboard.logs.control.LogText;
import io.fleetdashboard.logs.entity.LogLine;
import io.fleetdashboard.logs.entity.LogRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a log route without holding a request thread: the request is suspended, a managed thread asks Docker
 * (inspect, then the logs stream) and resumes it with a streamed text/plain body while the Docker streams are
 * open, so the body is written on that managed thread, line by line, and nothing is collected. If reading has not
 * started within {@code START_SECONDS}, the request gets a 504 and the late reading is dropped.
 */
@ApplicationScoped
public class LogResponses {

    static final String TEXT = "text/plain; charset=UTF-8";
    static final long START_SECONDS = 20;
    private static final Logger LOG = Logger.getLogger(LogResponses.class.getName());

    @Resource
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    /** Reads (on a managed thread) and hands the lines out. */
    @FunctionalInterface
    interface Reading {
        void run(ContainerLogReader.LinesUse use) throws IOException;
    }

    /**
     * @param download null to show inline, else the file name's prefix (the container's name or "logs");
     *                 the download is named prefix_logs_yyyyMMdd_HHmmss.txt
     */
    void answer(AsyncResponse async, LogRequest request, java.util.function.Supplier<String> downloadPrefix,
                Reading reading) {
        async.setTimeout(START_SECONDS, TimeUnit.SECONDS);
        async.setTimeoutHandler(late -> late.resume(ApiError.response(Response.Status.GATEWAY_TIMEOUT, "timeout",
                "Reading the logs did not start within " + START_SECONDS + " s: Portainer or Docker is slow.")));
        try {
            executor.execute(() -> {
                try {
                    reading.run(lines -> async.resume(body(lines, request, downloadPrefix)));
                } catch (RuntimeException | IOException e) {
                    if (!async.isDone()) {
                        async.resume(e);
                    } else {
                        LOG.log(Level.FINE, "Log reading ended after the answer started", e);
                    }
                }
            });
        } catch (RejectedExecutionException full) {
            async.resume(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "busy",
                    "The dashboard is too busy to read logs now; try again shortly."));
        }
    }

    private Response body(LineSource lines, LogRequest request, java.util.function.Supplier<String> downloadPrefix) {
        StreamingOutput output = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            for (LogLine line = lines.next(); line != null; line = lines.next()) {
                writer.write(LogText.format(line, request.timestamps()));
                writer.write('\n');
            }
            writer.flush();
        };
        Response.ResponseBuilder response = Response.ok(output, TEXT).header("Cache-Control", "no-store");
        String prefix = downloadPrefix.get();
        if (prefix != null) {
            response.header("Content-Disposition", CsvTable.attachment(CsvTable.fileName(prefix + "_logs",
                    clock.instant(), "txt")));
        }
        return response.build();
    }
}

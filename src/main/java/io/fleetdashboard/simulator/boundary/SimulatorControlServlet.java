package io.fleetdashboard.simulator.boundary;

import io.fleetdashboard.simulator.control.PortainerSimulator;
import io.fleetdashboard.simulator.control.SimulatedOidcProvider;
import io.fleetdashboard.simulator.entity.FaultRule;
import io.fleetdashboard.simulator.entity.SettingsUpdate;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The simulator's control plane: GET truth | counters | servers | faults | oidc | llm-received | webhooks[?path=/hooks/x]
 * | mails[?to=address] (what the alert sinks received, and where they listen), POST reset | faults | config | spike | oidc-rotate,
 * DELETE faults. spike: {"container":"<id or env:endpoint:id>","metric":"cpu|memory|net|block","factor":10,
 * "seconds":120} multiplies that metric of one container from now on for that long (load-spike tests). 404 while the
 * simulator is not running; a POST with a body takes Content-Type application/json only (415 otherwise). Access (admin only) is
 * decided by the central security layer.
 */
@WebServlet("/simulator/control/*")
public class SimulatorControlServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SimulatorControlServlet.class.getName());
    private static final Type FAULT_LIST = new ArrayList<FaultRule>() { }.getClass().getGenericSuperclass();

    @Inject
    PortainerSimulator simulator;

    @Inject
    SimulatedOidcProvider oidc;

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (action(request).equals("oidc") && oidc.enabled()) {
            json(response, 200, oidc.status());
            return;
        }
        if (!simulator.running()) {
            error(response, 404, "Simulator not running");
            return;
        }
        Optional<?> body = switch (action(request)) {
            case "truth" -> simulator.truth();
            case "counters" -> simulator.counters();
            case "servers" -> Optional.of(simulator.servers());
            case "faults" -> simulator.faults();
            case "llm-received" -> Optional.of(simulator.llmReceived());
            case "webhooks" -> simulator.webhooks(blankToNull(request.getParameter("path")));
            case "mails" -> simulator.mails(blankToNull(request.getParameter("to")));
            default -> Optional.empty();
        };
        if (body.isEmpty()) {
            error(response, 404, "Unknown control resource");
            return;
        }
        json(response, 200, body.get());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (action(request).equals("oidc-rotate") && oidc.enabled()) {
            // The simulated identity provider signs with a new key from now on (its JWKS keeps the previous one).
            oidc.rotate();
            json(response, 200, oidc.status());
            return;
        }
        if (!simulator.running()) {
            error(response, 404, "Simulator not running");
            return;
        }
        // A body must be JSON: a cross-site form can send text/plain or form encodings, never application/json.
        boolean bodyless = request.getContentLengthLong() == 0 && request.getContentType() == null;
        if (!bodyless && !isJson(request.getContentType())) {
            error(response, 415, "Send the request with Content-Type: application/json");
            return;
        }
        try {
            switch (action(request)) {
                case "reset" -> {
                    simulator.reset();
                    json(response, 200, simulator.servers());
                }
                case "faults" -> {
                    List<FaultRule> rules = jsonb.fromJson(request.getInputStream(), FAULT_LIST);
                    simulator.faults(rules);
                    json(response, 200, simulator.faults().orElse(List.of()));
                }
                case "config" -> {
                    SettingsUpdate update = jsonb.fromJson(request.getInputStream(), SettingsUpdate.class);
                    simulator.configure(update == null ? new SettingsUpdate(null, null, null, null, null, null, null, null)
                            : update);
                    json(response, 200, simulator.servers());
                }
                case "spike" -> {
                    io.fleetdashboard.simulator.entity.SpikeRequest spike = jsonb.fromJson(
                            request.getInputStream(), io.fleetdashboard.simulator.entity.SpikeRequest.class);
                    Optional<io.fleetdashboard.simulator.entity.Spike> set = simulator.spike(spike);
                    if (set.isPresent()) {
                        json(response, 200, set.get());
                    } else {
                        error(response, 404, "No such container");
                    }
                }
                default -> error(response, 404, "Unknown control resource");
            }
        } catch (JsonbException e) {
            LOG.fine(() -> "Bad control request: " + e.getMessage());
            error(response, 400, "Invalid JSON body");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Control request failed: " + e);
            error(response, 500, "Simulator control failed");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!simulator.running()) {
            error(response, 404, "Simulator not running");
            return;
        }
        if (!action(request).equals("faults")) {
            error(response, 404, "Unknown control resource");
            return;
        }
        simulator.faults(List.of());
        response.setStatus(204);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim();
        return type.equalsIgnoreCase("application/json");
    }

    private static String action(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path.replaceAll("^/+|/+$", "");
    }

    private void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(jsonb.toJson(body));
    }

    private void error(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, Map.of("message", message));
    }
}

package io.fleetdashboard.containers.boundary;

import io.fleetdashboard.containers.entity.ContainerKey;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bookmarkable address of a container's details, /containers/{key}: forwards to the Faces view
 * container.xhtml?key=... (the address bar keeps the short form). Access is decided before, on this path
 * (AccessPolicy's /containers rule); an invalid key is a 404 page.
 */
@WebServlet("/containers/*")
public class ContainerPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The address of a container's details page, relative to the context root. */
    public static String path(String key) {
        return "/containers/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String info = request.getPathInfo();
        Optional<ContainerKey> key = info == null || info.length() < 2 || info.indexOf('/', 1) >= 0
                ? Optional.empty() : ContainerKey.parse(info.substring(1));
        if (key.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.getRequestDispatcher("/container.xhtml?key=" + URLEncoder.encode(key.get().key(),
                StandardCharsets.UTF_8)).forward(request, response);
    }
}

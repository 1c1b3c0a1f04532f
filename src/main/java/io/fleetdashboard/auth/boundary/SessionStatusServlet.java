package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.entity.SignedInUser;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The countdown's poll: seconds left in this sign-in, without counting as activity. {"remainingSeconds": n} */
@WebServlet(urlPatterns = "/session-status")
public class SessionStatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        SignedInUser user = session == null ? null : (SignedInUser) session.getAttribute(Sessions.USER);
        long remaining = user == null ? 0 : user.remainingSeconds(System.currentTimeMillis());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.getWriter().write("{\"remainingSeconds\":" + remaining + "}");
    }
}

package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.ReceivedMail;
import io.fleetdashboard.simulator.entity.SinkReport;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tiny SMTP server on its own loopback port, for the alerts: EHLO/HELO, AUTH PLAIN and LOGIN (only
 * {@link #PASSWORD} is accepted, any user name), MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT; no TLS. It records each
 * message (envelope, authenticated user, Subject, body with quoted-printable decoded) and keeps the last
 * {@link #KEEP}. One daemon thread accepts (like the JDK HTTP server's dispatcher); each session runs on the
 * simulation's executor with a read timeout.
 */
final class SmtpSink {

    private static final Logger LOG = Logger.getLogger(SmtpSink.class.getName());
    static final int KEEP = 500;
    static final String PASSWORD = "sink-password";
    private static final int MAX_MESSAGE = 2 * 1024 * 1024;

    private final Simulation simulation;
    private final Deque<ReceivedMail> received = new ArrayDeque<>();
    private ServerSocket socket;

    SmtpSink(Simulation simulation) {
        this.simulation = simulation;
    }

    synchronized void bind() throws IOException {
        if (socket != null) {
            return;
        }
        ServerSocket created = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket = created;
        Thread accept = new Thread(() -> acceptLoop(created), "simulator-smtp-sink");
        accept.setDaemon(true);
        accept.start();
    }

    synchronized void unbind() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "SMTP sink close", e);
            }
            socket = null;
        }
    }

    synchronized int port() {
        return socket == null ? 0 : socket.getLocalPort();
    }

    synchronized SinkReport<ReceivedMail> report(String recipient) {
        List<ReceivedMail> list = received.stream().filter(m -> recipient == null || m.to().stream()
                .anyMatch(t -> t.equalsIgnoreCase(recipient))).toList();
        return new SinkReport<>(null, "127.0.0.1", port(), PASSWORD, list);
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                simulation.executor().execute(() -> session(client));
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "SMTP sink accept", e);
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            client.setSoTimeout(15_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 simulator-smtp ESMTP ready");
            String from = null;
            String user = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    say(out, "250-simulator-smtp\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE " + MAX_MESSAGE);
                } else if (upper.startsWith("HELO")) {
                    say(out, "250 simulator-smtp");
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String arg = line.length() > 10 ? line.substring(10).strip() : "";
                    if (arg.isEmpty()) {
                        say(out, "334 ");
                        arg = in.readLine();
                    }
                    String[] parts = decode(arg).split("\0", -1);
                    if (parts.length == 3 && parts[2].equals(PASSWORD)) {
                        user = parts[1];
                        say(out, "235 2.7.0 Authentication successful");
                    } else {
                        say(out, "535 5.7.8 Authentication credentials invalid");
                    }
                } else if (upper.startsWith("AUTH LOGIN")) {
                    say(out, "334 VXNlcm5hbWU6");
                    String name = decode(in.readLine());
                    say(out, "334 UGFzc3dvcmQ6");
                    String password = decode(in.readLine());
                    if (password.equals(PASSWORD)) {
                        user = name;
                        say(out, "235 2.7.0 Authentication successful");
                    } else {
                        say(out, "535 5.7.8 Authentication credentials invalid");
                    }
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = address(line.substring(10));
                    to.clear();
                    say(out, "250 2.1.0 OK");
                } else if (upper.startsWith("RCPT TO:")) {
                    to.add(address(line.substring(8)));
                    say(out, "250 2.1.5 OK");
                } else if (upper.equals("DATA")) {
                    if (from == null || to.isEmpty()) {
                        say(out, "503 5.5.1 MAIL FROM and RCPT TO first");
                        continue;
                    }
                    say(out, "354 End data with <CR><LF>.<CR><LF>");
                    String data = data(in);
                    record(from, to, user, data);
                    say(out, "250 2.0.0 OK queued");
                    from = null;
                    to = new ArrayList<>();
                } else if (upper.equals("RSET")) {
                    from = null;
                    to.clear();
                    say(out, "250 2.0.0 OK");
                } else if (upper.equals("NOOP")) {
                    say(out, "250 2.0.0 OK");
                } else if (upper.equals("QUIT")) {
                    say(out, "221 2.0.0 Bye");
                    return;
                } else {
                    say(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "SMTP sink session", e);
        }
    }

    private static String data(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            if (data.length() > MAX_MESSAGE) {
                throw new IOException("message too large");
            }
        }
        return data.toString();
    }

    private void record(String from, List<String> to, String user, String data) {
        int split = data.indexOf("\r\n\r\n");
        String headers = split < 0 ? data : data.substring(0, split);
        String body = split < 0 ? "" : data.substring(split + 4);
        String subject = header(headers, "Subject");
        String encoding = header(headers, "Content-Transfer-Encoding");
        if (encoding != null && encoding.equalsIgnoreCase("quoted-printable")) {
            body = quotedPrintable(body);
        } else if (encoding != null && encoding.equalsIgnoreCase("base64")) {
            body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        synchronized (this) {
            received.addLast(new ReceivedMail(simulation.now(), from, to, user, subject, body));
            while (received.size() > KEEP) {
                received.removeFirst();
            }
        }
    }

    /** A header's value with folded lines joined; null when absent. */
    static String header(String headers, String name) {
        String unfolded = headers.replaceAll("\r\n[ \t]+", " ");
        for (String h : unfolded.split("\r\n")) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).strip();
            }
        }
        return null;
    }

    static String quotedPrintable(String text) {
        String joined = text.replace("=\r\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String address(String text) {
        String t = text.strip();
        int lt = t.indexOf('<');
        int gt = t.indexOf('>');
        return lt >= 0 && gt > lt ? t.substring(lt + 1, gt) : t.split("\\s+")[0];
    }

    private static String decode(String base64) {
        if (base64 == null) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

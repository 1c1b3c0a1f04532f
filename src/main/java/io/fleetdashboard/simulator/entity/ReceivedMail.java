package io.fleetdashboard.simulator.entity;

import java.util.List;

/**
 * One message the SMTP sink received: envelope sender and recipients, the user that authenticated (null without
 * AUTH), the Subject header as sent, and the text body (quoted-printable decoded).
 */
public record ReceivedMail(long at, String from, List<String> to, String user, String subject, String body) {

    public ReceivedMail {
        to = List.copyOf(to);
    }
}

package io.fleetdashboard.alerts.control;

import io.fleetdashboard.alerts.entity.DeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way out to SMTP servers (Jakarta Mail, Liberty feature mail-2.1): plain text, UTF-8, connect, read and
 * write timeouts (ALERTS_SMTP_TIMEOUT_SECONDS), STARTTLS when the channel asks for it (then required), SMTP AUTH when
 * it has a user name. Failures name the server, never the password.
 */
@ApplicationScoped
public class MailGateway {

    /** Where and how to send; {@code password} decrypted, for this send only. */
    public record SmtpTarget(String host, int port, String username, String password, boolean starttls, String from,
                             List<String> to) {

        @Override
        public String toString() {
            return "SmtpTarget[" + host + ":" + port + ", user " + username + ", to " + to + "]";
        }
    }

    @Inject
    @ConfigProperty(name = "alerts.smtp.timeout.seconds", defaultValue = "10")
    int timeoutSeconds;

    public void send(SmtpTarget target, String subject, String body) throws DeliveryException {
        String server = target.host() + ":" + target.port();
        String millis = Long.toString(Math.max(1, timeoutSeconds) * 1000L);
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", target.host());
        p.setProperty("mail.smtp.port", Integer.toString(target.port()));
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        boolean auth = target.username() != null && !target.username().isBlank();
        p.setProperty("mail.smtp.auth", Boolean.toString(auth));
        if (target.starttls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        Session session = auth ? Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(target.username(), target.password() == null ? ""
                        : target.password());
            }
        }) : Session.getInstance(p);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(target.from(), true));
            Address[] to = new Address[target.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(target.to().get(i), true);
            }
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject.replaceAll("[\\r\\n]+", " "), "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("the SMTP server " + server + " refused the user name or password", false);
        } catch (SendFailedException e) {
            throw new DeliveryException("the SMTP server " + server + " refused the message or its recipients",
                    false);
        } catch (MessagingException e) {
            String why = e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName();
            throw new DeliveryException("SMTP error with " + server + " (" + why + ")", true);
        }
    }
}

package io.fleetdashboard.alerts.control;

import io.fleetdashboard.alerts.entity.AlertChannel;
import io.fleetdashboard.alerts.entity.AlertRefusedException;
import io.fleetdashboard.alerts.entity.ChannelSettings;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.environments.control.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The channels admins configure: created, changed, switched on or off and deleted, each change in the audit log
 * (never with the secret). The secret (webhook URL, SMTP password) is encrypted with the SecretCipher before it is
 * stored; an update without one keeps the stored one.
 */
@ApplicationScoped
public class AlertChannels {

    @Inject
    AlertStore store;

    @Inject
    SecretCipher cipher;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    public List<AlertChannel> list() {
        return store.channels();
    }

    public AlertChannel find(long id) {
        return store.channel(id).orElseThrow(() -> AlertRefusedException.missing("No alert channel " + id + "."));
    }

    public AlertChannel create(ChannelSettings s, String user, String role) {
        if (store.channelNamed(s.name()).isPresent()) {
            audit.record(user, role, "alerts.channel.create", null, s.name(), AuditResult.DENIED, 0,
                    "a channel of that name exists");
            throw AlertRefusedException.conflict("A channel named \"" + s.name() + "\" exists already.");
        }
        if (s.secret() == null && s.kind().webhook()) {
            throw AlertRefusedException.invalid("url is required for a " + s.kind().apiName() + " channel.");
        }
        AlertChannel channel = new AlertChannel(s.name(), s.kind(), clock.instant());
        channel.apply(s, clock.instant());
        if (s.secret() != null) {
            channel.secret(cipher.encrypt(s.secret()), hint(s));
        }
        AlertChannel added = store.add(channel);
        audit.record(user, role, "alerts.channel.create", "channel:" + added.getId(), added.getName(),
                AuditResult.SUCCESS, 0, describe(added));
        return added;
    }

    public AlertChannel update(long id, ChannelSettings s, String user, String role) {
        AlertChannel existing = find(id);
        store.channelNamed(s.name()).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw AlertRefusedException.conflict("A channel named \"" + s.name() + "\" exists already.");
        });
        if (existing.getKind().webhook() != s.kind().webhook() && s.secret() == null) {
            throw AlertRefusedException.invalid("Changing between webhook and email needs the new "
                    + (s.kind().webhook() ? "url" : "smtp password") + " too.");
        }
        String encrypted = s.secret() == null ? null : cipher.encrypt(s.secret());
        AlertChannel changed = BusyRetry.run(() -> store.change(id, c -> {
            c.apply(s, clock.instant());
            if (encrypted != null) {
                c.secret(encrypted, hint(s));
            }
        })).orElseThrow(() -> AlertRefusedException.missing("No alert channel " + id + "."));
        audit.record(user, role, "alerts.channel.update", "channel:" + id, changed.getName(), AuditResult.SUCCESS, 0,
                describe(changed) + (encrypted == null ? "; secret kept" : "; secret replaced"));
        return changed;
    }

    public AlertChannel enable(long id, boolean on, String user, String role) {
        AlertChannel changed = BusyRetry.run(() -> store.change(id, c -> c.enabled(on, clock.instant())))
                .orElseThrow(() -> AlertRefusedException.missing("No alert channel " + id + "."));
        audit.record(user, role, on ? "alerts.channel.enable" : "alerts.channel.disable", "channel:" + id,
                changed.getName(), AuditResult.SUCCESS, 0, null);
        return changed;
    }

    public void delete(long id, String user, String role) {
        AlertChannel existing = find(id);
        if (!store.remove(id)) {
            throw AlertRefusedException.missing("No alert channel " + id + ".");
        }
        audit.record(user, role, "alerts.channel.delete", "channel:" + id, existing.getName(), AuditResult.SUCCESS, 0,
                existing.getKind().apiName());
    }

    /** What may be shown of the secret: the webhook's scheme and host; nothing of a password. */
    static String hint(ChannelSettings s) {
        if (!s.kind().webhook()) {
            return "password set";
        }
        return WebhookGateway.host(URI.create(s.secret()));
    }

    static String describe(AlertChannel c) {
        return c.getKind().apiName() + " to " + c.getDestination() + ", min " + c.getMinSeverity().apiName()
                + (c.categoryList().isEmpty() ? "" : ", categories " + c.categoryList())
                + (c.kindList().isEmpty() ? "" : ", kinds " + c.kindList()) + ", re-notify "
                + c.getRenotifySeconds() + " s" + (c.isNotifyResolved() ? ", resolved notices" : "")
                + (c.isEnabled() ? "" : ", disabled");
    }
}

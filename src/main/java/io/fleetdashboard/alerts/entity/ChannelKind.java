package io.fleetdashboard.alerts.entity;

import java.util.Locale;

/** Where a channel sends: a generic JSON webhook, a Slack, Teams or Discord incoming webhook, or email over SMTP. */
public enum ChannelKind {
    WEBHOOK, SLACK, TEAMS, DISCORD, EMAIL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean webhook() {
        return this != EMAIL;
    }
}

package io.fleetdashboard.alerts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A time span without sends (V8__alerts.sql): [startsAt, endsAt). What would have gone out is recorded SUPPRESSED. */
@Entity
@Table(name = "alert_maintenance")
@NamedQuery(name = "MaintenanceWindow.notEnded", query = "SELECT w FROM MaintenanceWindow w WHERE w.endsAt > :now "
        + "ORDER BY w.startsAt")
@NamedQuery(name = "MaintenanceWindow.recent", query = "SELECT w FROM MaintenanceWindow w ORDER BY w.startsAt DESC")
public class MaintenanceWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "starts_at", nullable = false)
    private long startsAt;

    @Column(name = "ends_at", nullable = false)
    private long endsAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected MaintenanceWindow() {
    }

    public MaintenanceWindow(String name, Instant startsAt, Instant endsAt, String createdBy, Instant createdAt) {
        this.name = name;
        this.startsAt = startsAt.toEpochMilli();
        this.endsAt = endsAt.toEpochMilli();
        this.createdBy = createdBy;
        this.createdAt = createdAt.toEpochMilli();
    }

    public boolean covers(Instant at) {
        long t = at.toEpochMilli();
        return t >= startsAt && t < endsAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant startsAt() {
        return Instant.ofEpochMilli(startsAt);
    }

    public Instant endsAt() {
        return Instant.ofEpochMilli(endsAt);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}

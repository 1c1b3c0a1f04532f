package io.fleetdashboard.backups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One backup of a Portainer server: its archive is a file in the data directory's backups/ folder (storedName);
 * this row says what it is. No password is ever stored, only whether one was given. Times: epoch ms.
 */
@Entity
@Table(name = "portainer_backup")
@NamedQuery(name = "PortainerBackup.findAll",
        query = "SELECT b FROM PortainerBackup b ORDER BY b.createdAt DESC, b.id DESC")
@NamedQuery(name = "PortainerBackup.findDone", query = "SELECT b FROM PortainerBackup b WHERE b.environment = "
        + ":environment AND b.status = io.fleetdashboard.backups.entity.BackupStatus.DONE "
        + "ORDER BY b.createdAt DESC, b.id DESC")
@NamedQuery(name = "PortainerBackup.lastOf", query = "SELECT b FROM PortainerBackup b WHERE b.environment = "
        + ":environment ORDER BY b.createdAt DESC, b.id DESC")
@NamedQuery(name = "PortainerBackup.findRunning", query = "SELECT b FROM PortainerBackup b WHERE b.status = "
        + "io.fleetdashboard.backups.entity.BackupStatus.RUNNING")
public class PortainerBackup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String environment;

    /** The name Portainer gave the archive (made safe), offered on download. */
    @Column(name = "file_name", nullable = false)
    private String fileName;

    /** The file's name inside backups/. */
    @Column(name = "stored_name", nullable = false)
    private String storedName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BackupStatus status;

    @Column(nullable = false)
    private long bytes;

    @Column(name = "with_password", nullable = false)
    private boolean withPassword;

    /** The archive starts with gzip's magic bytes (not encrypted). */
    @Column(nullable = false)
    private boolean gzip;

    @Column(nullable = false)
    private boolean scheduled;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    /** Why it failed, or null. */
    @Column
    private String message;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "finished_at")
    private Long finishedAt;

    public PortainerBackup() {
    }

    public PortainerBackup(String environment, boolean withPassword, boolean scheduled, String requestedBy,
                           Instant at) {
        this.environment = environment;
        this.fileName = "pending";
        this.storedName = "pending";
        this.status = BackupStatus.RUNNING;
        this.withPassword = withPassword;
        this.scheduled = scheduled;
        this.requestedBy = requestedBy;
        this.createdAt = at.toEpochMilli();
    }

    public Long getId() {
        return id;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getFileName() {
        return fileName;
    }

    public String getStoredName() {
        return storedName;
    }

    public void setStoredName(String storedName) {
        this.storedName = storedName;
    }

    public BackupStatus getStatus() {
        return status;
    }

    public long getBytes() {
        return bytes;
    }

    public boolean isWithPassword() {
        return withPassword;
    }

    public boolean isGzip() {
        return gzip;
    }

    public boolean isScheduled() {
        return scheduled;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant getFinishedAt() {
        return finishedAt == null ? null : Instant.ofEpochMilli(finishedAt);
    }

    public void done(String fileName, String storedName, long bytes, boolean gzip, Instant at) {
        this.status = BackupStatus.DONE;
        this.fileName = fileName;
        this.storedName = storedName;
        this.bytes = bytes;
        this.gzip = gzip;
        this.finishedAt = at.toEpochMilli();
    }

    public void failed(String message, Instant at) {
        this.status = BackupStatus.FAILED;
        this.message = message;
        this.finishedAt = at.toEpochMilli();
    }
}

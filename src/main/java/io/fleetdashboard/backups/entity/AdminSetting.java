package io.fleetdashboard.backups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One administration setting edited in the UI (table admin_setting): a name and its value as text. */
@Entity
@Table(name = "admin_setting")
public class AdminSetting {

    @Id
    private String name;

    @Column(nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    public AdminSetting() {
    }

    public AdminSetting(String name, String value, long updatedAt) {
        this.name = name;
        this.value = value;
        this.updatedAt = updatedAt;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value, long at) {
        this.value = value;
        this.updatedAt = at;
    }
}

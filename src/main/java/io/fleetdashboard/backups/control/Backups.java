package io.fleetdashboard.backups.control;

import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.backups.entity.BackupPolicy;
import io.fleetdashboard.backups.entity.BackupRefused;
import io.fleetdashboard.backups.entity.BackupRefused.Why;
import io.fleetdashboard.backups.entity.BackupStatus;
import io.fleetdashboard.backups.entity.BackupSummary;
import io.fleetdashboard.backups.entity.PortainerBackup;
import io.fleetdashboard.cluster.control.CollectorLease;
import io.fleetdashboard.database.control.DataDirectory;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.BackupArchive;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.ui.Sizes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backups of Portainer servers (POST /api/backup), on request and on a schedule: each runs on a managed thread and
 * streams the archive into a file of the data directory's backups/ folder (never whole in memory), with its progress
 * in bytes; then the oldest archives beyond the retention (keep last N per environment) are deleted. One backup per
 * environment at a time (Portainer holds its writes while it builds one). A password goes to Portainer only: never
 * stored or logged. Every backup and deletion is audited.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    static final int DEFAULT_KEEP = 10;
    static final int MAX_PASSWORD = 256;
    static final String KEEP = "backup.keep";
    static final String INTERVAL = "backup.interval";
    static final String INTERVAL_SINCE = "backup.interval.since";
    /** An archive being written: {@code <id>.part}; moved to {@code <id>_<name>} when complete. */
    static final String PART = ".part";
    static final String INTERRUPTED = "Interrupted: the dashboard stopped (a crash or a restart) while the archive "
            + "was being written; the unfinished archive was discarded. Start a new backup.";

    /** Several instances on one database: only the collector lease's holder runs scheduled rounds (null in tests). */
    @Inject
    CollectorLease lease;

    @Inject
    BackupStore store;

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    AuditLog audit;

    @Inject
    DataDirectory dataDirectory;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService timer;

    /** The original's variable: when set, the schedule is this one and not editable in the UI. */
    @Inject
    @ConfigProperty(name = "portainer.backup.interval")
    Optional<String> intervalVariable;

    /** The password of scheduled backups (optional; never stored). */
    @Inject
    @ConfigProperty(name = "portainer.backup.password")
    Optional<String> scheduledPassword;

    @Inject
    @ConfigProperty(name = "backup.schedule.check.seconds", defaultValue = "60")
    long checkSeconds;

    private final Map<Long, AtomicLong> progress = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<BackupSummary>> inFlight = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> schedule;

    /** Backups a crash or restart interrupted are discarded ({@link #discardInterrupted}); the schedule starts. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            discardInterrupted();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Interrupted backups could not be discarded at start-up", e);
        }
        intervalVariable.filter(v -> !v.isBlank()).ifPresent(v -> {
            try {
                BackupInterval.parse(v);
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "PORTAINER_BACKUP_INTERVAL=" + v + " is ignored: " + e.getMessage());
            }
        });
        schedule = timer.scheduleWithFixedDelay(this::scheduledRound, checkSeconds, checkSeconds, TimeUnit.SECONDS);
    }

    /**
     * At start-up, nothing is being written by this server: a backup still RUNNING in the database was interrupted
     * (kill -9, a crash, a restart). Its row is marked failed with the reason, its files are deleted (the partial
     * archive, or a complete one moved into place before its row was updated) and the discard is audited. Partial
     * files left beside rows that are not running (a crash between the row's update and the file's deletion) go
     * too.
     */
    void discardInterrupted() {
        Path directory = directory();
        for (PortainerBackup interrupted : store.running()) {
            long id = interrupted.getId();
            int deleted = deleteFilesOf(directory, id);
            store.change(id, b -> b.failed(INTERRUPTED, Instant.now()));
            audit.record("system", null, "backup.create", interrupted.getEnvironment(), null, AuditResult.FAILURE, 0,
                    "backup " + id + ": " + INTERRUPTED + (deleted > 0 ? " " + deleted + " file(s) deleted." : ""));
            LOG.warning(() -> "Backup " + id + " of " + interrupted.getEnvironment() + " was interrupted: marked "
                    + "failed, " + deleted + " file(s) deleted");
        }
        try (var files = Files.list(directory)) {
            for (Path stray : files.filter(f -> f.getFileName().toString().endsWith(PART)).toList()) {
                Long id = idOf(stray.getFileName().toString());
                if (id == null || store.find(id).map(b -> b.getStatus() != BackupStatus.RUNNING).orElse(true)) {
                    deleteQuietly(stray);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list " + directory, e);
        }
    }

    /** Deletes {@code <id>.part} and {@code <id>_<name>}; how many there were. */
    static int deleteFilesOf(Path directory, long id) {
        int deleted = 0;
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> belongsTo(f.getFileName().toString(), id)).toList()) {
                deleteQuietly(file);
                deleted += Files.exists(file) ? 0 : 1;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list " + directory, e);
        }
        return deleted;
    }

    static boolean belongsTo(String fileName, long id) {
        return fileName.equals(id + PART) || fileName.startsWith(id + "_");
    }

    /** The backup id a file of backups/ is named after ({@code 12.part}, {@code 12_name}), or null. */
    static Long idOf(String fileName) {
        int end = 0;
        while (end < fileName.length() && Character.isDigit(fileName.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 18) {
            return null;
        }
        return Long.parseLong(fileName.substring(0, end));
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    public List<BackupSummary> list() {
        return store.all(1000).stream().map(this::summary).toList();
    }

    public BackupSummary one(long id) {
        return store.find(id).map(this::summary).orElseThrow(() -> notFound(id));
    }

    /** Starts a backup of an environment now; the answer is its RUNNING row (poll the list, or {@link #await}). */
    public BackupSummary start(String environment, String password, boolean scheduled, String user, String role) {
        EnvironmentConnection connection = environments.connection(environment).orElseThrow(
                () -> new BackupRefused(Why.NOT_FOUND, "No environment named " + environment + "."));
        String secret = password == null || password.isEmpty() ? null : password;
        if (secret != null && (secret.length() > MAX_PASSWORD || secret.chars().anyMatch(Character::isISOControl))) {
            throw new BackupRefused(Why.INVALID, "password must be at most " + MAX_PASSWORD
                    + " characters without control characters.");
        }
        if (!busy.add(environment)) {
            throw new BackupRefused(Why.CONFLICT, "A backup of " + environment + " is running; wait for it to end.");
        }
        PortainerBackup row;
        try {
            row = store.insert(new PortainerBackup(environment, secret != null, scheduled, user == null ? "system"
                    : user, Instant.now()));
        } catch (RuntimeException e) {
            busy.remove(environment);
            throw e;
        }
        long id = row.getId();
        progress.put(id, new AtomicLong());
        CompletableFuture<BackupSummary> run = new CompletableFuture<>();
        inFlight.put(id, run);
        try {
            executor.execute(() -> {
                try {
                    run.complete(run(id, connection, secret, user, role));
                } catch (RuntimeException e) {
                    run.completeExceptionally(e);
                } finally {
                    inFlight.remove(id);
                    busy.remove(environment);
                }
            });
        } catch (RuntimeException rejected) {
            busy.remove(environment);
            inFlight.remove(id);
            progress.remove(id);
            store.change(id, b -> b.failed("Could not be started (the server is busy).", Instant.now()));
            throw new BackupRefused(Why.CONFLICT, "The backup could not be started now; try again.");
        }
        return summary(row);
    }

    /** Waits up to {@code timeout} for a backup started here to end; its row as it is then. */
    public BackupSummary await(long id, Duration timeout) {
        CompletableFuture<BackupSummary> run = inFlight.get(id);
        if (run != null && !timeout.isZero()) {
            try {
                run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the row says how it stands
            }
        }
        return one(id);
    }

    private BackupSummary run(long id, EnvironmentConnection connection, String password, String user,
                              String role) {
        long started = System.nanoTime();
        Path directory = directory();
        Path part = directory.resolve(id + PART);
        AtomicLong written = progress.get(id);
        String actor = user == null ? "system" : user;
        try {
            BackupArchive archive = gateway.backup(connection, password, in -> copy(in, part, written));
            boolean gzip = gzip(part);
            String stored = id + "_" + archive.fileName();
            Files.move(part, directory.resolve(stored), StandardCopyOption.ATOMIC_MOVE);
            store.change(id, b -> b.done(archive.fileName(), stored, archive.bytes(), gzip, Instant.now()));
            audit.record(actor, role, "backup.create", connection.name(), archive.fileName(), AuditResult.SUCCESS,
                    millisSince(started), Sizes.bytes(archive.bytes()) + (password != null ? ", password-protected"
                            : "") + (user == null ? ", scheduled" : ""));
            LOG.info(() -> "Backup " + id + " of " + connection.name() + ": " + archive.bytes() + " bytes");
            applyRetention(connection.name());
        } catch (PortainerException e) {
            fail(id, connection, e.getMessage(), actor, role, started);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Backup " + id + " of " + connection.name() + " could not be written", e);
            fail(id, connection, "Could not write the archive to the data directory (" + e.getClass().getSimpleName()
                    + ").", actor, role, started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Backup " + id + " of " + connection.name() + " failed", e);
            fail(id, connection, "The backup failed (" + e.getClass().getSimpleName() + "); the server log has the "
                    + "details.", actor, role, started);
        } finally {
            progress.remove(id);
            deleteQuietly(part);
        }
        return one(id);
    }

    private void fail(long id, EnvironmentConnection connection, String message, String actor, String role,
                      long started) {
        store.change(id, b -> b.failed(message, Instant.now()));
        audit.record(actor, role, "backup.create", connection.name(), null, AuditResult.FAILURE, millisSince(started),
                message);
    }

    /** Streams the archive into the file, counting the bytes as they arrive. */
    static long copy(InputStream in, Path file, AtomicLong written) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                total += n;
                if (written != null) {
                    written.set(total);
                }
            }
        }
        return total;
    }

    static boolean gzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
    }

    /** A complete backup's archive, for a download; CONFLICT while running or after a failure. */
    public Archive archive(long id) {
        PortainerBackup backup = store.find(id).orElseThrow(() -> notFound(id));
        if (backup.getStatus() != BackupStatus.DONE) {
            throw new BackupRefused(Why.CONFLICT, "Backup " + id + " is " + backup.getStatus().name()
                    .toLowerCase(java.util.Locale.ROOT) + ": it has no archive to download.");
        }
        Path file = directory().resolve(backup.getStoredName());
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused(Why.NOT_FOUND, "The archive of backup " + id + " is missing from the data "
                    + "directory.");
        }
        return new Archive(file, backup.getFileName(), backup.isGzip(), backup.getBytes());
    }

    /** A complete backup's file and how to offer it. */
    public record Archive(Path file, String fileName, boolean gzip, long bytes) {
    }

    public void delete(long id, String user, String role) {
        long started = System.nanoTime();
        PortainerBackup backup = store.find(id).orElseThrow(() -> notFound(id));
        if (backup.getStatus() == BackupStatus.RUNNING) {
            throw new BackupRefused(Why.CONFLICT, "Backup " + id + " is running; delete it when it has ended.");
        }
        remove(backup);
        audit.record(user, role, "backup.delete", backup.getEnvironment(), backup.getFileName(), AuditResult.SUCCESS,
                millisSince(started), "backup " + id);
    }

    private void remove(PortainerBackup backup) {
        if (backup.getStatus() == BackupStatus.DONE) {
            deleteQuietly(directory().resolve(backup.getStoredName()));
        }
        store.delete(backup.getId());
    }

    /** Keeps the newest {@code keep} complete archives of an environment; older ones are deleted (audited). */
    void applyRetention(String environment) {
        int keep = policy().keep();
        List<PortainerBackup> done = store.done(environment);
        for (PortainerBackup old : done.subList(Math.min(keep, done.size()), done.size())) {
            remove(old);
            audit.record("system", null, "backup.delete", environment, old.getFileName(), AuditResult.SUCCESS, 0,
                    "retention: the last " + keep + " are kept");
        }
    }

    public BackupPolicy policy() {
        int keep = store.setting(KEEP).map(Backups::keepValue).orElse(DEFAULT_KEEP);
        boolean fromVariable = intervalVariable.filter(v -> !v.isBlank()).isPresent();
        String interval = fromVariable ? intervalVariable.get().strip() : store.setting(INTERVAL).orElse("off");
        long seconds;
        try {
            seconds = BackupInterval.parse(interval).toSeconds();
        } catch (IllegalArgumentException e) {
            seconds = 0;
        }
        return new BackupPolicy(keep, interval, seconds, fromVariable);
    }

    /** Changes retention and (unless PORTAINER_BACKUP_INTERVAL is set) the schedule; null: unchanged. */
    public BackupPolicy changePolicy(Integer keep, String interval, String user, String role) {
        long started = System.nanoTime();
        BackupPolicy before = policy();
        if (keep != null && (keep < 1 || keep > 1000)) {
            throw new BackupRefused(Why.INVALID, "keep must be between 1 and 1000 backups per environment.");
        }
        String newInterval = null;
        if (interval != null && !interval.strip().equals(before.interval())) {
            if (before.intervalFromVariable()) {
                throw new BackupRefused(Why.CONFLICT, "The interval is set by PORTAINER_BACKUP_INTERVAL: change it "
                        + "there.");
            }
            try {
                newInterval = BackupInterval.parse(interval).isZero() ? "off" : interval.strip();
            } catch (IllegalArgumentException e) {
                throw new BackupRefused(Why.INVALID, e.getMessage());
            }
        }
        StringBuilder changes = new StringBuilder();
        if (keep != null && keep != before.keep()) {
            store.setSetting(KEEP, Integer.toString(keep));
            changes.append("keep ").append(keep);
        }
        if (newInterval != null && !newInterval.equals(before.interval())) {
            store.setSetting(INTERVAL, newInterval);
            store.setSetting(INTERVAL_SINCE, Long.toString(Instant.now().toEpochMilli()));
            changes.append(changes.isEmpty() ? "" : ", ").append("interval ").append(newInterval);
        }
        if (!changes.isEmpty()) {
            audit.record(user, role, "backup.settings", null, null, AuditResult.SUCCESS, millisSince(started),
                    changes.toString());
            if (keep != null && keep < before.keep()) {
                store.all(10_000).stream().map(PortainerBackup::getEnvironment).collect(Collectors.toSet())
                        .forEach(this::applyRetention);
            }
        }
        return policy();
    }

    /** Every check: a backup of each collected environment whose last one is older than the interval. */
    void scheduledRound() {
        if (lease != null && !lease.holds()) {
            return; // several instances: the collector lease's holder runs it, once for all
        }
        try {
            BackupPolicy policy = policy();
            if (policy.intervalSeconds() <= 0) {
                return;
            }
            long since = policy.intervalFromVariable() ? 0
                    : store.setting(INTERVAL_SINCE).map(Long::parseLong).orElse(0L);
            Instant now = Instant.now();
            for (EnvironmentConnection environment : environments.active()) {
                long last = store.last(environment.name()).map(b -> b.getCreatedAt().toEpochMilli()).orElse(0L);
                if (due(Math.max(last, since), policy.intervalSeconds(), now) && !busy.contains(environment.name())) {
                    start(environment.name(), scheduledPassword.orElse(null), true, null, null);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled backups failed", e);
        }
    }

    static boolean due(long lastMillis, long intervalSeconds, Instant now) {
        return intervalSeconds > 0 && now.toEpochMilli() - lastMillis >= intervalSeconds * 1000;
    }

    private BackupSummary summary(PortainerBackup backup) {
        AtomicLong bytes = progress.get(backup.getId());
        return BackupSummary.of(backup, bytes == null ? 0 : bytes.get());
    }

    Path directory() {
        Path directory = dataDirectory.ensureExists().resolve("backups");
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup directory " + directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + file, e);
        }
    }

    private static Integer keepValue(String text) {
        try {
            return Math.max(1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_KEEP;
        }
    }

    private static BackupRefused notFound(long id) {
        return new BackupRefused(Why.NOT_FOUND, "No backup " + id + ".");
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

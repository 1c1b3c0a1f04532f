package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The last published snapshot on disk, crash-safe: written to a temporary file, forced to the device, then renamed
 * over the previous copy in one atomic step (and the directory forced, so the rename itself survives a power cut).
 * At any moment the file is either the old snapshot or the new one, whole: a {@code kill -9}, an OOM kill or a power
 * cut in the middle of a write leaves the previous copy. Serialized Java records, gzipped, behind a magic header and
 * a format version; anything else found there (another version, a damaged file) is ignored, never half-read.
 */
final class SnapshotFile {

    static final String NAME = "fleet-snapshot.bin";
    private static final int MAGIC = 0x464C5453; // "FLTS"
    private static final int FORMAT = 1;
    private static final Logger LOG = Logger.getLogger(SnapshotFile.class.getName());
    /** Only our snapshot's records and the JDK's collections and time types may be read back. */
    private static final ObjectInputFilter ONLY_SNAPSHOT_TYPES = ObjectInputFilter.Config.createFilter(
            "maxdepth=50;io.fleetdashboard.fleet.entity.*;io.fleetdashboard.portainer.entity.*;java.time.*;"
                    + "java.util.*;java.lang.*;!*");

    private final Path file;
    private final Path temporary;

    SnapshotFile(Path directory) {
        this.file = directory.resolve(NAME);
        this.temporary = directory.resolve(NAME + ".tmp");
    }

    Path path() {
        return file;
    }

    void write(FleetSnapshot snapshot) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream unclosed = Channels.newOutputStream(channel);
            DataOutputStream header = new DataOutputStream(unclosed);
            header.writeInt(MAGIC);
            header.writeInt(FORMAT);
            header.flush();
            GZIPOutputStream gzip = fastGzip(new BufferedOutputStream(unclosed, 1 << 16));
            ObjectOutputStream out = new ObjectOutputStream(gzip);
            out.writeObject(snapshot);
            out.flush();
            gzip.finish();
            gzip.flush();
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /** gzip at its fastest level: a bigger file, a fraction of the CPU of the default level (written per refresh). */
    private static GZIPOutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    Optional<FleetSnapshot> read() {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream header = new DataInputStream(raw);
            if (header.readInt() != MAGIC || header.readInt() != FORMAT) {
                LOG.warning(() -> "Ignoring " + file + ": not a snapshot of this version");
                return Optional.empty();
            }
            try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(raw, 1 << 16))) {
                in.setObjectInputFilter(ONLY_SNAPSHOT_TYPES);
                return Optional.of((FleetSnapshot) in.readObject());
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // e.g. written by an incompatible version (a record component missing): a miss, not an outage
            LOG.log(Level.WARNING, "Ignoring an unreadable persisted snapshot {0}: {1}", new Object[] {file, e});
            return Optional.empty();
        }
    }

    /** The snapshot as bytes (gzip'd serialization, as in the file), for the database copy shared by instances. */
    public static byte[] toBytes(FleetSnapshot snapshot) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        GZIPOutputStream gzip = fastGzip(bytes);
        try (ObjectOutputStream out = new ObjectOutputStream(gzip)) {
            out.writeObject(snapshot);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes} back, with the same filter as the file: only the snapshot's own types. */
    public static FleetSnapshot fromBytes(byte[] body) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(
                new java.io.ByteArrayInputStream(body), 1 << 16))) {
            in.setObjectInputFilter(ONLY_SNAPSHOT_TYPES);
            return (FleetSnapshot) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("Not a snapshot of this version: " + e.getMessage(), e);
        }
    }

    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can open a directory; the rename is still atomic there.
            LOG.log(Level.FINE, "Cannot force the directory of " + file, e);
        }
    }
}

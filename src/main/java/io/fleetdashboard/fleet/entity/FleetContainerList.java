package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Port;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The snapshot's container lists: an immutable list that serializes compactly. Java serialization of the records
 * themselves writes some twenty objects per container (strings, Instant, lists, enums), each looked up in the
 * stream's identity table; for 50,000 containers that was the largest CPU cost of a refresh (docs/performance.md).
 * This form writes each container as plain fields, repeated strings (environment, endpoint, image, status, ...)
 * once and then by index.
 */
final class FleetContainerList extends AbstractList<FleetContainer> implements RandomAccess, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FleetContainer> items;

    private FleetContainerList(List<FleetContainer> items) {
        this.items = items;
    }

    static List<FleetContainer> of(List<FleetContainer> containers) {
        return new FleetContainerList(List.copyOf(containers));
    }

    @Override
    public FleetContainer get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Serial
    private Object writeReplace() {
        return new Form(items);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("written through its serial form only");
    }

    /** The serial form: a count, then each container's fields; strings through a table of those seen before. */
    private static final class Form implements Serializable {

        @Serial
        /** 2: labels and network addresses are written too (a file of version 1 is not read: no restored snapshot). */
        private static final long serialVersionUID = 2L;
        private static final int NULL = -1;
        /** A string that goes into the table: it is likely to come again. */
        private static final int NEW = -2;
        /** A string written as it is and not remembered (ids and names: each comes once). */
        private static final int ONCE = -3;
        /** The key, when it is the usual endpointKey:containerId. */
        private static final int DERIVED_KEY = -4;

        private transient List<FleetContainer> items;

        Form(List<FleetContainer> items) {
            this.items = items;
        }

        @Serial
        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            Map<String, Integer> table = new HashMap<>();
            out.writeInt(items.size());
            for (FleetContainer fc : items) {
                Container c = fc.container();
                if (derivedKey(fc)) {
                    out.writeInt(DERIVED_KEY);
                } else {
                    once(out, fc.key());
                }
                string(out, table, fc.environment());
                string(out, table, fc.endpointKey());
                string(out, table, fc.endpointName());
                once(out, c.id());
                once(out, c.name());
                string(out, table, c.image());
                string(out, table, c.imageId());
                string(out, table, c.state() == null ? null : c.state().name());
                string(out, table, c.status());
                string(out, table, c.health() == null ? null : c.health().name());
                integer(out, c.exitCode());
                out.writeBoolean(c.created() != null);
                if (c.created() != null) {
                    out.writeLong(c.created().getEpochSecond());
                    out.writeInt(c.created().getNano());
                }
                list(out, c.ports() == null ? null : c.ports().size());
                if (c.ports() != null) {
                    for (Port p : c.ports()) {
                        string(out, table, p.ip());
                        out.writeInt(p.privatePort());
                        integer(out, p.publicPort());
                        string(out, table, p.type());
                    }
                }
                string(out, table, c.composeProject());
                string(out, table, c.composeService());
                list(out, c.networks() == null ? null : c.networks().size());
                if (c.networks() != null) {
                    for (String network : c.networks()) {
                        string(out, table, network);
                    }
                }
                out.writeInt(c.labels().size());
                for (Map.Entry<String, String> label : c.labels().entrySet()) {
                    string(out, table, label.getKey());
                    string(out, table, label.getValue());
                }
                out.writeInt(c.networkAddresses().size());
                for (Map.Entry<String, String> address : c.networkAddresses().entrySet()) {
                    string(out, table, address.getKey());
                    once(out, address.getValue());
                }
            }
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            List<String> table = new ArrayList<>();
            int size = in.readInt();
            if (size < 0) {
                throw new InvalidObjectException("negative size");
            }
            List<FleetContainer> read = new ArrayList<>(Math.min(size, 1 << 20));
            for (int i = 0; i < size; i++) {
                String key = string(in, table);
                boolean derived = lastRef == DERIVED_KEY;
                String environment = string(in, table);
                String endpointKey = string(in, table);
                String endpointName = string(in, table);
                String id = string(in, table);
                if (derived) {
                    key = endpointKey + ":" + id;
                }
                String name = string(in, table);
                String image = string(in, table);
                String imageId = string(in, table);
                String state = string(in, table);
                String status = string(in, table);
                String health = string(in, table);
                Integer exitCode = integer(in);
                Instant created = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
                int portCount = in.readInt();
                List<Port> ports = null;
                if (portCount >= 0) {
                    List<Port> list = new ArrayList<>(Math.min(portCount, 1024));
                    for (int p = 0; p < portCount; p++) {
                        list.add(new Port(string(in, table), in.readInt(), integer(in), string(in, table)));
                    }
                    ports = List.copyOf(list);
                }
                String composeProject = string(in, table);
                String composeService = string(in, table);
                int networkCount = in.readInt();
                List<String> networks = null;
                if (networkCount >= 0) {
                    List<String> list = new ArrayList<>(Math.min(networkCount, 1024));
                    for (int n = 0; n < networkCount; n++) {
                        list.add(string(in, table));
                    }
                    networks = List.copyOf(list);
                }
                Map<String, String> labels = pairs(in, table);
                Map<String, String> addresses = pairs(in, table);
                read.add(new FleetContainer(key, environment, endpointKey, endpointName, new Container(id, name,
                        image, imageId, state == null ? null : ContainerState.valueOf(state), status,
                        health == null ? null : ContainerHealth.valueOf(health), exitCode, created, ports,
                        composeProject, composeService, networks, labels, addresses)));
            }
            items = List.copyOf(read);
        }

        /** A count, then that many key/value string pairs (labels, network addresses). */
        private Map<String, String> pairs(ObjectInputStream in, List<String> table) throws IOException {
            int count = in.readInt();
            if (count < 0) {
                throw new InvalidObjectException("negative count");
            }
            if (count == 0) {
                return Map.of();
            }
            Map<String, String> pairs = new HashMap<>(Math.min(count, 1024) * 2);
            for (int p = 0; p < count; p++) {
                String key = string(in, table);
                String value = string(in, table);
                if (key != null && value != null) {
                    pairs.put(key, value);
                }
            }
            return Map.copyOf(pairs);
        }

        @Serial
        private Object readResolve() {
            return new FleetContainerList(items);
        }

        private static void string(ObjectOutputStream out, Map<String, Integer> table, String value)
                throws IOException {
            if (value == null) {
                out.writeInt(NULL);
                return;
            }
            Integer index = table.putIfAbsent(value, table.size());
            if (index != null) {
                out.writeInt(index);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(NEW);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** The marker read last by {@link #string(ObjectInputStream, List)} (DERIVED_KEY reads as null). */
        private transient int lastRef;

        private static boolean derivedKey(FleetContainer fc) {
            String key = fc.key();
            String endpointKey = fc.endpointKey();
            String id = fc.container().id();
            return key != null && endpointKey != null && id != null
                    && key.length() == endpointKey.length() + 1 + id.length() && key.startsWith(endpointKey)
                    && key.charAt(endpointKey.length()) == ':' && key.endsWith(id);
        }

        private static void once(ObjectOutputStream out, String value) throws IOException {
            if (value == null) {
                out.writeInt(NULL);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(ONCE);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private String string(ObjectInputStream in, List<String> table) throws IOException {
            int ref = in.readInt();
            lastRef = ref;
            if (ref == NULL || ref == DERIVED_KEY) {
                return null;
            }
            if (ref == NEW || ref == ONCE) {
                int length = in.readInt();
                if (length < 0) {
                    throw new InvalidObjectException("negative string length");
                }
                byte[] bytes = in.readNBytes(length);
                if (bytes.length != length) {
                    throw new InvalidObjectException("string cut short");
                }
                String value = new String(bytes, StandardCharsets.UTF_8);
                if (ref == NEW) {
                    table.add(value);
                }
                return value;
            }
            if (ref < 0 || ref >= table.size()) {
                throw new InvalidObjectException("bad string reference");
            }
            return table.get(ref);
        }

        private static void integer(ObjectOutputStream out, Integer value) throws IOException {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeInt(value);
            }
        }

        private static Integer integer(ObjectInputStream in) throws IOException {
            return in.readBoolean() ? in.readInt() : null;
        }

        private static void list(ObjectOutputStream out, Integer size) throws IOException {
            out.writeInt(size == null ? -1 : size);
        }
    }
}

package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.control.wire.Wire;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Portainer's and Docker's big answers (endpoint list, containers/json, images/json, networks, stacks, one endpoint
 * with its stored snapshot) read as a stream (jakarta.json.stream) straight into the {@link Wire} records, keeping
 * only the fields we show: no binding by reflection, no tree, unknown fields skipped without being built.
 * <p>
 * Invalid or truncated JSON, or an answer that is not a list, throws a {@link JsonException} (reported as
 * malformed, as before). One item of a list that cannot be read (a number that is not a whole number or does not
 * fit, a string where a number belongs, an array where an object belongs, ...) is skipped and counted in
 * {@link Read#skipped()}, so one bad item never costs the whole endpoint. Null items are dropped silently.
 */
final class WireLists {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    /** The readable items of a list answer, and how many items were skipped as unreadable. */
    record Read<T>(List<T> items, int skipped) {
    }

    /** The result of reading one object: the record, or null when one of its fields was unreadable. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(Fields fields);
    }

    private WireLists() {
    }

    static Read<Wire.Endpoint> endpoints(InputStream in) {
        return list(in, WireLists::endpoint);
    }

    static Read<Wire.Container> containers(InputStream in) {
        return list(in, WireLists::container);
    }

    static Read<Wire.Image> images(InputStream in) {
        return list(in, WireLists::image);
    }

    static Read<Wire.Network> networks(InputStream in) {
        return list(in, WireLists::network);
    }

    static Read<Wire.Stack> stacks(InputStream in) {
        return list(in, WireLists::stack);
    }

    /** /api/tags: the tag id's key is "ID" (Portainer's Tag struct has no JSON tag). */
    static Read<Wire.Named> tags(InputStream in) {
        return list(in, f -> named(f, "ID"));
    }

    static Read<Wire.Named> endpointGroups(InputStream in) {
        return list(in, f -> named(f, "Id"));
    }

    private static Wire.Named named(Fields f, String idKey) {
        Integer id = null;
        String name = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            if (key.equals(idKey)) {
                id = f.integer(value);
            } else if (key.equals("Name")) {
                name = f.string(value);
            } else {
                f.skip(value);
            }
        }
        return f.done() && id != null ? new Wire.Named(id, name) : null;
    }

    /**
     * One endpoint object (GET /api/endpoints/{id}) with Snapshots[0]'s raw Docker data; unreadable items in its
     * lists are skipped and counted; an unreadable field of the endpoint itself makes the answer malformed.
     */
    static Read<Wire.Endpoint> endpoint(InputStream in) {
        try (JsonParser parser = PARSERS.createParser(in, StandardCharsets.UTF_8)) {
            Event first = next(parser);
            if (first != Event.START_OBJECT) {
                throw new JsonException("expected an object, got " + first);
            }
            Fields fields = new Fields(parser);
            Wire.Endpoint endpoint = endpoint(fields);
            end(parser);
            if (endpoint == null) {
                throw new JsonException("unreadable endpoint: " + fields.problem);
            }
            return new Read<>(List.of(endpoint), fields.skippedInside);
        }
    }

    /** A top-level array of objects; {@code null} is an empty list. */
    static <T> Read<T> list(InputStream in, ItemReader<T> reader) {
        try (JsonParser parser = PARSERS.createParser(in, StandardCharsets.UTF_8)) {
            Event first = next(parser);
            if (first == Event.VALUE_NULL) {
                end(parser);
                return new Read<>(List.of(), 0);
            }
            if (first != Event.START_ARRAY) {
                throw new JsonException("expected a list, got " + first);
            }
            Fields fields = new Fields(parser);
            List<T> items = fields.array(reader);
            end(parser);
            return new Read<>(items, fields.skippedInside);
        }
    }

    private static Event next(JsonParser parser) {
        if (!parser.hasNext()) {
            throw new JsonException("empty body");
        }
        return parser.next();
    }

    /** Nothing but white space may follow the value (hasNext throws on more tokens or garbage). */
    private static void end(JsonParser parser) {
        if (parser.hasNext()) {
            throw new JsonException("unexpected content after the value: " + parser.next());
        }
    }

    private static Wire.Endpoint endpoint(Fields f) {
        Integer id = null;
        String name = null;
        Integer type = null;
        String url = null;
        Integer groupId = null;
        Integer status = null;
        String edgeId = null;
        Integer checkin = null;
        Long lastCheckIn = null;
        Boolean heartbeat = null;
        Wire.Edge edge = null;
        Wire.Agent agent = null;
        List<Wire.Snapshot> snapshots = null;
        List<Integer> tagIds = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "Id" -> id = f.integer(value);
                case "Name" -> name = f.string(value);
                case "Type" -> type = f.integer(value);
                case "URL" -> url = f.string(value);
                case "GroupId" -> groupId = f.integer(value);
                case "Status" -> status = f.integer(value);
                case "EdgeID" -> edgeId = f.string(value);
                case "EdgeCheckinInterval" -> checkin = f.integer(value);
                case "LastCheckInDate" -> lastCheckIn = f.whole(value);
                case "Heartbeat" -> heartbeat = f.bool(value);
                case "Edge" -> edge = f.object(value, WireLists::edge);
                case "Agent" -> agent = f.object(value, WireLists::agent);
                case "Snapshots" -> snapshots = f.firstOf(value, WireLists::snapshot);
                case "TagIds" -> tagIds = f.integers(value);
                default -> f.skip(value);
            }
        }
        return f.done() ? new Wire.Endpoint(id, name, type, url, groupId, status, edgeId, checkin, lastCheckIn,
                heartbeat, edge, agent, snapshots, tagIds) : null;
    }

    private static Wire.Edge edge(Fields f) {
        Boolean async = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            if (key.equals("AsyncMode")) {
                async = f.bool(value);
            } else {
                f.skip(value);
            }
        }
        return new Wire.Edge(async);
    }

    private static Wire.Agent agent(Fields f) {
        String version = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            if (key.equals("Version")) {
                version = f.string(value);
            } else {
                f.skip(value);
            }
        }
        return new Wire.Agent(version);
    }

    private static Wire.Snapshot snapshot(Fields f) {
        Long time = null;
        Wire.SnapshotRaw raw = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "Time" -> time = f.whole(value);
                case "DockerSnapshotRaw" -> raw = f.object(value, WireLists::snapshotRaw);
                default -> f.skip(value);
            }
        }
        return new Wire.Snapshot(time, raw);
    }

    private static Wire.SnapshotRaw snapshotRaw(Fields f) {
        List<Wire.Container> containers = null;
        List<Wire.Image> images = null;
        List<Wire.Network> networks = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "Containers" -> containers = f.items(value, WireLists::container);
                case "Images" -> images = f.items(value, WireLists::image);
                case "Networks" -> networks = f.items(value, WireLists::network);
                default -> f.skip(value);
            }
        }
        return new Wire.SnapshotRaw(containers, images, networks);
    }

    private static Wire.Container container(Fields f) {
        String id = null;
        List<String> names = null;
        String image = null;
        String imageId = null;
        String state = null;
        String status = null;
        Long created = null;
        List<Wire.Port> ports = null;
        Map<String, String> labels = null;
        Wire.NetworkSettings networks = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "Id" -> id = f.string(value);
                case "Names" -> names = f.strings(value);
                case "Image" -> image = f.string(value);
                case "ImageID" -> imageId = f.string(value);
                case "State" -> state = f.string(value);
                case "Status" -> status = f.string(value);
                case "Created" -> created = f.whole(value);
                case "Ports" -> ports = f.strictItems(value, WireLists::port);
                case "Labels" -> labels = f.object(value, WireLists::labels);
                case "NetworkSettings" -> networks = f.object(value, WireLists::networkSettings);
                default -> f.skip(value);
            }
        }
        return f.done() ? new Wire.Container(id, names, image, imageId, state, status, created, ports, labels,
                networks) : null;
    }

    /** A container's labels: the workloads search matches label key=value, and compose labels group stacks. */
    private static Map<String, String> labels(Fields f) {
        Map<String, String> labels = new HashMap<>(8);
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            String label = f.string(value);
            if (label != null) {
                labels.put(key, label);
            }
        }
        return labels;
    }

    /** Only the names of NetworkSettings.Networks; what is behind each name is never shown. */
    private static Wire.NetworkSettings networkSettings(Fields f) {
        Map<String, Object> networks = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            if (key.equals("Networks")) {
                networks = f.object(value, WireLists::names);
            } else {
                f.skip(value);
            }
        }
        return new Wire.NetworkSettings(networks);
    }

    private static Map<String, Object> names(Fields f) {
        Map<String, Object> names = new HashMap<>(4);
        String key;
        while ((key = f.key()) != null) {
            f.skip(f.value());
            names.put(key, Boolean.TRUE);
        }
        return names;
    }

    private static Wire.Port port(Fields f) {
        String ip = null;
        Integer privatePort = null;
        Integer publicPort = null;
        String type = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "IP" -> ip = f.string(value);
                case "PrivatePort" -> privatePort = f.integer(value);
                case "PublicPort" -> publicPort = f.integer(value);
                case "Type" -> type = f.string(value);
                default -> f.skip(value);
            }
        }
        return new Wire.Port(ip, privatePort, publicPort, type);
    }

    private static Wire.Image image(Fields f) {
        String id = null;
        List<String> tags = null;
        Long size = null;
        Long created = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "Id" -> id = f.string(value);
                case "RepoTags" -> tags = f.strings(value);
                case "Size" -> size = f.whole(value);
                case "Created" -> created = f.whole(value);
                default -> f.skip(value);
            }
        }
        return f.done() ? new Wire.Image(id, tags, size, created) : null;
    }

    private static Wire.Network network(Fields f) {
        String id = null;
        String name = null;
        String driver = null;
        String scope = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "Id" -> id = f.string(value);
                case "Name" -> name = f.string(value);
                case "Driver" -> driver = f.string(value);
                case "Scope" -> scope = f.string(value);
                default -> f.skip(value);
            }
        }
        return f.done() ? new Wire.Network(id, name, driver, scope) : null;
    }

    private static Wire.Stack stack(Fields f) {
        Integer id = null;
        String name = null;
        Integer type = null;
        Integer endpointId = null;
        Integer status = null;
        Long created = null;
        Long updated = null;
        String key;
        while ((key = f.key()) != null) {
            Event value = f.value();
            switch (key) {
                case "Id" -> id = f.integer(value);
                case "Name" -> name = f.string(value);
                case "Type" -> type = f.integer(value);
                case "EndpointId" -> endpointId = f.integer(value);
                case "Status" -> status = f.integer(value);
                case "CreationDate" -> created = f.whole(value);
                case "UpdateDate" -> updated = f.whole(value);
                default -> f.skip(value);
            }
        }
        return f.done() ? new Wire.Stack(id, name, type, endpointId, status, created, updated) : null;
    }

    /**
     * The parser positioned inside an object, with typed reads of its values. A value of the wrong type is skipped
     * and marks the item being read as unreadable ({@link #done()} is then false), without losing the parser's
     * place; structural errors (invalid JSON) propagate as JsonException.
     */
    static final class Fields {

        private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
        private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

        private final JsonParser parser;
        /** Why the current item is unreadable; null while it is readable. */
        private String problem;
        private int skippedInside;

        Fields(JsonParser parser) {
            this.parser = parser;
        }

        /** The next key of the current object, or null at its end. */
        String key() {
            Event event = parser.next();
            if (event == Event.END_OBJECT) {
                return null;
            }
            if (event != Event.KEY_NAME) {
                throw new JsonException("expected a key, got " + event);
            }
            return parser.getString();
        }

        Event value() {
            return parser.next();
        }

        /** At the end of an item: whether all its fields were readable; resets for the next item. */
        boolean done() {
            boolean readable = problem == null;
            problem = null;
            return readable;
        }

        String string(Event value) {
            return switch (value) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NULL -> null;
                default -> wrong(value, "a string");
            };
        }

        /** A whole number that fits a long (Docker's int64 sizes and Unix times). */
        Long whole(Event value) {
            if (value == Event.VALUE_NULL) {
                return null;
            }
            if (value != Event.VALUE_NUMBER) {
                return wrong(value, "a number");
            }
            if (parser.isIntegralNumber() && parser.getString().length() < 19) {
                return parser.getLong();
            }
            BigDecimal number = parser.getBigDecimal();
            if (number.compareTo(LONG_MAX) > 0 || number.compareTo(LONG_MIN) < 0) {
                return wrong(value, "a number that fits 64 bits");
            }
            try {
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                return wrong(value, "a whole number");
            }
        }

        Integer integer(Event value) {
            Long whole = whole(value);
            if (whole == null) {
                return null;
            }
            if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                return wrong(value, "a number that fits 32 bits");
            }
            return whole.intValue();
        }

        Boolean bool(Event value) {
            return switch (value) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> wrong(value, "true or false");
            };
        }

        /** An array of whole numbers that fit 32 bits (null elements dropped). */
        List<Integer> integers(Event value) {
            if (value == Event.VALUE_NULL) {
                return null;
            }
            if (value != Event.START_ARRAY) {
                return wrong(value, "a list of numbers");
            }
            List<Integer> numbers = new ArrayList<>(2);
            Event element;
            while ((element = parser.next()) != Event.END_ARRAY) {
                Integer n = integer(element);
                if (n != null) {
                    numbers.add(n);
                }
            }
            return numbers;
        }

        /** An array of strings (null elements dropped). */
        List<String> strings(Event value) {
            if (value == Event.VALUE_NULL) {
                return null;
            }
            if (value != Event.START_ARRAY) {
                return wrong(value, "a list of strings");
            }
            List<String> strings = new ArrayList<>(2);
            Event element;
            while ((element = parser.next()) != Event.END_ARRAY) {
                String s = string(element);
                if (s != null) {
                    strings.add(s);
                }
            }
            return strings;
        }

        /** A nested object read by {@code reader}; the reader must read up to the object's end. */
        <T> T object(Event value, ItemReader<T> reader) {
            if (value == Event.VALUE_NULL) {
                return null;
            }
            if (value != Event.START_OBJECT) {
                return wrong(value, "an object");
            }
            return reader.read(this);
        }

        /** The first object of an array (Snapshots[0]); the others are skipped. */
        <T> List<T> firstOf(Event value, ItemReader<T> reader) {
            if (value == Event.VALUE_NULL) {
                return null;
            }
            if (value != Event.START_ARRAY) {
                return wrong(value, "a list");
            }
            List<T> first = new ArrayList<>(1);
            Event element;
            while ((element = parser.next()) != Event.END_ARRAY) {
                if (first.isEmpty() && element == Event.START_OBJECT) {
                    first.add(reader.read(this));
                } else {
                    skip(element);
                }
            }
            return first;
        }

        /**
         * A list whose unreadable items are skipped and counted (the lists the fleet is made of). Runs inside an
         * item being read: the item's own readability is saved and restored around each of them.
         */
        <T> List<T> items(Event value, ItemReader<T> reader) {
            if (value == Event.VALUE_NULL) {
                return null;
            }
            if (value != Event.START_ARRAY) {
                return wrong(value, "a list");
            }
            return array(reader);
        }

        /** After START_ARRAY: the array's readable objects; other items skipped and counted, nulls dropped. */
        <T> List<T> array(ItemReader<T> reader) {
            String outer = problem;
            List<T> items = new ArrayList<>();
            Event element;
            while ((element = parser.next()) != Event.END_ARRAY) {
                problem = null;
                if (element == Event.START_OBJECT) {
                    T item = reader.read(this);
                    if (done() && item != null) {
                        items.add(item);
                    } else {
                        skippedInside++;
                    }
                } else if (element != Event.VALUE_NULL) {
                    skip(element);
                    skippedInside++;
                }
            }
            problem = outer;
            return items;
        }

        /** A list that is part of one item (a container's ports): one unreadable element makes the item so. */
        <T> List<T> strictItems(Event value, ItemReader<T> reader) {
            if (value == Event.VALUE_NULL) {
                return null;
            }
            if (value != Event.START_ARRAY) {
                return wrong(value, "a list");
            }
            List<T> items = new ArrayList<>(2);
            Event element;
            while ((element = parser.next()) != Event.END_ARRAY) {
                if (element == Event.START_OBJECT) {
                    items.add(reader.read(this));
                } else if (element != Event.VALUE_NULL) {
                    wrong(element, "an object");
                }
            }
            return items;
        }

        /** Skips a value of any type, nested ones whole. */
        void skip(Event value) {
            if (value == Event.START_OBJECT) {
                parser.skipObject();
            } else if (value == Event.START_ARRAY) {
                parser.skipArray();
            }
        }

        private <T> T wrong(Event value, String expected) {
            if (problem == null) {
                problem = "expected " + expected + ", got " + value;
            }
            skip(value);
            return null;
        }
    }
}

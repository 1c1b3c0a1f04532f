package io.fleetdashboard.portainer.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.fleetdashboard.portainer.control.wire.Wire;
import jakarta.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Portainer's and Docker's big answers (endpoint list, containers/json, images/json, networks, stacks, one endpoint
 * with its stored snapshot) read as a stream straight into the {@link Wire} records, keeping only the fields we
 * show: no binding by reflection, no tree, unknown fields skipped without being built. The tokenizer is Jackson's
 * streaming parser, which works on the UTF-8 bytes and hands out field names from a symbol table instead of a new
 * String per key (docs/performance.md has the figures that chose it over JSON-P's).
 * <p>
 * Invalid or truncated JSON, or an answer that is not a list, throws a {@link JsonException} (reported as
 * malformed, as before); an I/O failure while reading throws an {@link UncheckedIOException} with its cause (a
 * time-out stays a time-out). One item of a list that cannot be read (a number that is not a whole number or does not
 * fit, a string where a number belongs, an array where an object belongs, ...) is skipped and counted in
 * {@link Read#skipped()}, so one bad item never costs the whole endpoint. Null items are dropped silently.
 */
final class WireLists {

    /**
     * No nesting limit of the parser's own: skipping nested junk is iterative and the answer's size cap
     * ({@link CappedBody}) bounds what it can hold, so junk in a field we skip costs one item at most, not the answer.
     */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

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
            JsonToken value = f.value();
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
        return parse(in, fields -> {
            JsonToken first = fields.first();
            if (first != JsonToken.START_OBJECT) {
                throw new JsonException("expected an object, got " + first);
            }
            Wire.Endpoint endpoint = endpoint(fields);
            fields.end();
            if (endpoint == null) {
                throw new JsonException("unreadable endpoint: " + fields.problem);
            }
            return new Read<>(List.of(endpoint), fields.skippedInside);
        });
    }

    /** Docker's GET /info: one object. */
    static Wire.Info info(InputStream in) {
        return parse(in, fields -> {
            JsonToken first = fields.first();
            if (first != JsonToken.START_OBJECT) {
                throw new JsonException("expected an object, got " + first);
            }
            Wire.Info info = info(fields);
            fields.end();
            return new Read<>(List.of(info), 0);
        }).items().get(0);
    }

    /** A top-level array of objects; {@code null} is an empty list. */
    static <T> Read<T> list(InputStream in, ItemReader<T> reader) {
        return parse(in, fields -> {
            JsonToken first = fields.first();
            if (first == JsonToken.VALUE_NULL) {
                fields.end();
                return new Read<>(List.of(), 0);
            }
            if (first != JsonToken.START_ARRAY) {
                throw new JsonException("expected a list, got " + first);
            }
            List<T> items = fields.array(reader);
            fields.end();
            return new Read<>(items, fields.skippedInside);
        });
    }

    /** One parser over the whole answer, closed (with the stream) however reading ends. */
    private static <T> Read<T> parse(InputStream in, java.util.function.Function<Fields, Read<T>> reading) {
        try (JsonParser parser = PARSERS.createParser(in)) {
            return reading.apply(new Fields(parser));
        } catch (IOException e) {
            throw Fields.failure(e);
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
            JsonToken value = f.value();
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
            JsonToken value = f.value();
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
            JsonToken value = f.value();
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
            JsonToken value = f.value();
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
        Wire.Info info = null;
        String key;
        while ((key = f.key()) != null) {
            JsonToken value = f.value();
            switch (key) {
                case "Containers" -> containers = f.items(value, WireLists::container);
                case "Images" -> images = f.items(value, WireLists::image);
                case "Networks" -> networks = f.items(value, WireLists::network);
                case "Info" -> info = f.object(value, WireLists::info);
                default -> f.skip(value);
            }
        }
        return new Wire.SnapshotRaw(containers, images, networks, info);
    }

    private static Wire.Info info(Fields f) {
        String os = null;
        String osType = null;
        String architecture = null;
        String kernel = null;
        String version = null;
        Integer cpus = null;
        Long memory = null;
        String key;
        while ((key = f.key()) != null) {
            JsonToken value = f.value();
            switch (key) {
                case "OperatingSystem" -> os = f.string(value);
                case "OSType" -> osType = f.string(value);
                case "Architecture" -> architecture = f.string(value);
                case "KernelVersion" -> kernel = f.string(value);
                case "ServerVersion" -> version = f.string(value);
                case "NCPU" -> cpus = f.integer(value);
                case "MemTotal" -> memory = f.whole(value);
                default -> f.skip(value);
            }
        }
        return new Wire.Info(os, osType, architecture, kernel, version, cpus, memory);
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
            JsonToken value = f.value();
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
            JsonToken value = f.value();
            String label = f.string(value);
            if (label != null) {
                labels.put(key, label);
            }
        }
        return labels.isEmpty() ? Map.of() : Map.copyOf(labels); // immutable, no nulls: Translation keeps it as is
    }

    /** Of NetworkSettings.Networks only each network's name and the container's IPv4 address on it. */
    private static Wire.NetworkSettings networkSettings(Fields f) {
        Map<String, Object> networks = null;
        String key;
        while ((key = f.key()) != null) {
            JsonToken value = f.value();
            if (key.equals("Networks")) {
                networks = f.object(value, WireLists::addresses);
            } else {
                f.skip(value);
            }
        }
        return new Wire.NetworkSettings(networks);
    }

    /** Network name to the container's IPAddress on it ("" when absent or not an object). */
    private static Map<String, Object> addresses(Fields f) {
        Map<String, Object> addresses = new HashMap<>(4);
        String network;
        while ((network = f.key()) != null) {
            JsonToken value = f.value();
            String address = value == JsonToken.START_OBJECT ? f.object(value, WireLists::ipAddress) : null;
            if (value != JsonToken.START_OBJECT) {
                f.skip(value);
            }
            addresses.put(network, address == null ? "" : address);
        }
        return addresses;
    }

    private static String ipAddress(Fields f) {
        String address = null;
        String key;
        while ((key = f.key()) != null) {
            JsonToken value = f.value();
            if (key.equals("IPAddress") && value == JsonToken.VALUE_STRING) {
                address = f.string(value);
            } else {
                f.skip(value);
            }
        }
        return address;
    }

    private static Wire.Port port(Fields f) {
        String ip = null;
        Integer privatePort = null;
        Integer publicPort = null;
        String type = null;
        String key;
        while ((key = f.key()) != null) {
            JsonToken value = f.value();
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
            JsonToken value = f.value();
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
            JsonToken value = f.value();
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
            JsonToken value = f.value();
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

        /** Invalid JSON as a JsonException (malformed); any other I/O failure with its cause kept. */
        static RuntimeException failure(IOException e) {
            if (e instanceof JsonProcessingException invalid) {
                return new JsonException(invalid.getOriginalMessage(), invalid);
            }
            return new UncheckedIOException(e);
        }

        /** The next token; the end of the input inside a value is truncated JSON. */
        private JsonToken next() {
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new JsonException("unexpected end of the answer");
                }
                return token;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** The answer's first token. */
        JsonToken first() {
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new JsonException("empty body");
                }
                return token;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** Nothing but white space may follow the value. */
        void end() {
            try {
                JsonToken more = parser.nextToken();
                if (more != null) {
                    throw new JsonException("unexpected content after the value: " + more);
                }
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private String text() {
            try {
                return parser.getText();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** The next key of the current object, or null at its end. */
        String key() {
            JsonToken event = next();
            if (event == JsonToken.END_OBJECT) {
                return null;
            }
            if (event != JsonToken.FIELD_NAME) {
                throw new JsonException("expected a key, got " + event);
            }
            try {
                return parser.currentName();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        JsonToken value() {
            return next();
        }

        /** At the end of an item: whether all its fields were readable; resets for the next item. */
        boolean done() {
            boolean readable = problem == null;
            problem = null;
            return readable;
        }

        String string(JsonToken value) {
            return switch (value) {
                case VALUE_STRING -> text();
                case VALUE_NULL -> null;
                default -> wrong(value, "a string");
            };
        }

        /** A whole number that fits a long (Docker's int64 sizes and Unix times). */
        Long whole(JsonToken value) {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                return wrong(value, "a number");
            }
            try {
                if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getLongValue();
                }
                BigDecimal number = parser.getDecimalValue();
                if (number.compareTo(LONG_MAX) > 0 || number.compareTo(LONG_MIN) < 0) {
                    return wrong(value, "a number that fits 64 bits");
                }
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                return wrong(value, "a whole number");
            } catch (IOException e) {
                throw failure(e);
            }
        }

        Integer integer(JsonToken value) {
            Long whole = whole(value);
            if (whole == null) {
                return null;
            }
            if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                return wrong(value, "a number that fits 32 bits");
            }
            return whole.intValue();
        }

        Boolean bool(JsonToken value) {
            return switch (value) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> wrong(value, "true or false");
            };
        }

        /** An array of whole numbers that fit 32 bits (null elements dropped). */
        List<Integer> integers(JsonToken value) {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.START_ARRAY) {
                return wrong(value, "a list of numbers");
            }
            List<Integer> numbers = new ArrayList<>(2);
            JsonToken element;
            while ((element = next()) != JsonToken.END_ARRAY) {
                Integer n = integer(element);
                if (n != null) {
                    numbers.add(n);
                }
            }
            return numbers;
        }

        /** An array of strings (null elements dropped). */
        List<String> strings(JsonToken value) {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.START_ARRAY) {
                return wrong(value, "a list of strings");
            }
            List<String> strings = new ArrayList<>(2);
            JsonToken element;
            while ((element = next()) != JsonToken.END_ARRAY) {
                String s = string(element);
                if (s != null) {
                    strings.add(s);
                }
            }
            return strings;
        }

        /** A nested object read by {@code reader}; the reader must read up to the object's end. */
        <T> T object(JsonToken value, ItemReader<T> reader) {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.START_OBJECT) {
                return wrong(value, "an object");
            }
            return reader.read(this);
        }

        /** The first object of an array (Snapshots[0]); the others are skipped. */
        <T> List<T> firstOf(JsonToken value, ItemReader<T> reader) {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.START_ARRAY) {
                return wrong(value, "a list");
            }
            List<T> first = new ArrayList<>(1);
            JsonToken element;
            while ((element = next()) != JsonToken.END_ARRAY) {
                if (first.isEmpty() && element == JsonToken.START_OBJECT) {
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
        <T> List<T> items(JsonToken value, ItemReader<T> reader) {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.START_ARRAY) {
                return wrong(value, "a list");
            }
            return array(reader);
        }

        /** After START_ARRAY: the array's readable objects; other items skipped and counted, nulls dropped. */
        <T> List<T> array(ItemReader<T> reader) {
            String outer = problem;
            List<T> items = new ArrayList<>();
            JsonToken element;
            while ((element = next()) != JsonToken.END_ARRAY) {
                problem = null;
                if (element == JsonToken.START_OBJECT) {
                    T item = reader.read(this);
                    if (done() && item != null) {
                        items.add(item);
                    } else {
                        skippedInside++;
                    }
                } else if (element != JsonToken.VALUE_NULL) {
                    skip(element);
                    skippedInside++;
                }
            }
            problem = outer;
            return items;
        }

        /** A list that is part of one item (a container's ports): one unreadable element makes the item so. */
        <T> List<T> strictItems(JsonToken value, ItemReader<T> reader) {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.START_ARRAY) {
                return wrong(value, "a list");
            }
            List<T> items = new ArrayList<>(2);
            JsonToken element;
            while ((element = next()) != JsonToken.END_ARRAY) {
                if (element == JsonToken.START_OBJECT) {
                    items.add(reader.read(this));
                } else if (element != JsonToken.VALUE_NULL) {
                    wrong(element, "an object");
                }
            }
            return items;
        }

        /** Skips a value of any type, nested ones whole. */
        void skip(JsonToken value) {
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                try {
                    parser.skipChildren();
                } catch (IOException e) {
                    throw failure(e);
                }
            }
        }

        private <T> T wrong(JsonToken value, String expected) {
            if (problem == null) {
                problem = "expected " + expected + ", got " + value;
            }
            skip(value);
            return null;
        }
    }
}

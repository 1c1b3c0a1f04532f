package io.fleetdashboard.cluster.control;

import java.util.Optional;
import javax.cache.Cache;

/**
 * A value shared through a distributed JCache (Hazelcast in a cluster), fenced by the collector lease's token: a small
 * metadata entry (a String: token, takenAt, body key, holder) names the current body, stored under a key of its own
 * (token and takenAt) in a second cache of byte[]. A publish swaps the metadata by compare-and-set
 * ({@link Cache#replace(Object, Object, Object)}, {@link Cache#putIfAbsent}) and lands only when its token is not
 * lower than the stored one (a stale leader's publish is refused) and it is newer than the stored snapshot. Only JDK
 * types are stored, so no member ever needs an application class.
 */
public class FencedCache {

    /** What became of a publish. */
    public enum Outcome { PUBLISHED, FENCED, NOT_NEWER, CONTENDED }

    /** The metadata entry: which body is current, under which token. */
    public record Entry(long token, long takenAt, String bodyKey, String holder) {

        String encode() {
            return token + "|" + takenAt + "|" + bodyKey + "|" + holder;
        }

        static Optional<Entry> decode(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            String[] parts = raw.split("\\|", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2], parts[3]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Whether a body is named (a fence raised at a takeover names none until the first publish). */
        public boolean hasBody() {
            return !bodyKey.isEmpty();
        }
    }

    private static final int ATTEMPTS = 8;

    private final Cache<String, String> meta;
    private final Cache<String, byte[]> bodies;

    public FencedCache(Cache<String, String> meta, Cache<String, byte[]> bodies) {
        this.meta = meta;
        this.bodies = bodies;
    }

    /** The current metadata entry for the name, if any. */
    public Optional<Entry> current(String name) {
        return Entry.decode(meta.get(name));
    }

    /** The body the entry names (empty when it was replaced meanwhile, or none is named). */
    public Optional<byte[]> body(Entry entry) {
        return entry.hasBody() ? Optional.ofNullable(bodies.get(entry.bodyKey())) : Optional.empty();
    }

    /**
     * Publishes the body under the token: the body first under its own key, then the metadata by compare-and-set.
     * A refused publish removes its body again; a successful one removes the body it replaced.
     */
    public Outcome publish(String name, long token, long takenAt, String holder, byte[] body) {
        String bodyKey = name + "@" + token + "-" + takenAt;
        bodies.put(bodyKey, body);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String raw = meta.get(name);
            Optional<Entry> old = Entry.decode(raw);
            if (old.isPresent() && old.get().token() > token) {
                dropUnlessNamed(bodyKey, old.get());
                return Outcome.FENCED;
            }
            if (old.isPresent() && old.get().token() == token && old.get().takenAt() >= takenAt
                    && old.get().hasBody()) {
                dropUnlessNamed(bodyKey, old.get());
                return Outcome.NOT_NEWER;
            }
            String next = new Entry(token, takenAt, bodyKey, holder).encode();
            boolean swapped = raw == null ? meta.putIfAbsent(name, next) : meta.replace(name, raw, next);
            if (swapped) {
                old.filter(Entry::hasBody).filter(e -> !e.bodyKey().equals(bodyKey))
                        .ifPresent(e -> bodies.remove(e.bodyKey()));
                return Outcome.PUBLISHED;
            }
        }
        bodies.remove(bodyKey);
        return Outcome.CONTENDED;
    }

    /**
     * Raises the fence to the token (a takeover): from then on a publish under a lower token is refused, even before
     * the new holder's first snapshot. Keeps the stored body. False when a higher token is stored already.
     */
    public boolean fence(String name, long token, String holder) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String raw = meta.get(name);
            Optional<Entry> old = Entry.decode(raw);
            if (old.isPresent() && old.get().token() >= token) {
                return old.get().token() == token;
            }
            String next = old.map(e -> new Entry(token, e.takenAt(), e.bodyKey(), holder))
                    .orElseGet(() -> new Entry(token, 0, "", holder)).encode();
            if (raw == null ? meta.putIfAbsent(name, next) : meta.replace(name, raw, next)) {
                return true;
            }
        }
        return false;
    }

    private void dropUnlessNamed(String bodyKey, Entry stored) {
        if (!bodyKey.equals(stored.bodyKey())) {
            bodies.remove(bodyKey);
        }
    }
}

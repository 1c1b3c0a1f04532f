package io.fleetdashboard.cluster.control;

import com.hazelcast.cache.HazelcastCacheManager;
import javax.cache.CacheManager;

/** Hazelcast's own API, kept apart so that no other class links to it (loaded only when Hazelcast is there). */
final class HazelcastMembers {

    private HazelcastMembers() {
    }

    /**
     * The members of the cluster this manager's member is in. A cast, not {@link CacheManager#unwrap}: Hazelcast 5's
     * server cache manager unwraps only to its implementation class and refuses its own interface
     * (IllegalArgumentException), which made this count unknown.
     */
    static long count(CacheManager manager) {
        if (manager instanceof HazelcastCacheManager hazelcast) {
            return hazelcast.getHazelcastInstance().getCluster().getMembers().size();
        }
        throw new IllegalStateException("Not a Hazelcast cache manager: " + manager.getClass().getName());
    }
}

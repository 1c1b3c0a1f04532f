package io.fleetdashboard.cluster.control;

import com.hazelcast.cache.HazelcastCacheManager;
import javax.cache.CacheManager;

/** Hazelcast's own API, kept apart so that no other class links to it (loaded only when Hazelcast is there). */
final class HazelcastMembers {

    private HazelcastMembers() {
    }

    static long count(CacheManager manager) {
        return manager.unwrap(HazelcastCacheManager.class).getHazelcastInstance().getCluster().getMembers().size();
    }
}

package io.fleetdashboard.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.database.control.TestDatabase;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease as the collector sees it: the single instance always holds it; in a shared database the holder stops
 * counting itself the holder when it could not renew in time, and takeovers run the callbacks once.
 */
class CollectorLeaseTest {

    @TempDir
    Path dir;

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void theSingleInstanceAlwaysHoldsItWithoutATable() {
        CollectorLease lease = new CollectorLease();
        assertTrue(lease.holds());
        assertFalse(lease.shared());
        assertEquals(0, lease.token());
        assertTrue(lease.table().isEmpty());
    }

    @Test
    void aHolderThatCannotRenewInTimeStopsCollectingAndATakeoverRunsTheCallbacksOnce() {
        CollectorLease lease = shared("a");
        AtomicInteger takeovers = new AtomicInteger();
        AtomicInteger renewals = new AtomicInteger();
        lease.onTakeover(takeovers::incrementAndGet);
        lease.onRenewal(renewals::incrementAndGet);

        lease.renew();
        assertTrue(lease.holds());
        assertEquals(1, lease.token());
        assertEquals(1, takeovers.get());
        lease.renew();
        assertEquals(1, takeovers.get(), "a renewal is no takeover");
        assertEquals(2, renewals.get());

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(9)); // two thirds of the 15 s lease passed without a renewal
        assertTrue(lease.holds());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertFalse(lease.holds(), "past two thirds of the lease unrenewed: the database may give it away soon");
        lease.renew();
        assertTrue(lease.holds(), "renewed (the database still had it: not expired there)");
        assertEquals(1, lease.token());
        assertEquals(1, takeovers.get(), "the same token: no takeover");
    }

    @Test
    void anotherInstanceWaitsForTheHolder() {
        CollectorLease a = shared("a");
        CollectorLease b = shared("b");
        b.table = a.table;
        a.renew();
        b.renew();
        assertTrue(a.holds());
        assertFalse(b.holds());
        assertEquals(Optional.of(a.id()), b.state().map(s -> s.holder()));
    }

    private CollectorLease shared(String name) {
        CollectorLease lease = new CollectorLease();
        lease.leaseSeconds = 15;
        lease.configuredId = Optional.of(name);
        lease.nanoClock = nanos::get;
        lease.shared = true;
        lease.table = new LeaseTable(TestDatabase.migratedSqlite(dir));
        return lease;
    }
}

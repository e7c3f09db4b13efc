package dev.drumbeat.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** Gauges read from the database cost one connection wait per scrape while it is down, not one per gauge. */
class MetricsGaugeReadsTest {
    final AtomicLong nanos = new AtomicLong();
    final MetricsGaugeReads reads = new MetricsGaugeReads(nanos::get);

    @Test
    void once_a_read_finds_the_database_unreachable_the_gauges_read_nan_without_trying_for_a_while() {
        AtomicInteger tries = new AtomicInteger();
        Supplier<Number> down = () -> {
            tries.incrementAndGet();
            throw new ConnectionException(new SQLTransientConnectionException("Connection is not available"));
        };
        Supplier<Number> pending = reads.guard(down);
        Supplier<Number> dead = reads.guard(down);

        assertThat(pending.get().doubleValue()).isNaN();
        assertThat(dead.get().doubleValue()).isNaN();
        assertThat(tries).hasValue(1);

        nanos.addAndGet(MetricsGaugeReads.SKIP.toNanos());
        assertThat(dead.get().doubleValue()).isNaN();
        assertThat(tries).hasValue(2);
    }

    @Test
    void a_reachable_database_is_read_every_time_and_other_failures_are_not_hidden() {
        AtomicInteger tries = new AtomicInteger();
        Supplier<Number> count = reads.guard(tries::incrementAndGet);
        assertThat(count.get()).isEqualTo(1);
        assertThat(count.get()).isEqualTo(2);

        Supplier<Number> broken = reads.guard(() -> {
            throw new IllegalStateException("no such column");
        });
        assertThatThrownBy(broken::get).hasMessage("no such column");
        assertThat(count.get()).isEqualTo(3);
    }
}

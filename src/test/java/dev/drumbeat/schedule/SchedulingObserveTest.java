package dev.drumbeat.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.db.Database;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Each job run is reported to an observer, with whether it failed: what the job-run metrics count; and a job whose
 * interval changed in code runs at the new one after a restart.
 */
class SchedulingObserveTest {

    @DisallowConcurrentExecution
    public static final class Failing implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            throw new JobExecutionException("on purpose");
        }
    }

    @DisallowConcurrentExecution
    public static final class Fine implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }

    @Test
    void every_run_is_observed_with_its_outcome() {
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        try (Database db = TestDatabase.fresh();
                Scheduling scheduling = Scheduling.start(
                                db.dataSource(),
                                List.of(
                                        new Scheduling.Recurring(
                                                "failing", Failing.class, Failing::new, Duration.ofHours(1)),
                                        new Scheduling.Recurring("fine", Fine.class, Fine::new, Duration.ofHours(1))))
                        .observe(seen::put)) {
            scheduling.triggerNow("failing");
            scheduling.triggerNow("fine");
            Await.until("both runs observed", () -> seen.size() == 2);
        }
        assertThat(seen).containsEntry("failing", true).containsEntry("fine", false);
    }

    @Test
    void a_new_interval_in_code_replaces_the_stored_one_at_the_next_start() {
        try (Database db = TestDatabase.fresh()) {
            Map<String, Boolean> ran = new ConcurrentHashMap<>();
            try (Scheduling first = Scheduling.start(
                            db.dataSource(),
                            List.of(new Scheduling.Recurring("fine", Fine.class, Fine::new, Duration.ofHours(1))))
                    .observe(ran::put)) {
                Await.until("the first run", () -> ran.containsKey("fine"));
            }
            try (Scheduling again = Scheduling.start(
                    db.dataSource(),
                    List.of(new Scheduling.Recurring("fine", Fine.class, Fine::new, Duration.ofMinutes(15))))) {
                long interval = db.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "select repeat_interval from qrtz_simple_triggers where trigger_name = 'fine'")
                                .mapTo(Long.class)
                                .one());
                assertThat(interval).isEqualTo(Duration.ofMinutes(15).toMillis());
                long next = db.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "select next_fire_time from qrtz_triggers where trigger_name = 'fine'")
                                .mapTo(Long.class)
                                .one());
                assertThat(next)
                        .as("first fires when the old trigger would have, not at once")
                        .isGreaterThan(System.currentTimeMillis()
                                + Duration.ofMinutes(30).toMillis());
            }
        }
    }
}

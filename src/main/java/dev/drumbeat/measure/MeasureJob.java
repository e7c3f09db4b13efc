package dev.drumbeat.measure;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures every bound KPI and demand for each period that has ended in its owner's zone since the last run, so a
 * week is measured within minutes of its end and a Drumbeat that was stopped catches up (as far back as a new
 * binding's backfill) when it starts again.
 */
@DisallowConcurrentExecution
public final class MeasureJob implements Job {
    public static final String NAME = "measure";
    private static final Logger log = LoggerFactory.getLogger(MeasureJob.class);
    private final Measures measures;

    MeasureJob(Measures measures) {
        this.measures = measures;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Measures.Evaluation done = measures.evaluateDue();
        if (!done.results().isEmpty()) {
            log.info(
                    "measured {} periods of {} bindings: {} with a number, {} without",
                    done.results().size(),
                    done.bindings(),
                    done.measured(),
                    done.missing());
        }
    }
}

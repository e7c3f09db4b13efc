package dev.drumbeat.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz on PostgreSQL with the clustered JDBC job store: every Drumbeat instance runs a scheduler on
 * the same tables, and each firing of a job runs on exactly one of them. Jobs are built by
 * {@link #jobFactory} from suppliers, so they get their collaborators through their constructors.
 */
public final class Scheduling implements AutoCloseable {
    public static final String SCHEDULER_NAME = "drumbeat";
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);
    private final Scheduler scheduler;

    private Scheduling(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** A job to run every {@code every}, built by {@code factory}. */
    public record Recurring(String name, Class<? extends Job> type, Supplier<? extends Job> factory, Duration every) {}

    public static Scheduling start(DataSource dataSource, List<Recurring> jobs) {
        try {
            String instanceId = UUID.randomUUID().toString();
            String dataSourceName = "drumbeat-" + instanceId;
            DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, provider(dataSource));
            Scheduler scheduler = new StdSchedulerFactory(properties(instanceId, dataSourceName)).getScheduler();
            // Several schedulers share one name across a cluster; in one JVM (tests) the repository must not hand back
            // the first.
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            scheduler.setJobFactory(jobFactory(jobs));
            for (Recurring job : jobs) {
                schedule(scheduler, job);
            }
            scheduler.start();
            return new Scheduling(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Tells {@code observer} each job run this instance makes: the job's name, and whether it failed. */
    public Scheduling observe(BiConsumer<String, Boolean> observer) {
        try {
            scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
                @Override
                public String getName() {
                    return "drumbeat-job-runs";
                }

                @Override
                public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                    observer.accept(context.getJobDetail().getKey().getName(), failure != null);
                }
            });
            return this;
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a job now, on whichever instance picks it up first. */
    public void triggerNow(String name) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fires nothing more on this instance (the cluster's others take over its triggers) and interrupts the jobs that
     * can be interrupted (long, paced ones); jobs already running go on until {@link #close}.
     */
    public void standBy() {
        try {
            scheduler.standby();
            for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
                if (running.getJobInstance() instanceof InterruptableJob) {
                    scheduler.interrupt(running.getFireInstanceId());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands by, then waits for the jobs still running to finish, and shuts the scheduler down. */
    @Override
    public void close() {
        try {
            if (scheduler.isShutdown()) {
                return;
            }
            standBy();
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void schedule(Scheduler scheduler, Recurring job) throws SchedulerException {
        if (!job.type().isAnnotationPresent(DisallowConcurrentExecution.class)) {
            throw new IllegalArgumentException(job.type().getSimpleName() + " must not run concurrently");
        }
        JobDetail detail = JobBuilder.newJob(job.type())
                .withIdentity(job.name())
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(job.name())
                .forJob(detail)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(job.every().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            if (!scheduler.checkExists(detail.getKey())) {
                scheduler.scheduleJob(detail, trigger);
                return;
            }
            Trigger stored = scheduler.getTrigger(trigger.getKey());
            if (stored == null) {
                scheduler.scheduleJob(trigger);
            } else if (!sameInterval(stored, job.every())) {
                log.info("job {} now runs every {} (was every {} ms)", job.name(), job.every(), interval(stored));
                scheduler.rescheduleJob(trigger.getKey(), keepingPhase(trigger, stored));
            }
        } catch (ObjectAlreadyExistsException another) {
            // another instance scheduled it first: that is the point of the shared job store
        }
    }

    /** The new trigger, first firing when the stored one would have, rather than at once on every restart. */
    private static Trigger keepingPhase(Trigger fresh, Trigger stored) {
        Date next = stored.getNextFireTime();
        return next == null ? fresh : fresh.getTriggerBuilder().startAt(next).build();
    }

    private static long interval(Trigger stored) {
        return stored instanceof SimpleTrigger simple ? simple.getRepeatInterval() : -1;
    }

    /**
     * Whether the stored trigger already repeats at the interval the code asks for. The job store outlives a release,
     * so a job whose interval changed in code would otherwise keep the old one for ever.
     */
    private static boolean sameInterval(Trigger stored, Duration every) {
        return stored instanceof SimpleTrigger simple && simple.getRepeatInterval() == every.toMillis();
    }

    private static JobFactory jobFactory(List<Recurring> jobs) {
        Map<Class<? extends Job>, Supplier<? extends Job>> factories = new HashMap<>();
        jobs.forEach(j -> factories.put(j.type(), j.factory()));
        return (bundle, scheduler) -> {
            Supplier<? extends Job> factory =
                    factories.get(bundle.getJobDetail().getJobClass());
            if (factory == null) {
                throw new SchedulerException(
                        "no factory for " + bundle.getJobDetail().getJobClass());
            }
            return factory.get();
        };
    }

    private static Properties properties(String instanceId, String dataSourceName) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        // while the database is down, look for it again every second (Quartz says so once), not every 15 s
        p.setProperty("org.quartz.scheduler.dbFailureRetryInterval", "1000");
        return p;
    }

    private static ConnectionProvider provider(DataSource dataSource) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to Drumbeat's Database, which closes it
            }

            @Override
            public void initialize() {
                // nothing to prepare: the pool is already open
            }
        };
    }
}

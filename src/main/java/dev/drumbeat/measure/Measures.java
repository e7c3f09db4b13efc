package dev.drumbeat.measure;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Periods;
import dev.drumbeat.core.UserError;
import dev.drumbeat.prometheus.Measurement;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Binding KPIs and demand to PromQL, and measuring them: at once when bound (what it would record now, and the past
 * periods from Prometheus's history), at the end of every period for the evaluation job, and live for a check-in
 * modal. Results are stored as they are, a number or a reason; nothing is retried or guessed. Thread-safe.
 */
public final class Measures implements AutoCloseable {
    /** The {@code kpi_readings.source} of measured readings. */
    public static final String SOURCE = "prometheus";

    public static final int MAX_QUERY = 2000;
    /** Results stored per transaction while evaluating many bindings. */
    private static final int BATCH = 1000;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Measurer measurer;
    private final Periods periods;
    private final Clock clock;
    private final ExecutorService pool;

    public Measures(Jdbi jdbi, AuditLog audit, Measurer measurer, Periods periods, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.measurer = measurer;
        this.periods = periods;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(measurer.concurrency(), task -> {
            Thread thread = new Thread(task, "measure-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean configured() {
        return measurer.configured();
    }

    /** What binding did: the binding, the query it replaced, what it measures now, and the past periods filled. */
    public record Bound(
            MeasureBinding binding, Optional<String> replaced, Measurement now, List<MeasureResult> backfill) {
        public Bound {
            backfill = List.copyOf(backfill);
        }

        public long backfilled() {
            return backfill.stream().filter(MeasureResult::measured).count();
        }
    }

    /**
     * Binds a service's KPI ({@code kpi} as its key or name), or its monthly demand when {@code kpi} is empty, to
     * {@code query}; measures it now and fills the past periods. The owner, the deputy or an admin may.
     */
    public Bound bind(Actor actor, String serviceKey, Optional<String> kpi, String query) {
        String promql = checkedQuery(query);
        Instant now = clock.instant();
        record Change(MeasureBinding binding, Optional<String> replaced, boolean changed) {}
        Change change = jdbi.inTransaction(handle -> {
            MeasureTargets.Target target = new MeasureTargets(handle).resolve(actor, serviceKey, kpi);
            MeasureDao dao = new MeasureDao(handle);
            Optional<MeasureBinding> before = dao.find(target.serviceId(), target.kpiId());
            if (before.isPresent() && before.get().query().equals(promql)) {
                return new Change(before.get(), Optional.empty(), false);
            }
            long id;
            if (before.isPresent()) {
                id = before.get().id();
                dao.rebind(id, promql, actor.userId(), now);
            } else {
                id = dao.insert(actor.teamId(), target.serviceId(), target.kpiId(), promql, actor.userId(), now);
            }
            MeasureBinding binding = dao.find(id).orElseThrow();
            target.kpiId().ifPresent(kpiId -> dao.forgetMeasuredReadings(kpiId, firstBackfilled(binding, now)));
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "measure_binding",
                            binding.serviceKey() + "/" + binding.kpiKey().orElse("demand"),
                            before.map(b -> Map.of("query", b.query())).orElse(null),
                            Map.of("query", promql)));
            return new Change(binding, before.map(MeasureBinding::query), true);
        });
        MeasureBinding binding = change.binding();
        ZoneId zone = binding.zone();
        Cadence cadence = binding.cadence();
        Measurement current = measurer.measure(promql, cadence.start(cadence.periodOf(periods, now, zone), zone), now);
        List<MeasureResult> backfill =
                change.changed() ? evaluate(List.of(binding), now).results() : List.of();
        return new Bound(binding, change.replaced(), current, backfill);
    }

    /** Unbinds a KPI or a service's demand; the readings it measured stay, as measured. */
    public MeasureBinding unbind(Actor actor, String serviceKey, Optional<String> kpi) {
        return jdbi.inTransaction(handle -> {
            MeasureTargets.Target target = new MeasureTargets(handle).resolve(actor, serviceKey, kpi);
            MeasureDao dao = new MeasureDao(handle);
            MeasureBinding binding = dao.find(target.serviceId(), target.kpiId())
                    .orElseThrow(() -> new UserError(
                            SlackBlocks.escape(target.label()) + " is not measured;" + " nothing to unbind."));
            dao.delete(binding.id());
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "measure_binding",
                            binding.serviceKey() + "/" + binding.kpiKey().orElse("demand"),
                            Map.of("query", binding.query()),
                            null));
            return binding;
        });
    }

    /** What one run of the evaluation did. */
    public record Evaluation(int bindings, List<MeasureResult> results) {
        public Evaluation {
            results = List.copyOf(results);
        }

        public long measured() {
            return results.stream().filter(MeasureResult::measured).count();
        }

        public long missing() {
            return results.size() - measured();
        }
    }

    /** Measures every period that has ended since each active binding was last evaluated: the job's work. */
    public Evaluation evaluateDue() {
        Instant now = clock.instant();
        return evaluate(jdbi.withHandle(handle -> new MeasureDao(handle).active()), now);
    }

    /**
     * Measures the ended periods each binding has not been evaluated for, up to its cadence's backfill, in parallel
     * (no more queries at once than the measurer allows), and stores the results a batch at a time.
     */
    Evaluation evaluate(List<MeasureBinding> bindings, Instant now) {
        record Task(MeasureBinding binding, LocalDate period) {}
        List<Task> tasks = new ArrayList<>();
        for (MeasureBinding binding : bindings) {
            Cadence cadence = binding.cadence();
            LocalDate last = cadence.lastEnded(periods, now, binding.zone());
            LocalDate first = firstBackfilled(binding, now);
            LocalDate from = binding.evaluatedThrough()
                    .map(cadence::next)
                    .filter(next -> next.isAfter(first))
                    .orElse(first);
            for (LocalDate p = from; !p.isAfter(last); p = cadence.next(p)) {
                tasks.add(new Task(binding, p));
            }
        }
        List<Future<MeasureResult>> running = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            running.add(pool.submit(() -> measure(task.binding(), task.period())));
        }
        List<MeasureResult> results = new ArrayList<>(tasks.size());
        List<MeasureDao.Stored> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < tasks.size(); i++) {
            MeasureResult result =
                    await(running.get(i), tasks.get(i).binding(), tasks.get(i).period());
            results.add(result);
            MeasureBinding binding = tasks.get(i).binding();
            batch.add(new MeasureDao.Stored(binding.teamId(), binding.kpiId(), result));
            if (batch.size() == BATCH) {
                store(batch, now);
                batch.clear();
            }
        }
        store(batch, now);
        Map<Long, MeasureBinding> byId =
                bindings.stream().collect(Collectors.toMap(MeasureBinding::id, Function.identity(), (a, b) -> a));
        Map<Long, List<MeasureResult>> perBinding = results.stream()
                .collect(Collectors.groupingBy(MeasureResult::bindingId, LinkedHashMap::new, Collectors.toList()));
        List<MeasureDao.Moved> moved = new ArrayList<>(perBinding.size());
        perBinding.forEach((id, own) -> {
            own.sort(Comparator.comparing(MeasureResult::period));
            moved.add(new MeasureDao.Moved(id, own.get(own.size() - 1).period(), failing(byId.get(id), own)));
        });
        jdbi.useTransaction(handle -> new MeasureDao(handle).evaluated(moved));
        return new Evaluation(bindings.size(), results);
    }

    /** The check-in's view of a service's bound KPIs for a period: the stored result once ended, else measured now. */
    public record Live(MeasureBinding binding, MeasureResult result, boolean ended) {}

    /**
     * Each bound KPI of a service for {@code period}: what was stored when the period ended, or, while it runs, what
     * the query measures now; a query not answered within {@code patience} says so, so a modal is never late.
     */
    public List<Live> forCheckIn(long serviceId, LocalDate period, Duration patience) {
        Instant now = clock.instant();
        record Known(List<MeasureBinding> bindings, Map<Long, MeasureResult> stored) {}
        Known known = jdbi.withHandle(handle -> {
            MeasureDao dao = new MeasureDao(handle);
            List<MeasureBinding> bindings =
                    dao.ofService(serviceId).stream().filter(b -> !b.isDemand()).toList();
            Map<Long, MeasureResult> stored =
                    dao.forPeriod(bindings.stream().map(MeasureBinding::id).toList(), period).stream()
                            .collect(Collectors.toMap(MeasureResult::bindingId, Function.identity()));
            return new Known(bindings, stored);
        });
        Map<Long, CompletableFuture<MeasureResult>> asked = new LinkedHashMap<>();
        for (MeasureBinding binding : known.bindings()) {
            if (!known.stored().containsKey(binding.id())) {
                Instant end = Cadence.WEEK.end(period, binding.zone());
                Instant at = now.isBefore(end) ? now : end;
                asked.put(
                        binding.id(),
                        CompletableFuture.supplyAsync(
                                () -> MeasureResult.of(
                                        binding.id(),
                                        period,
                                        binding.query(),
                                        measurer.measure(
                                                binding.query(), Cadence.WEEK.start(period, binding.zone()), at),
                                        at),
                                pool));
            }
        }
        Instant deadline = now.plus(patience);
        List<Live> live = new ArrayList<>();
        for (MeasureBinding binding : known.bindings()) {
            MeasureResult stored = known.stored().get(binding.id());
            if (stored != null) {
                live.add(new Live(binding, stored, true));
                continue;
            }
            MeasureResult result;
            try {
                long wait =
                        Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
                result = asked.get(binding.id()).get(wait, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                result = MeasureResult.of(
                        binding.id(),
                        period,
                        binding.query(),
                        new Measurement.Missing(
                                Measurement.Reason.TIMED_OUT,
                                "Prometheus did not answer in time to fill the check-in."),
                        now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring for a check-in", e);
            }
            live.add(new Live(binding, result, false));
        }
        return live;
    }

    /** A binding with its latest result, for `/drumbeat sources`. */
    public record Source(MeasureBinding binding, Optional<MeasureResult> latest) {}

    public List<Source> sources(String teamId) {
        return jdbi.withHandle(handle -> {
            MeasureDao dao = new MeasureDao(handle);
            List<MeasureBinding> bindings = dao.ofTeam(teamId);
            Map<Long, MeasureResult> latest = dao
                    .latest(bindings.stream().map(MeasureBinding::id).toList())
                    .stream()
                    .collect(Collectors.toMap(MeasureResult::bindingId, Function.identity()));
            return bindings.stream()
                    .map(b -> new Source(b, Optional.ofNullable(latest.get(b.id()))))
                    .toList();
        });
    }

    /** A service's bindings with their latest results: the card's provenance. */
    public List<Source> ofService(long serviceId) {
        return jdbi.withHandle(handle -> {
            MeasureDao dao = new MeasureDao(handle);
            List<MeasureBinding> bindings = dao.ofService(serviceId);
            Map<Long, MeasureResult> latest = dao
                    .latest(bindings.stream().map(MeasureBinding::id).toList())
                    .stream()
                    .collect(Collectors.toMap(MeasureResult::bindingId, Function.identity()));
            return bindings.stream()
                    .map(b -> new Source(b, Optional.ofNullable(latest.get(b.id()))))
                    .toList();
        });
    }

    /** The measured demand of a service for a month (its first day), if it is bound and was measured. */
    public Optional<MeasureResult> demand(long serviceId, LocalDate month) {
        return jdbi.withHandle(handle -> {
            MeasureDao dao = new MeasureDao(handle);
            return dao.ofService(serviceId).stream()
                    .filter(MeasureBinding::isDemand)
                    .findFirst()
                    .flatMap(b -> dao.forPeriod(List.of(b.id()), month).stream().findFirst());
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private MeasureResult measure(MeasureBinding binding, LocalDate period) {
        Cadence cadence = binding.cadence();
        ZoneId zone = binding.zone();
        Instant end = cadence.end(period, zone);
        return MeasureResult.of(
                binding.id(),
                period,
                binding.query(),
                measurer.measure(binding.query(), cadence.start(period, zone), end),
                end);
    }

    private static MeasureResult await(Future<MeasureResult> running, MeasureBinding binding, LocalDate period) {
        try {
            return running.get();
        } catch (ExecutionException e) {
            return MeasureResult.of(
                    binding.id(),
                    period,
                    binding.query(),
                    new Measurement.Missing(
                            Measurement.Reason.UNREACHABLE,
                            "Measuring failed inside Drumbeat ("
                                    + e.getCause().getClass().getSimpleName() + ")."),
                    Instant.EPOCH);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        }
    }

    private void store(List<MeasureDao.Stored> batch, Instant now) {
        if (!batch.isEmpty()) {
            List<MeasureDao.Stored> copy = List.copyOf(batch);
            jdbi.useTransaction(handle -> new MeasureDao(handle).store(copy, now));
        }
    }

    /** The first period a binding fills: as many ended periods back as its cadence backfills. */
    private LocalDate firstBackfilled(MeasureBinding binding, Instant now) {
        Cadence cadence = binding.cadence();
        LocalDate first = cadence.lastEnded(periods, now, binding.zone());
        for (int i = 1; i < cadence.backfill(); i++) {
            first = cadence.previous(first);
        }
        return first;
    }

    /** Periods running that gave no number, counting on from the binding's earlier run when all of these failed. */
    private static int failing(MeasureBinding binding, List<MeasureResult> ordered) {
        int trailing = 0;
        for (int i = ordered.size() - 1; i >= 0 && !ordered.get(i).measured(); i--) {
            trailing++;
        }
        return trailing == ordered.size() && binding != null ? binding.failingPeriods() + trailing : trailing;
    }

    private static String checkedQuery(String query) {
        String promql = query == null ? "" : query.strip();
        if (promql.isEmpty()) {
            throw new UserError("Give the PromQL to measure it by, for example"
                    + " `avg_over_time(up{job=\"payments\"}[7d]) * 100`.");
        }
        if (promql.indexOf('\0') >= 0) {
            throw new UserError("That query holds a NUL character; PromQL has none. Type it again.");
        }
        if (promql.length() > MAX_QUERY) {
            throw new UserError("That query is " + promql.length() + " characters long; Drumbeat keeps queries up to "
                    + MAX_QUERY + ". Record a long expression as a Prometheus recording rule and bind its name.");
        }
        return promql;
    }
}

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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
import org.jdbi.v3.core.Handle;
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
    /**
     * A period that found Prometheus unreachable or too slow is asked again this long after, while it is recent enough
     * to matter: its reason stands meanwhile, and an answer replaces it.
     */
    static final Duration RETRY_AFTER = Duration.ofHours(1);

    static final Duration RETRY_WITHIN = Duration.ofDays(14);
    /** Results stored per transaction while evaluating many bindings. */
    private static final int BATCH = 1000;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Measurer measurer;
    private final Periods periods;
    private final Clock clock;
    private final ExecutorService pool;
    /** Its own threads for what a person waits on, so a long evaluation run never queues a check-in behind it. */
    private final ExecutorService live;

    public Measures(Jdbi jdbi, AuditLog audit, Measurer measurer, Periods periods, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.measurer = measurer;
        this.periods = periods;
        this.clock = clock;
        this.pool = daemons("measure-", measurer.concurrency());
        this.live = daemons("measure-live-", measurer.concurrency());
    }

    private static ExecutorService daemons(String name, int size) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, name + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean configured() {
        return measurer.configured();
    }

    /** What binding did: the binding, the query it replaced, what it measures now, and the past periods filled. */
    public record Bound(
            MeasureBinding binding,
            Optional<String> replaced,
            Measurement now,
            List<MeasureResult> backfill,
            String unit) {
        public Bound {
            backfill = List.copyOf(backfill);
        }

        /** The number measured now with its unit ({@code 99.95%}, {@code 1,204,000 transactions}), not escaped. */
        public Optional<String> nowWithUnit() {
            return now instanceof Measurement.Value value
                    ? Optional.of(MeasureViews.amount(binding, value.value(), unit))
                    : Optional.empty();
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
        // Asked first, so a query Prometheus refuses changes nothing: a typo never wipes the weeks measured before
        MeasureTargets.Target checked =
                jdbi.withHandle(handle -> new MeasureTargets(handle).resolve(actor, serviceKey, kpi));
        ZoneId zone = dev.drumbeat.core.Periods.zone(checked.tz());
        Cadence cadence = checked.kpiId().isPresent() ? Cadence.WEEK : Cadence.MONTH;
        Measurement current = measurer.measure(promql, cadence.start(cadence.periodOf(periods, now, zone), zone), now);
        if (current instanceof Measurement.Missing missing && missing.reason() == Measurement.Reason.QUERY_ERROR) {
            throw new UserError("Nothing changed: " + SlackBlocks.escape(SlackBlocks.clip(missing.detail(), 600)));
        }
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
                Optional<Long> inserted =
                        dao.insert(actor.teamId(), target.serviceId(), target.kpiId(), promql, actor.userId(), now);
                if (inserted.isEmpty()) {
                    // someone bound it between our look and our insert: theirs is replaced, as a rebind would
                    MeasureBinding theirs =
                            dao.find(target.serviceId(), target.kpiId()).orElseThrow();
                    dao.rebind(theirs.id(), promql, actor.userId(), now);
                    inserted = Optional.of(theirs.id());
                }
                id = inserted.get();
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
        List<MeasureResult> backfill = change.changed()
                ? evaluate(List.of(binding), List.of(), now, live).results()
                : List.of();
        String unit = jdbi.withHandle(handle -> new MeasureUnitsDao(handle).of(binding.id()));
        return new Bound(binding, change.replaced(), current, backfill, unit);
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
        record Due(List<MeasureBinding> bindings, List<MeasureDao.Retry> retries) {}
        Due due = jdbi.withHandle(handle -> {
            MeasureDao dao = new MeasureDao(handle);
            return new Due(dao.active(), dao.retryable(now.minus(RETRY_AFTER), now.minus(RETRY_WITHIN)));
        });
        return evaluate(due.bindings(), due.retries(), now, pool);
    }

    Evaluation evaluate(List<MeasureBinding> bindings, Instant now) {
        return evaluate(bindings, List.of(), now, pool);
    }

    /**
     * Measures the ended periods each binding has not been evaluated for, up to its cadence's backfill, in parallel
     * (no more queries at once than the measurer allows), and stores the results a batch at a time.
     */
    /** As above, on {@code threads}: the job's pool, or for a bind someone waits on, the pool that serves people. */
    private Evaluation evaluate(
            List<MeasureBinding> bindings, List<MeasureDao.Retry> retries, Instant now, ExecutorService threads) {
        record Task(MeasureBinding binding, LocalDate period) {}
        List<Task> tasks = new ArrayList<>();
        Map<Long, MeasureBinding> known =
                bindings.stream().collect(Collectors.toMap(MeasureBinding::id, Function.identity(), (a, b) -> a));
        for (MeasureDao.Retry retry : retries) {
            MeasureBinding binding = known.get(retry.bindingId());
            if (binding != null && binding.query().equals(retry.query())) {
                tasks.add(new Task(binding, retry.period()));
            }
        }
        for (MeasureBinding binding : bindings) {
            Cadence cadence = binding.cadence();
            LocalDate last = cadence.lastEnded(periods, now, binding.zone());
            LocalDate first = firstBackfilled(binding, now);
            LocalDate from = binding.evaluatedThrough()
                    .map(through -> cadence.next(cadence.snap(periods, through)))
                    .filter(next -> next.isAfter(first))
                    .orElse(first);
            for (LocalDate p = from; !p.isAfter(last); p = cadence.next(p)) {
                tasks.add(new Task(binding, p));
            }
        }
        List<Future<MeasureResult>> running = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            running.add(threads.submit(() -> measure(task.binding(), task.period())));
        }
        Set<Long> retried = tasks.stream()
                .filter(t -> t.binding()
                        .evaluatedThrough()
                        .filter(through -> !t.period().isAfter(through))
                        .isPresent())
                .map(t -> t.binding().id())
                .collect(Collectors.toSet());
        List<MeasureResult> results = new ArrayList<>(tasks.size());
        List<MeasureDao.Stored> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < tasks.size(); i++) {
            MeasureResult result =
                    await(running.get(i), tasks.get(i).binding(), tasks.get(i).period());
            results.add(result);
            MeasureBinding binding = tasks.get(i).binding();
            batch.add(new MeasureDao.Stored(binding.teamId(), binding.kpiId(), result));
            // a batch ends between bindings, so it moves on each binding it holds with all of its new periods
            boolean lastOfBinding =
                    i == tasks.size() - 1 || tasks.get(i + 1).binding().id() != binding.id();
            if (batch.size() >= BATCH && lastOfBinding) {
                storeAndMoveOn(batch, known, retried, now);
                batch.clear();
            }
        }
        storeAndMoveOn(batch, known, retried, now);
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
                                live));
            }
        }
        // A wall-clock budget shared by every KPI of the modal (Slack's trigger expires whatever the business clock)
        long deadline = System.nanoTime() + patience.toNanos();
        List<Live> live = new ArrayList<>();
        for (MeasureBinding binding : known.bindings()) {
            MeasureResult stored = known.stored().get(binding.id());
            if (stored != null) {
                live.add(new Live(binding, stored, true));
                continue;
            }
            MeasureResult result;
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                result = asked.get(binding.id()).get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                asked.get(binding.id()).cancel(true);
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
        return jdbi.withHandle(handle -> sources(handle, teamId));
    }

    /** The same on the caller's handle (inside its transaction, taking no second connection from the pool). */
    public List<Source> sources(Handle handle, String teamId) {
        return withLatest(new MeasureDao(handle), new MeasureDao(handle).ofTeam(teamId));
    }

    /** The bindings of some of a workspace's services with their latest results, on the caller's handle. */
    public List<Source> sources(Handle handle, String teamId, Collection<String> serviceKeys) {
        MeasureDao dao = new MeasureDao(handle);
        return withLatest(dao, dao.ofServices(teamId, serviceKeys));
    }

    private static List<Source> withLatest(MeasureDao dao, List<MeasureBinding> bindings) {
        Map<Long, MeasureResult> latest = dao
                .latest(bindings.stream().map(MeasureBinding::id).toList())
                .stream()
                .collect(Collectors.toMap(MeasureResult::bindingId, Function.identity()));
        return bindings.stream()
                .map(b -> new Source(b, Optional.ofNullable(latest.get(b.id()))))
                .toList();
    }

    /** The query a service's KPI is measured by, if it is bound. */
    public Optional<String> queryOf(String teamId, String serviceKey, String kpiKey) {
        return jdbi.withHandle(handle -> new MeasureDao(handle)
                .ofServices(teamId, List.of(serviceKey)).stream()
                        .filter(b -> b.kpiKey().filter(kpiKey::equals).isPresent())
                        .map(MeasureBinding::query)
                        .findFirst());
    }

    /** A service's bindings with their latest results: the card's provenance. */
    public List<Source> ofService(long serviceId) {
        return jdbi.withHandle(handle -> {
            MeasureDao dao = new MeasureDao(handle);
            return withLatest(dao, dao.ofService(serviceId));
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
        live.shutdownNow();
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

    /**
     * Stores a batch of results and moves their bindings on, in one transaction while the pool goes on asking, so only
     * the last batch waits after the last answer. A binding with a period asked again has its failing run counted
     * afresh from every result kept; the others count on from their run as it was.
     */
    private void storeAndMoveOn(
            List<MeasureDao.Stored> batch, Map<Long, MeasureBinding> known, Set<Long> retried, Instant now) {
        if (batch.isEmpty()) {
            return;
        }
        List<MeasureDao.Stored> copy = List.copyOf(batch);
        Map<Long, List<MeasureResult>> perBinding = new LinkedHashMap<>();
        for (MeasureDao.Stored stored : copy) {
            perBinding
                    .computeIfAbsent(stored.result().bindingId(), id -> new ArrayList<>())
                    .add(stored.result());
        }
        Map<Long, MeasureDao.Evaluated> through = new LinkedHashMap<>();
        perBinding.forEach((id, own) -> {
            own.sort(Comparator.comparing(MeasureResult::period));
            MeasureResult last = own.get(own.size() - 1);
            MeasureBinding binding = known.get(id);
            boolean countOn = binding != null && !retried.contains(id);
            through.put(
                    id,
                    new MeasureDao.Evaluated(
                            last.period(),
                            last.query(),
                            countOn ? OptionalInt.of(failing(binding, own)) : OptionalInt.empty()));
        });
        jdbi.useTransaction(handle -> {
            MeasureDao dao = new MeasureDao(handle);
            dao.store(copy, now);
            dao.evaluated(through);
        });
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

    /**
     * A binding's run of failing periods after {@code ordered}, new periods after those it counted: a number ends the
     * run, a period without one lengthens it, and one with no Prometheus configured (an admin's to fix) leaves it.
     */
    private static int failing(MeasureBinding binding, List<MeasureResult> ordered) {
        int run = binding.evaluatedThrough().isPresent() ? binding.failingPeriods() : 0;
        for (MeasureResult result : ordered) {
            if (result.measured()) {
                run = 0;
            } else if (result.reason()
                    .filter(r -> r != Measurement.Reason.NOT_CONFIGURED)
                    .isPresent()) {
                run++;
            }
        }
        return run;
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

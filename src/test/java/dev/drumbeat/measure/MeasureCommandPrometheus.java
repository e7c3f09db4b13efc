package dev.drumbeat.measure;

import dev.drumbeat.support.PrometheusServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real Prometheus on series written here for the Slack tests of measured KPIs, at the moments Drumbeat measures
 * (every Monday from 16 December 2024, every first of the month from September 2024, and {@link #NOW}), three points
 * two minutes apart up to each, which keeps the blocks promtool writes few: a gauge whose value is known for every day ({@link #availability}), a latency in two series,
 * one with a label value that would notify a channel if shown unescaped, a demand gauge ({@link #demand}) and a request
 * counter. Started once, before the app that is configured with its address; closing stops it and removes its data.
 */
final class MeasureCommandPrometheus implements AutoCloseable {
    /** Wednesday 19 March 2025, 10:00 UTC: the week of 17 March runs, the week of 10 March ended last. */
    static final Instant NOW = Instant.parse("2025-03-19T10:00:00Z");

    static final String HOSTILE_INSTANCE = "<!channel> & co";

    private final Path dir;
    private final PrometheusServer server;

    private MeasureCommandPrometheus(Path dir, PrometheusServer server) {
        this.dir = dir;
        this.server = server;
    }

    static MeasureCommandPrometheus start() {
        try {
            Path dir = Files.createTempDirectory("measure-command-prometheus");
            return new MeasureCommandPrometheus(dir, PrometheusServer.start(dir, series()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PrometheusServer server() {
        return server;
    }

    /** {@code availability{service="payments"}} at {@code t}: 99 and the day's number since 1970 mod 100, in hundredths. */
    static BigDecimal availability(Instant t) {
        long day = Math.floorDiv(t.getEpochSecond(), 86_400);
        return new BigDecimal(99).add(BigDecimal.valueOf(day % 100, 2));
    }

    /** {@code payments_month} at {@code t}: 1,000 and the day's number since 1970. */
    static BigDecimal demand(Instant t) {
        return BigDecimal.valueOf(1_000 + Math.floorDiv(t.getEpochSecond(), 86_400));
    }

    private static String series() {
        StringBuilder om = new StringBuilder();
        om.append("# TYPE availability gauge\n");
        each(t ->
                sample(om, "availability{service=\"payments\"}", availability(t).toPlainString(), t));
        om.append("# TYPE latency_ms gauge\n");
        each(t -> sample(om, "latency_ms{instance=\"a\"}", "120", t));
        each(t -> sample(om, "latency_ms{instance=\"" + HOSTILE_INSTANCE + "\"}", "180", t));
        om.append("# TYPE payments_month gauge\n");
        each(t -> sample(om, "payments_month", demand(t).toPlainString(), t));
        om.append("# TYPE requests counter\n");
        long[] count = {0};
        each(t -> sample(om, "requests_total{job=\"payments\"}", Long.toString(count[0] += 360), t));
        om.append("# EOF\n");
        return om.toString();
    }

    private static void each(Consumer<Instant> step) {
        for (Instant moment : moments()) {
            for (int before = 4; before >= 0; before -= 2) {
                step.accept(moment.minus(Duration.ofMinutes(before)));
            }
        }
    }

    /** The ends of the weeks and months measured, and now, in order. */
    private static SortedSet<Instant> moments() {
        SortedSet<Instant> moments = new TreeSet<>();
        for (LocalDate monday = LocalDate.parse("2024-12-16");
                monday.isBefore(LocalDate.parse("2025-03-18"));
                monday = monday.plusWeeks(1)) {
            moments.add(monday.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        for (LocalDate first = LocalDate.parse("2024-09-01");
                first.isBefore(LocalDate.parse("2025-03-02"));
                first = first.plusMonths(1)) {
            moments.add(first.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        moments.add(NOW);
        return moments;
    }

    private static void sample(StringBuilder om, String series, String value, Instant t) {
        om.append(series)
                .append(' ')
                .append(value)
                .append(' ')
                .append(t.getEpochSecond())
                .append('\n');
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

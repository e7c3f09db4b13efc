package dev.drumbeat.costs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import dev.drumbeat.support.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The costs folder (DRUMBEAT_COSTS_DIR): exports a sync drops there are imported by the hourly job, each folder of
 * parts once, again when the provider rewrites it, never while it is still being written. The job is run by hand on
 * the test's clock.
 */
class CostFolderScanTest {
    static final String TEAM = "T0COST001";
    static final Duration HOURS_AGO = Duration.ofHours(2);

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Jdbi jdbi;
    MutableClock clock;

    @TempDir
    Path root;

    @BeforeEach
    void oneWorkspace() {
        jdbi = drumbeat.jdbi();
        clock = drumbeat.clock();
        jdbi.useHandle(h -> h.execute("insert into workspaces (team_id) values (?)", TEAM));
        logged.start();
        logger().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger().detachAppender(logged);
    }

    private static ch.qos.logback.classic.Logger logger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(CostFolderScan.class);
    }

    private void runJob() {
        new CostFolderJob(Optional.of(
                        new CostFolderScan(jdbi, new AuditLog(clock), clock, root, Currency.getInstance("USD"))))
                .execute(null);
    }

    private static FocusExports march(String extra) {
        FocusExports export = new FocusExports(Shape.AWS);
        for (int i = 0; i < 10; i++) {
            export.usage("000123456789", "Compute", "1.25");
        }
        return export.usage("000123456789", "Storage", extra);
    }

    /** Sets the files' last-modified time {@code ago} before the test's clock. */
    private List<Path> modified(List<Path> files, Duration ago) {
        for (Path file : files) {
            try {
                Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(ago)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @Test
    void a_new_export_is_imported_once_and_never_again() {
        Path month = root.resolve("aws/focus/data/BILLING_PERIOD=2025-03");
        modified(march("100").write(month, ".csv.gz", 3), HOURS_AGO);

        runJob();
        clock.advance(Duration.ofHours(1));
        runJob();

        assertThat(drumbeat.count("cost_imports")).isEqualTo(1);
        assertThat(decimal("select effective_cost from cost_periods")).isEqualByComparingTo("112.5");
        assertThat(drumbeat.count("cost_intake_files where origin = 'folder' and import_id is not null"))
                .isEqualTo(3);
        assertThat(text("select imported_by from cost_imports")).isEqualTo("folder");
    }

    @Test
    void an_export_the_provider_rewrote_is_imported_again_and_replaces_its_month() {
        Path month = root.resolve("aws/focus/data/BILLING_PERIOD=2025-03");
        modified(march("100").write(month, ".parquet", 2), HOURS_AGO);
        runJob();

        clock.advance(Duration.ofHours(1));
        modified(march("130").write(month, ".parquet", 2), Duration.ofMinutes(5));
        runJob();

        assertThat(drumbeat.count("cost_imports")).isEqualTo(2);
        assertThat(drumbeat.count("cost_periods")).isEqualTo(1);
        assertThat(decimal("select effective_cost from cost_periods")).isEqualByComparingTo("142.5");
    }

    @Test
    void folders_of_parts_are_imported_one_import_each() {
        modified(march("100").write(root.resolve("aws/data/BILLING_PERIOD=2025-03"), ".csv", 2), HOURS_AGO);
        FocusExports azure = new FocusExports(Shape.AZURE).usage("/subscriptions/1", "Virtual Machines", "40");
        modified(azure.write(root.resolve("azure/focus/20250301-20250331/run-1"), ".csv", 1), HOURS_AGO);

        runJob();

        assertThat(drumbeat.count("cost_imports")).isEqualTo(2);
        assertThat(drumbeat.count("cost_periods")).isEqualTo(2);
    }

    @Test
    void an_azure_export_waits_for_every_part_its_manifest_lists_and_imports_only_those() throws Exception {
        Path run = root.resolve("azure/focus-daily/20250301-20250331/8f3b1c2a");
        FocusExports azure = new FocusExports(Shape.AZURE);
        for (int i = 1; i <= 8; i++) {
            azure.usage("/subscriptions/" + i, "Virtual Machines", "10");
        }
        List<Path> parts = azure.write(run, ".parquet", 4);
        Files.copy(parts.get(0), run.resolve("part-from-an-older-run.parquet"));
        manifest(run, parts);
        Path aside = root.resolve("aside.parquet");
        Files.move(parts.get(3), aside);
        modified(parts.subList(0, 3), HOURS_AGO);
        modified(List.of(run.resolve("manifest.json"), run.resolve("part-from-an-older-run.parquet")), HOURS_AGO);

        runJob();
        assertThat(drumbeat.count("cost_imports")).isZero();

        Files.move(aside, parts.get(3));
        modified(List.of(parts.get(3)), Duration.ofMinutes(10));
        runJob();

        assertThat(drumbeat.count("cost_imports")).isEqualTo(1);
        assertThat(decimal("select effective_cost from cost_periods")).isEqualByComparingTo("80");
        assertThat(text("select source from cost_imports"))
                .isEqualTo("part-1.parquet, part-2.parquet, part-3.parquet, part-4.parquet");
    }

    /** An Azure Cost Management export's manifest: the blobs of the run, by their path in the container. */
    private static void manifest(Path run, List<Path> parts) throws IOException {
        String blobs = parts.stream()
                .map(part -> {
                    try {
                        return "{\"blobName\": \"exports/focus-daily/20250301-20250331/8f3b1c2a/" + part.getFileName()
                                + "\", \"byteCount\": " + Files.size(part) + ", \"dataRowCount\": 2}";
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .collect(Collectors.joining(", "));
        Files.writeString(
                run.resolve("manifest.json"),
                "{\"manifestVersion\": \"2024-04-01\", \"blobCount\": " + parts.size()
                        + ", \"exportConfig\": {\"exportName\": \"focus-daily\", \"type\": \"FocusCost\"},"
                        + " \"blobs\": [" + blobs + "]}");
    }

    @Test
    void files_modified_less_than_a_minute_ago_are_left_for_the_next_scan() {
        Path month = root.resolve("aws/data/BILLING_PERIOD=2025-03");
        modified(march("100").write(month, ".csv", 2), Duration.ofSeconds(10));

        runJob();
        assertThat(drumbeat.count("cost_imports")).isZero();

        clock.advance(Duration.ofMinutes(2));
        runJob();
        assertThat(drumbeat.count("cost_imports")).isEqualTo(1);
    }

    @Test
    void a_refused_export_is_recorded_with_its_sentence_and_left_alone_until_its_files_change() {
        Path month = root.resolve("aws/data/BILLING_PERIOD=2025-03");
        modified(march("100").withoutEffectiveCost().write(month, ".csv", 1), HOURS_AGO);

        runJob();
        runJob();

        assertThat(drumbeat.count("cost_imports")).isZero();
        assertThat(text("select refused from cost_intake_files")).contains("has no EffectiveCost column");
        assertThat(drumbeat.count("audit_log where entity = 'costs' and action = 'refuse'"))
                .isEqualTo(1);
        assertThat(text("select after::text from audit_log where action = 'refuse'"))
                .contains("has no EffectiveCost column", "BILLING_PERIOD=2025-03");
        List<ILoggingEvent> warnings =
                logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage())
                .contains("aws/data/BILLING_PERIOD=2025-03", "has no EffectiveCost column");

        modified(march("100").write(month, ".csv", 1), Duration.ofMinutes(5));
        runJob();

        assertThat(drumbeat.count("cost_imports")).isEqualTo(1);
        assertThat(drumbeat.count("cost_intake_files where refused is not null"))
                .isZero();
    }

    @Test
    void with_several_workspaces_each_imports_the_folder_named_by_its_id() {
        jdbi.useHandle(h -> h.execute("insert into workspaces (team_id) values ('T0COST002')"));
        modified(march("100").write(root.resolve("T0COST002/aws/BILLING_PERIOD=2025-03"), ".csv", 1), HOURS_AGO);
        modified(march("5").write(root.resolve("not-a-workspace/aws"), ".csv", 1), HOURS_AGO);

        runJob();

        assertThat(text("select team_id from cost_imports")).isEqualTo("T0COST002");
        assertThat(drumbeat.count("cost_imports")).isEqualTo(1);
    }

    @Test
    void without_a_costs_folder_the_job_does_nothing() {
        modified(march("100").write(root.resolve("aws"), ".csv", 1), HOURS_AGO);

        new CostFolderJob(Optional.empty()).execute(null);

        assertThat(drumbeat.count("cost_imports")).isZero();
    }

    private BigDecimal decimal(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(BigDecimal.class).one());
    }

    private String text(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}

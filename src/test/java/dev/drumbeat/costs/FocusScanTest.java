package dev.drumbeat.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.core.UserError;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the providers' FOCUS exports: every shape and format summed exactly, anything else refused by name. */
class FocusScanTest {
    @TempDir
    Path dir;

    /** A month whose costs do not add up in binary floating point, with a purchase, a credit and tax. */
    private static FocusExports march(Shape shape) {
        FocusExports export = new FocusExports(shape);
        for (int i = 0; i < 30; i++) {
            export.usage(shape == Shape.AWS ? "000123456789" : "sub-" + (i % 3), "Compute", "0.1");
        }
        return export.usage("sub-a", "Storage", "1234.5678")
                .charge("Purchase", "sub-a", "Savings Plans", "12000", "0")
                .charge("Credit", "sub-a", "Compute", "-50.25", "-50.25")
                .charge("Tax", "sub-a", "Tax", "100.10", "100.10");
    }

    @ParameterizedTest
    @ValueSource(strings = {".csv", ".csv.gz", ".parquet"})
    void an_aws_export_in_parts_sums_exactly_per_account_and_month_keeping_leading_zeros(String suffix) {
        List<Path> files = march(Shape.AWS).write(dir, suffix, 3);

        List<FocusScan.Period> periods = FocusScan.periods(files);

        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.billingAccountId()).isEqualTo("012345678901");
            assertThat(p.billingPeriodStart()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.rows()).isEqualTo(34);
            // 30 × 0.1 + 1234.5678 − 50.25 + 100.10: amortised, so the 12,000 purchase is not counted again
            assertThat(p.effectiveCost()).isEqualByComparingTo("1287.4178");
            assertThat(p.billedCost()).isEqualByComparingTo("13287.4178");
            assertThat(p.effectiveByCategory().get("Credit")).isEqualByComparingTo("-50.25");
            assertThat(p.effectiveByCategory().get("Tax")).isEqualByComparingTo("100.10");
            assertThat(p.effectiveByCategory().get("Purchase")).isEqualByComparingTo(BigDecimal.ZERO);
        });
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void each_providers_shape_and_time_format_is_read(Shape shape) {
        List<FocusScan.Period> periods = FocusScan.periods(march(shape).write(dir, ".csv", 2));

        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.billingAccountId()).isEqualTo(new FocusExports(shape).account());
            assertThat(p.billingPeriodStart())
                    .isEqualTo(Instant.parse(shape == Shape.GOOGLE ? "2025-03-01T08:00:00Z" : "2025-03-01T00:00:00Z"));
            assertThat(p.effectiveCost()).isEqualByComparingTo("1287.4178");
        });
    }

    @Test
    void a_file_without_the_cost_columns_is_refused_naming_them() {
        List<Path> files = march(Shape.AZURE).withoutEffectiveCost().write(dir, ".csv", 1);

        assertThatThrownBy(() -> FocusScan.periods(files))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("not a FOCUS cost-and-usage export: it has no EffectiveCost column");
    }

    @Test
    void a_truncated_gzip_file_is_refused_and_named() throws IOException {
        Path whole = march(Shape.AWS).write(dir, ".csv.gz", 1).get(0);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut-short.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> FocusScan.periods(List.of(cut)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("cut-short.csv.gz")
                .hasMessageContaining("Nothing was imported");
    }

    @Test
    void a_truncated_parquet_file_is_refused_and_named() throws IOException {
        Path whole = march(Shape.AWS).write(dir, ".parquet", 1).get(0);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut-short.parquet");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 20));

        assertThatThrownBy(() -> FocusScan.periods(List.of(cut)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("cut-short.parquet");
    }

    @Test
    void a_cost_that_is_not_a_number_is_refused() {
        List<Path> files = march(Shape.AWS).usage("sub-a", "Compute", "12,50").write(dir, ".csv", 1);

        assertThatThrownBy(() -> FocusScan.periods(files))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("is not a number");
    }

    @Test
    void a_row_without_its_account_or_currency_is_refused_naming_the_column() {
        List<Path> noAccount = march(Shape.AWS)
                .add(new FocusExports.Charge(
                        "",
                        "2025-03-01T00:00:00Z",
                        "2025-04-01T00:00:00Z",
                        "USD",
                        "Usage",
                        "s",
                        "Compute",
                        "r",
                        "{}",
                        "1",
                        "1"))
                .write(dir.resolve("account"), ".csv", 1);
        List<Path> noCurrency = march(Shape.AWS)
                .add(new FocusExports.Charge(
                        "012345678901",
                        "2025-03-01T00:00:00Z",
                        "2025-04-01T00:00:00Z",
                        "",
                        "Usage",
                        "s",
                        "Compute",
                        "r",
                        "{}",
                        "1",
                        "1"))
                .write(dir.resolve("currency"), ".csv", 1);

        assertThatThrownBy(() -> FocusScan.periods(noAccount))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("A row has no BillingAccountId");
        assertThatThrownBy(() -> FocusScan.periods(noCurrency))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("A row has no BillingCurrency");
    }

    @Test
    void a_hostile_period_start_is_quoted_short_and_without_its_nul() {
        List<Path> files = new FocusExports(Shape.AWS)
                .add(charge("<!channel>\u0000" + "9".repeat(100_000)))
                .write(dir.resolve("long"), ".csv", 1);
        List<Path> huge = new FocusExports(Shape.AWS)
                .add(charge("\u0000" + "9".repeat(10_000_000)))
                .write(dir.resolve("huge"), ".csv", 1);

        assertThatThrownBy(() -> FocusScan.periods(files))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("Drumbeat can't read \"<!channel>999")
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("\u0000").hasSizeLessThan(400));
        // a 10 MB cell is more than DuckDB reads as one CSV line: the file is refused as unreadable, named
        assertThatThrownBy(() -> FocusScan.periods(huge))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("Drumbeat could not read focus-aws-part-1.csv")
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("\u0000").hasSizeLessThan(400));
    }

    private static FocusExports.Charge charge(String periodStart) {
        return new FocusExports.Charge(
                "012345678901",
                periodStart,
                "2025-04-01T00:00:00Z",
                "USD",
                "Usage",
                "s",
                "Compute",
                "r",
                "{}",
                "1",
                "1");
    }

    @Test
    void csv_and_parquet_parts_together_or_missing_files_are_refused() {
        Path csv = march(Shape.AWS).write(dir.resolve("a"), ".csv", 1).get(0);
        Path parquet = march(Shape.AWS).write(dir.resolve("b"), ".parquet", 1).get(0);

        assertThatThrownBy(() -> FocusScan.periods(List.of(csv, parquet)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("mix CSV and Parquet");
        assertThatThrownBy(() -> FocusScan.periods(List.of(dir.resolve("nothing.csv"))))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("There is no file");
    }
}

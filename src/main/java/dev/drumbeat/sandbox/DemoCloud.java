package dev.drumbeat.sandbox;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The three clouds Northwind Bank is billed by, each with its billing account and the way its FOCUS export lands:
 * AWS's Data Exports as Parquet parts under {@code BILLING_PERIOD=yyyy-MM}, Azure's Cost Management export as CSV
 * {@code part_…} files under the month's date range, and Google's billing table exported from BigQuery as gzip CSV.
 */
enum DemoCloud {
    AWS("aws", "004417263158", ".snappy.parquet", 3),
    AZURE("azure", "74528119", ".csv", 1),
    GOOGLE("google", "01B7E4-5C92A0-D3F816", ".csv.gz", 1);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private final String word;
    private final String billingAccountId;
    private final String suffix;
    private final int parts;

    DemoCloud(String word, String billingAccountId, String suffix, int parts) {
        this.word = word;
        this.billingAccountId = billingAccountId;
        this.suffix = suffix;
        this.parts = parts;
    }

    /** How the cloud is named in demo/bill-lines.csv and in the bills folder. */
    String word() {
        return word;
    }

    String billingAccountId() {
        return billingAccountId;
    }

    /** How many part files one month's export is split into. */
    int parts() {
        return parts;
    }

    boolean parquet() {
        return suffix.endsWith(".parquet");
    }

    boolean gzip() {
        return suffix.endsWith(".gz");
    }

    /** Where part {@code part} (from 1) of {@code month}'s export lands under the bills {@code folder}. */
    Path file(Path folder, YearMonth month, int part) {
        Path cloud = folder.resolve(word);
        return switch (this) {
            case AWS ->
                cloud.resolve("northwind-focus/data/BILLING_PERIOD=" + month)
                        .resolve(String.format(Locale.ROOT, "northwind-focus-%05d%s", part, suffix));
            case AZURE ->
                cloud.resolve("northwind-focus/" + DAY.format(month.atDay(1)) + "-" + DAY.format(month.atEndOfMonth()))
                        .resolve(String.format(Locale.ROOT, "part_0_%04d%s", part, suffix));
            case GOOGLE ->
                cloud.resolve("gcp_billing_export_focus_" + billingAccountId.replace('-', '_') + "/" + month)
                        .resolve(String.format(Locale.ROOT, "focus-%012d%s", part - 1, suffix));
        };
    }

    static DemoCloud named(String word) {
        for (DemoCloud cloud : values()) {
            if (cloud.word.equals(word)) {
                return cloud;
            }
        }
        throw new IllegalStateException("demo/bill-lines.csv: no cloud called " + word);
    }
}

package dev.drumbeat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small FOCUS cost-and-usage exports in the shapes the providers deliver, for tests: AWS's (12-digit account
 * ids as text, {@code x_ServiceCode}, {@code x_UsageType}), Azure's (subscription paths, tags as a JSON object,
 * {@code x_ResourceGroupName}, times without seconds) and Google's (project ids, BigQuery's spaced UTC times,
 * {@code x_Labels}). Rows are added one charge at a time and written as CSV, gzip CSV or Parquet, in one or several
 * parts, through an embedded DuckDB. Made from scratch, not from any provider's files.
 */
public final class FocusExports {

    /** The provider whose export shape to write. */
    public enum Shape {
        AWS,
        AZURE,
        GOOGLE
    }

    /**
     * One charge: a row of the export. Amounts are text, as exact as the test wants them. {@code chargeClass} is
     * null or {@code Correction}; {@code chargePeriodStart} is the time the charge covers (null: the invoice month's
     * start).
     */
    public record Charge(
            String billingAccountId,
            String billingPeriodStart,
            String billingPeriodEnd,
            String currency,
            String chargeCategory,
            String subAccountId,
            String serviceName,
            String resourceId,
            String tags,
            String billedCost,
            String effectiveCost,
            String chargeClass,
            String chargePeriodStart) {

        /** An ordinary charge, for the whole invoice month. */
        public Charge(
                String billingAccountId,
                String billingPeriodStart,
                String billingPeriodEnd,
                String currency,
                String chargeCategory,
                String subAccountId,
                String serviceName,
                String resourceId,
                String tags,
                String billedCost,
                String effectiveCost) {
            this(
                    billingAccountId,
                    billingPeriodStart,
                    billingPeriodEnd,
                    currency,
                    chargeCategory,
                    subAccountId,
                    serviceName,
                    resourceId,
                    tags,
                    billedCost,
                    effectiveCost,
                    null,
                    null);
        }
    }

    private final Shape shape;
    private final List<Charge> charges = new ArrayList<>();
    private boolean withoutEffectiveCost;

    public FocusExports(Shape shape) {
        this.shape = shape;
    }

    /** A usage charge in March 2025 for the shape's first billing account, in USD. */
    public FocusExports usage(String subAccount, String service, String effectiveCost) {
        return charge("Usage", subAccount, service, effectiveCost, effectiveCost);
    }

    public FocusExports charge(
            String category, String subAccount, String service, String billedCost, String effectiveCost) {
        return add(new Charge(
                account(),
                start("2025-03-01"),
                start("2025-04-01"),
                "USD",
                category,
                subAccount,
                service,
                resource(subAccount, service),
                tags(),
                billedCost,
                effectiveCost));
    }

    /**
     * A correction in this March 2025 file of a charge in {@code correctedMonth} (e.g. {@code 2025-01}), as the
     * providers send one: billed in the later invoice, its ChargePeriodStart in the month it corrects.
     */
    public FocusExports correction(String subAccount, String service, String correctedMonth, String cost) {
        return add(new Charge(
                account(),
                start("2025-03-01"),
                start("2025-04-01"),
                "USD",
                "Usage",
                subAccount,
                service,
                resource(subAccount, service),
                tags(),
                cost,
                cost,
                "Correction",
                start(correctedMonth + "-01")));
    }

    /** Rewrites every charge so far into {@code month} (e.g. {@code 2025-05}) and {@code currency}. */
    public FocusExports in(String month, String currency) {
        YearMonth m = YearMonth.parse(month);
        charges.replaceAll(c -> new Charge(
                c.billingAccountId(),
                start(m.atDay(1).toString()),
                start(m.plusMonths(1).atDay(1).toString()),
                currency,
                c.chargeCategory(),
                c.subAccountId(),
                c.serviceName(),
                c.resourceId(),
                c.tags(),
                c.billedCost(),
                c.effectiveCost(),
                c.chargeClass(),
                c.chargePeriodStart() == null ? null : c.chargePeriodStart()));
        return this;
    }

    /** A usage charge of AWS's account {@code 012345678901} in March 2025, in USD, billed as amortised. */
    public static Charge awsMarch(String subAccount, String service, String resource, String tags, String cost) {
        return new Charge(
                "012345678901",
                "2025-03-01T00:00:00Z",
                "2025-04-01T00:00:00Z",
                "USD",
                "Usage",
                subAccount,
                service,
                resource,
                tags,
                cost,
                cost);
    }

    public FocusExports add(Charge charge) {
        charges.add(charge);
        return this;
    }

    /** Leaves the EffectiveCost column out, as a file that is not a FOCUS cost export would. */
    public FocusExports withoutEffectiveCost() {
        this.withoutEffectiveCost = true;
        return this;
    }

    /** The shape's billing account id: AWS's has a leading zero that must survive. */
    public String account() {
        return switch (shape) {
            case AWS -> "012345678901";
            case AZURE -> "8611537";
            case GOOGLE -> "01A2B3-C4D5E6-F7A8B9";
        };
    }

    /** Writes the charges into {@code parts} files in {@code dir}; {@code suffix} is .csv, .csv.gz or .parquet. */
    public List<Path> write(Path dir, String suffix, int parts) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("create table charges (BillingAccountId varchar, BillingPeriodStart varchar,"
                    + " BillingPeriodEnd varchar, BillingCurrency varchar, ChargeCategory varchar, SubAccountId"
                    + " varchar, ServiceName varchar, ResourceId varchar, Tags varchar, BilledCost varchar,"
                    + " EffectiveCost varchar, ChargeClass varchar, ChargePeriodStart varchar, part integer)");
            try (PreparedStatement insert =
                    duck.prepareStatement("insert into charges values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < charges.size(); i++) {
                    Charge c = charges.get(i);
                    String[] values = {
                        c.billingAccountId(),
                        c.billingPeriodStart(),
                        c.billingPeriodEnd(),
                        c.currency(),
                        c.chargeCategory(),
                        c.subAccountId(),
                        c.serviceName(),
                        c.resourceId(),
                        c.tags(),
                        c.billedCost(),
                        c.effectiveCost(),
                        c.chargeClass(),
                        c.chargePeriodStart() == null ? c.billingPeriodStart() : c.chargePeriodStart()
                    };
                    for (int v = 0; v < values.length; v++) {
                        insert.setString(v + 1, values[v]);
                    }
                    insert.setInt(14, i % parts);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                Path file = dir.resolve(prefix() + "-" + (part + 1) + suffix);
                statement.execute("copy (select " + columns(suffix) + " from charges where part = " + part + ") to '"
                        + file.toAbsolutePath() + "' " + format(suffix));
                files.add(file);
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write a test FOCUS export", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String columns(String suffix) {
        String extras = switch (shape) {
            case AWS -> "'AmazonEC2' as x_ServiceCode, 'BoxUsage:m5.large' as x_UsageType";
            case AZURE -> "'rg-' || SubAccountId as x_ResourceGroupName";
            case GOOGLE -> "'[]' as x_Labels";
        };
        // Parquet exports carry costs as doubles, as AWS's do; CSV carries text either way
        String number = suffix.endsWith(".parquet") ? "double" : "varchar";
        String amounts = "cast(BilledCost as " + number + ") as BilledCost"
                + (withoutEffectiveCost ? "" : ", cast(EffectiveCost as " + number + ") as EffectiveCost");
        return "BillingAccountId, BillingPeriodStart, BillingPeriodEnd, BillingCurrency, ChargeCategory, SubAccountId,"
                + " ServiceName, ResourceId, Tags, ChargeClass, ChargePeriodStart, " + amounts + ", " + extras;
    }

    private static String format(String suffix) {
        if (suffix.endsWith(".parquet")) {
            return "(format parquet)";
        }
        return suffix.endsWith(".gz") ? "(format csv, header, compression gzip)" : "(format csv, header)";
    }

    private String prefix() {
        return switch (shape) {
            case AWS -> "focus-aws-part";
            case AZURE -> "part";
            case GOOGLE -> "gcp_billing_export_focus";
        };
    }

    private String start(String day) {
        return switch (shape) {
            case AWS -> day + "T00:00:00Z";
            case AZURE -> day + "T00:00Z";
            case GOOGLE -> day + " 08:00:00 UTC";
        };
    }

    private String resource(String subAccount, String service) {
        return switch (shape) {
            case AWS -> "arn:aws:ec2:eu-west-1:" + subAccount + ":instance/i-0" + Math.abs(service.hashCode());
            case AZURE -> subAccount + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";
            case GOOGLE -> "//compute.googleapis.com/projects/" + subAccount + "/instances/vm1";
        };
    }

    private String tags() {
        return switch (shape) {
            case AWS -> "{\"user:service\": \"payments\"}";
            case AZURE -> "{\"service\": \"payments\", \"costcenter\": true}";
            case GOOGLE -> "{\"goog-service\": \"payments\"}";
        };
    }
}

package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.DemoBillsStory.Charge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes the demo's charges as a cloud's FOCUS export, a file or several parts a month, with an embedded DuckDB: the
 * cloud's charges go in, DuckDB spreads each over its days and writes them in the cloud's shape (the SQL beside this
 * class) in one statement. The SQL here queries DuckDB, never Drumbeat's database. A cloud's folder is written afresh
 * each time.
 */
final class DemoBillsFiles {
    private DemoBillsFiles() {}

    /**
     * Writes {@code cloud}'s share of {@code charges} into {@code folder}, replacing what it held; its files, oldest
     * month first. Each call has a DuckDB of its own, on one thread, so the clouds can be written side by side.
     */
    static List<Path> write(Path folder, List<Charge> charges, DemoCloud cloud) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("set TimeZone = 'UTC'");
            statement.execute("set threads = 1");
            statement.execute("create table charges (id integer, cloud varchar, invoice date, category varchar,"
                    + " charge_class varchar, description varchar, frequency varchar, from_day date, to_day date,"
                    + " daily boolean, sub_id varchar, sub_name varchar, service_name varchar, service_category"
                    + " varchar, code varchar, usage varchar, resource_id varchar, resource_name varchar, tags"
                    + " varchar, commitment varchar, effective bigint, billed bigint)");
            append(
                    duck.unwrap(DuckDBConnection.class),
                    charges.stream().filter(c -> c.line().cloud() == cloud).toList());
            statement.execute(sql("rows"));
            clear(folder.resolve(cloud.word()));
            return write(statement, folder, cloud);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the demo's bills: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a cloud's months in one statement, partitioned by month and part into a staging folder, then moves each
     * part to where the cloud's export puts it.
     */
    private static List<Path> write(Statement statement, Path folder, DemoCloud cloud) throws SQLException {
        Path staging = folder.resolve(cloud.word() + ".partial");
        clear(staging);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + folder, e);
        }
        String shaped = sql(cloud.word()).replace("${parts}", Integer.toString(cloud.parts()));
        statement.execute("copy (select * exclude (seq) from (" + shaped + ") order by seq) to '"
                + staging.toAbsolutePath().toString().replace("'", "''") + "' " + format(cloud));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> written = Files.walk(staging)) {
            for (Path part : written.filter(Files::isRegularFile).sorted().toList()) {
                Path file = cloud.file(folder, month(part), Integer.parseInt(value(part.getParent())));
                Files.createDirectories(file.getParent());
                files.add(Files.move(part, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the demo's bills into " + folder, e);
        }
        clear(staging);
        files.sort(Comparator.naturalOrder());
        return files;
    }

    /** The month of a part written to {@code …/invoice=2026-05-01/part=1/data_0.csv}. */
    private static YearMonth month(Path part) {
        return YearMonth.from(LocalDate.parse(value(part.getParent().getParent())));
    }

    private static String value(Path partition) {
        String name = partition.getFileName().toString();
        return name.substring(name.indexOf('=') + 1);
    }

    private static void append(DuckDBConnection duck, List<Charge> charges) throws SQLException {
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "charges")) {
            int id = 0;
            for (Charge c : charges) {
                DemoBillLines.Line line = c.line();
                appender.beginRow()
                        .append(id++)
                        .append(line.cloud().word())
                        .append(c.invoice().atDay(1));
                text(appender, Optional.of(c.category()));
                text(appender, c.chargeClass());
                text(appender, Optional.of(c.description()));
                text(appender, Optional.of(frequency(c)));
                appender.append(c.from()).append(c.to()).append(c.daily());
                for (Optional<String> value : List.of(
                        Optional.of(line.subAccountId()),
                        Optional.of(line.subAccountName()),
                        Optional.of(line.serviceName()),
                        Optional.of(line.serviceCategory()),
                        line.code(),
                        Optional.of(line.usage()),
                        line.resourceId(),
                        line.resourceName(),
                        line.tags(),
                        line.commitment())) {
                    text(appender, value);
                }
                appender.append(c.effective()).append(c.billed()).endRow();
            }
        }
    }

    private static void text(DuckDBAppender appender, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            appender.append(value.get());
        } else {
            appender.appendNull();
        }
    }

    private static String frequency(Charge c) {
        if (c.category().equals("Usage")) {
            return "Usage-Based";
        }
        return c.category().equals("Purchase") ? "One-Time" : "Recurring";
    }

    private static String format(DemoCloud cloud) {
        String format = cloud.parquet()
                ? "format parquet, compression snappy"
                : "format csv, header" + (cloud.gzip() ? ", compression gzip" : "");
        return "(" + format + ", partition_by (invoice, part))";
    }

    private static String sql(String name) {
        String resource = "DemoBillsFiles/" + name + ".sql";
        try (InputStream in = DemoBillsFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a cloud's bills written before, so a month written again never leaves a stale part beside it. */
    private static void clear(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + folder, e);
        }
    }
}

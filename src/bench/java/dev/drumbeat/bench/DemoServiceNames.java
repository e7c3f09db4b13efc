package dev.drumbeat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo portfolio's services as people type them: the name, the key in capitals, the name in lower
 * case, and the name with one letter dropped, so the forgiving matcher does real work. Read from the
 * same {@code demo/services.csv} the demo loads, so it also fits a running {@code drumbeat demo}.
 */
final class DemoServiceNames {
    private static final String RESOURCE = "demo/services.csv";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();

    private DemoServiceNames() {}

    /** Every service in every spelling, spellings interleaved so neighbours ask for different services. */
    static List<TypedService> typedVariants() {
        List<CSVRecord> rows = read();
        List<Function<CSVRecord, String>> spellings = List.of(
                row -> row.get("name"),
                row -> row.get("key").toUpperCase(Locale.ROOT),
                row -> row.get("name").toLowerCase(Locale.ROOT),
                row -> withTypo(row.get("name")));
        List<TypedService> typed = new ArrayList<>();
        for (Function<CSVRecord, String> spelling : spellings) {
            rows.forEach(row -> typed.add(new TypedService(spelling.apply(row), row.get("name"))));
        }
        return typed;
    }

    /** Drops the middle letter of the longest word: "Core Banking Ledger" becomes "Core Baning Ledger". */
    static String withTypo(String name) {
        int bestStart = 0;
        int bestLength = 0;
        for (int start = 0, end; start < name.length(); start = end + 1) {
            end = name.indexOf(' ', start);
            end = end < 0 ? name.length() : end;
            if (end - start > bestLength) {
                bestStart = start;
                bestLength = end - start;
            }
        }
        int drop = bestStart + bestLength / 2;
        return name.substring(0, drop) + name.substring(drop + 1);
    }

    private static List<CSVRecord> read() {
        InputStream stream = DemoServiceNames.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return FORMAT.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

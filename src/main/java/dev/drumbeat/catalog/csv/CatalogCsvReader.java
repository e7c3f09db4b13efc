package dev.drumbeat.catalog.csv;

import dev.drumbeat.core.StorableText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a catalog CSV the way people save one from Excel: UTF-8 with or without a byte-order mark,
 * Windows or Unix line endings, quoted fields holding commas or line breaks, empty rows anywhere.
 * Line numbers are the spreadsheet's (a record with a line break inside is still one row). Pure.
 */
final class CatalogCsvReader {
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final char BOM = '\uFEFF';

    private CatalogCsvReader() {}

    static CatalogCsvSheet read(byte[] bytes) {
        Optional<CatalogCsvProblem> encoding = notUtf8(bytes);
        if (encoding.isPresent()) {
            return CatalogCsvSheet.rejected(encoding.get());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (StorableText.hasNul(text)) {
            int line = (int) text.substring(0, text.indexOf('\u0000'))
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            return CatalogCsvSheet.rejected(CatalogCsvProblem.ofLine(line, "this line " + StorableText.NUL_SENTENCE));
        }
        return read(text.isEmpty() || text.charAt(0) != BOM ? text : text.substring(1));
    }

    private static CatalogCsvSheet read(String text) {
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            parser.forEach(records::add);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return CatalogCsvSheet.rejected(
                    CatalogCsvProblem.ofLine(
                            records.size() + 1,
                            "the quotes on this line"
                                    + " do not match: a field that starts with \" must end with \" right before the next comma"));
        }
        if (records.isEmpty() || isBlank(records.get(0))) {
            return CatalogCsvSheet.rejected(CatalogCsvProblem.ofLine(
                    1, "the first line must be the header: " + String.join(",", CatalogCsvColumns.IMPORTED)));
        }
        return sheet(CatalogCsvHeader.read(records.get(0)), records.subList(1, records.size()));
    }

    private static CatalogCsvSheet sheet(CatalogCsvHeader header, List<CSVRecord> records) {
        if (!header.problems().isEmpty()) {
            return CatalogCsvSheet.rejected(header.problems());
        }
        List<CatalogCsvRow> rows = new ArrayList<>();
        List<CatalogCsvProblem> problems = new ArrayList<>();
        for (CSVRecord record : records) {
            int line = (int) record.getRecordNumber();
            if (!isBlank(record)) {
                header.overflow(record, line).ifPresentOrElse(problems::add, () -> rows.add(header.row(record, line)));
            }
        }
        return new CatalogCsvSheet(header.columns(), rows, problems);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** The line of the first byte that is not UTF-8, as a problem; Excel's plain "CSV" is Windows-1252. */
    private static Optional<CatalogCsvProblem> notUtf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(bytes.length), true);
        if (!result.isError()) {
            return Optional.empty();
        }
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return Optional.of(CatalogCsvProblem.ofLine(
                line, "this line is not UTF-8 text;" + " in Excel, save the file as “CSV UTF-8 (Comma delimited)”"));
    }
}

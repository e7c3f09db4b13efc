package dev.drumbeat.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The portfolio table as CSV, rows in the table's order: plain numbers (two decimals, a dot) that a spreadsheet can
 * add up, the currency named in the header, text guarded against formula injection, and a UTF-8 byte order mark so
 * Excel reads accents. Plan against actual comes last, so files read by position keep working: a service the latest
 * whole month's bills gave nothing reads {@code no bills} in its actual cell, with its differences and margin on actual
 * left empty. Thread-safe.
 */
final class PortfolioCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String NO_BILLS = "no bills";
    private final String currency;

    PortfolioCsv(Currency currency) {
        this.currency = currency.getCurrencyCode();
    }

    List<String> header() {
        return List.of(
                "key",
                "service",
                "tier",
                "owner",
                "status",
                "unit cost (" + currency + ")",
                "unit",
                "monthly demand",
                "monthly cost (" + currency + ")",
                "monthly value (" + currency + ")",
                "margin (" + currency + ")",
                "days since check-in",
                "stale",
                "ownerless",
                "deprioritised",
                "plan (" + currency + ")",
                "actual (" + currency + ")",
                "actual month",
                "difference (" + currency + ")",
                "difference (%)",
                "margin on actual (" + currency + ")");
    }

    byte[] write(List<PortfolioRow> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header());
            for (PortfolioRow row : rows) {
                printer.printRecord(record(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    private static List<String> record(PortfolioRow r) {
        return List.of(
                r.key(),
                guard(r.name()),
                r.tier(),
                guard(r.ownerName().orElse("")),
                r.statusWord(),
                plain(r.service().unitCost()),
                guard(r.service().unitName()),
                plain(r.service().monthlyDemand()),
                plain(r.monthlyCost()),
                plain(r.service().monthlyValue()),
                plain(r.margin()),
                r.daysSinceCheckIn().map(String::valueOf).orElse(""),
                yes(r.stale()),
                yes(r.ownerless()),
                yes(r.deprioritised()),
                plain(r.plan()),
                r.actual().map(PortfolioCsv::plain).orElse(NO_BILLS),
                r.actualMonth().map(Object::toString).orElse(""),
                r.difference().map(PortfolioCsv::plain).orElse(""),
                r.differencePercent().map(BigDecimal::toPlainString).orElse(""),
                r.marginOnActual().map(PortfolioCsv::plain).orElse(""));
    }

    static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String yes(boolean flag) {
        return flag ? "yes" : "no";
    }

    /** Text a spreadsheet would run as a formula gets a leading {@code '}. */
    private static String guard(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}

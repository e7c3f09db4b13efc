package dev.drumbeat.digest;

import dev.drumbeat.core.Money;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.digest.DigestCostMovers.Mover;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The digest's cost movers: the services whose actual cost moved most from the month before to the latest whole month
 * of bills (read through {@link CostMonths}; a month still running never counts), with amounts and per cent, and the
 * whole bill's move. Nothing without two whole months of bills in a row to compare. Thread-safe.
 */
public final class DigestCostSection implements DigestSection {
    static final int MOVERS = 5;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private final Jdbi jdbi;
    private final CostMonths months;
    private final Money money;

    public DigestCostSection(Jdbi jdbi, CostMonths months, Money money) {
        this.jdbi = jdbi;
        this.months = months;
        this.money = money;
    }

    @Override
    public Optional<String> textFor(String teamId) {
        Optional<YearMonth> latest = months.latestWhole(teamId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        YearMonth after = latest.get();
        YearMonth before = after.minusMonths(1);
        SortedMap<YearMonth, CostMonths.Month> bills = months.totals(teamId, before, after);
        if (!bills.containsKey(before) || !bills.containsKey(after)) {
            return Optional.empty();
        }
        List<Mover> movers = DigestCostMovers.of(months.services(teamId, before, after), before, after, MOVERS);
        long[] ids = movers.stream().mapToLong(Mover::serviceId).toArray();
        Map<Long, DigestDao.ServiceName> names =
                jdbi.withExtension(DigestDao.class, dao -> dao.serviceNames(teamId, ids)).stream()
                        .collect(Collectors.toMap(DigestDao.ServiceName::id, Function.identity()));
        StringBuilder text = new StringBuilder(
                "*Cost movers: " + MONTH.format(after) + " against " + MONTH.format(before) + "*, from the bills");
        if (movers.isEmpty()) {
            text.append("\nNo service's cost moved.");
        }
        movers.forEach(m -> text.append("\n• ").append(line(m, names.get(m.serviceId()), after)));
        BigDecimal was = bills.get(before).total();
        BigDecimal now = bills.get(after).total();
        text.append("\nThe whole bill: ").append(money.format(now)).append(", ");
        text.append(now.compareTo(was) == 0 ? "the same as" : move(now.subtract(was), was) + " on");
        text.append(" ").append(MONTH.format(before)).append('.');
        return Optional.of(text.toString());
    }

    private String line(Mover mover, DigestDao.ServiceName name, YearMonth month) {
        String who =
                name == null ? "a removed service" : "*" + SlackBlocks.escape(name.name()) + "* `" + name.key() + "`";
        String arrow = mover.change().signum() > 0 ? ":arrow_up: " : ":arrow_down: ";
        if (mover.before().signum() == 0) {
            return arrow + who + " " + money.format(mover.after()) + ", new in " + MONTH.format(month);
        }
        if (mover.after().signum() == 0) {
            return arrow + who + " nothing in " + MONTH.format(month) + ", " + move(mover.change(), mover.before());
        }
        return arrow + who + " " + move(mover.change(), mover.before()) + " to " + money.format(mover.after());
    }

    /** "up $2,200 (+22.0%)", "down $500 (−10.0%)"; no per cent on a month that was not a cost. */
    private String move(BigDecimal change, BigDecimal from) {
        String words = (change.signum() > 0 ? "up " : "down ") + money.format(change.abs());
        if (from.signum() <= 0) {
            return words;
        }
        BigDecimal percent = change.movePointRight(2).divide(from, 1, RoundingMode.HALF_UP);
        // the sign is the change's, so a fall too small to show as a tenth of a per cent never reads as a rise
        return words + " (" + (change.signum() >= 0 ? "+" : "−") + percent.abs().toPlainString() + "%)";
    }
}

package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.DemoBillLines.Line;
import dev.drumbeat.sandbox.DemoBillsStory.Charge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-off charges in the demo's bills: the savings plan bought up front in the first month (billed then, its
 * cost amortised over the usage it covers), and a day of Security Operations' log ingestion billed twice, then
 * corrected two invoices later with a Correction that points back at the day it corrects.
 */
final class DemoBillsExtras {
    /** The month billed twice and the later one whose invoice corrects it, counted from the oldest (0). */
    private static final int BILLED_TWICE = DemoBillsStory.WHOLE_MONTHS - 4;

    private static final int CORRECTED_IN = DemoBillsStory.WHOLE_MONTHS - 2;
    private static final int DAY = 12;
    private static final String LOG_INGESTION = "Log Analytics";

    private DemoBillsExtras() {}

    static List<Charge> of(DemoBillsStory story, Map<String, List<Line>> centres) {
        List<Charge> extras = new ArrayList<>();
        extras.add(savingsPlan(story, centres));
        extras.addAll(billedTwice(story, centres));
        return extras;
    }

    private static Charge savingsPlan(DemoBillsStory story, Map<String, List<Line>> centres) {
        YearMonth first = story.wholeMonths().get(0);
        for (Map.Entry<String, List<Line>> centre : centres.entrySet()) {
            List<Line> lines = centre.getValue();
            for (int j = 0; j < lines.size(); j++) {
                Line covered = lines.get(j);
                if (covered.commitment().isPresent()) {
                    long month = story.amounts(centre.getKey(), lines, 0)[j];
                    Line plan = new Line(
                            covered.centre(),
                            covered.cloud(),
                            covered.subAccountId(),
                            covered.subAccountName(),
                            "Savings Plans for AWS Compute usage",
                            "Compute",
                            Optional.of("ComputeSavingsPlans"),
                            "ComputeSP:1yrAllUpfront",
                            covered.commitment(),
                            Optional.empty(),
                            "Purchase",
                            BigDecimal.ZERO,
                            covered.commitment());
                    LocalDate bought = first.atDay(1);
                    return new Charge(
                            plan,
                            first,
                            "Purchase",
                            Optional.empty(),
                            "Compute Savings Plan, 1 year, all upfront",
                            bought,
                            bought.plusYears(1),
                            false,
                            0,
                            month * 12);
                }
            }
        }
        throw new IllegalStateException("demo/bill-lines.csv: no line is covered by a savings plan");
    }

    private static List<Charge> billedTwice(DemoBillsStory story, Map<String, List<Line>> centres) {
        List<Line> lines = centres.get(DemoBillsStory.CORRECTED);
        YearMonth twice = story.wholeMonths().get(BILLED_TWICE);
        for (int j = 0; j < lines.size(); j++) {
            Line line = lines.get(j);
            if (line.serviceName().equals(LOG_INGESTION)) {
                long day = story.amounts(DemoBillsStory.CORRECTED, lines, BILLED_TWICE)[j] / twice.lengthOfMonth();
                LocalDate on = twice.atDay(DAY);
                return List.of(
                        new Charge(
                                line,
                                twice,
                                "Usage",
                                Optional.empty(),
                                line.usage(),
                                on,
                                on.plusDays(1),
                                false,
                                day,
                                day),
                        new Charge(
                                line,
                                story.wholeMonths().get(CORRECTED_IN),
                                "Usage",
                                Optional.of("Correction"),
                                "Correction: " + line.usage() + " for " + on + " was billed twice",
                                on,
                                on.plusDays(1),
                                false,
                                -day,
                                -day));
            }
        }
        throw new IllegalStateException("demo/bill-lines.csv: " + DemoBillsStory.CORRECTED + " has no log ingestion");
    }
}

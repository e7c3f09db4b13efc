package dev.drumbeat.escalation.rules;

import dev.drumbeat.core.Money;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.escalation.settings.Thresholds;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The findings one workspace's bills give: cost drift for each active service whose cost {@link CostDrift} judges
 * drifting in the latest whole month, and unallocated spend when what no rule took is more than the workspace's share
 * of that month's bill (exactly: {@code unallocated × 100 > bill × percent}). Pure and thread-safe.
 */
final class CostFindings {
    private CostFindings() {}

    static List<Finding> of(List<ServiceFacts> services, CostFacts costs, Thresholds thresholds, Money money) {
        CostFindingsText text = new CostFindingsText(money);
        List<Finding> findings = new ArrayList<>();
        for (ServiceFacts service : services) {
            SortedMap<YearMonth, BigDecimal> months = costs.services().get(service.serviceId());
            if (months == null) {
                continue;
            }
            CostDrift.judge(months, costs.month(), thresholds.driftTrendPercent(), thresholds.driftSpikePercent())
                    .ifPresent(drift -> findings.add(new Finding(
                            costs.teamId(),
                            Finding.Subject.service(service.serviceId()),
                            Reason.COST_DRIFT,
                            text.drift(drift, thresholds, costs.sources()))));
        }
        if (isOverShare(costs.bill(), thresholds.unallocatedPercent())) {
            findings.add(new Finding(
                    costs.teamId(),
                    Finding.Subject.bills(),
                    Reason.UNALLOCATED_SPEND,
                    text.unallocated(costs, thresholds)));
        }
        return findings;
    }

    static boolean isOverShare(CostMonths.Month bill, int percent) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return bill.unallocated().signum() > 0
                && bill.total().signum() > 0
                && bill.unallocated().multiply(hundred).compareTo(bill.total().multiply(BigDecimal.valueOf(percent)))
                        > 0;
    }
}

package dev.drumbeat.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Northwind Bank's OKRs: this quarter's objectives, with a key result on track, one at risk (its owner says off
 * track while straight-through processing falls), one vanity (said on track while loads on time has stood still
 * below target for weeks) and a milestone still to do; and last quarter's, one closed and one left open, so the
 * quarterly review and the roll-over question arrive as the demo starts. Measured key results follow the KPIs of
 * {@code demo/kpis.csv}, whose readings are shaped to tell these stories.
 */
final class DemoPortfolioOkrs {

    /** A key result: measured by a service's KPI from a baseline to a target, or a milestone (no KPI). */
    record KeyResultRow(
            String title,
            String ownerHandle,
            Optional<String> serviceKey,
            Optional<String> kpiKey,
            BigDecimal baseline,
            BigDecimal target,
            Optional<String> evidence,
            String confidence) {

        static KeyResultRow measured(
                String title,
                String ownerHandle,
                String serviceKey,
                String kpiKey,
                String baseline,
                String target,
                String confidence) {
            return new KeyResultRow(
                    title,
                    ownerHandle,
                    Optional.of(serviceKey),
                    Optional.of(kpiKey),
                    new BigDecimal(baseline),
                    new BigDecimal(target),
                    Optional.empty(),
                    confidence);
        }

        static KeyResultRow milestone(String title, String ownerHandle, Optional<String> evidence, String confidence) {
            return new KeyResultRow(
                    title, ownerHandle, Optional.empty(), Optional.empty(), null, null, evidence, confidence);
        }

        boolean done() {
            return evidence.isPresent();
        }
    }

    /** An objective of this quarter ({@code quartersAgo} 0) or an earlier one, with its status and key results. */
    record ObjectiveRow(
            int quartersAgo, String title, String ownerHandle, String status, List<KeyResultRow> keyResults) {}

    static final String ON_TRACK = "on_track";
    static final String OFF_TRACK = "off_track";

    static final List<ObjectiveRow> ALL = List.of(
            new ObjectiveRow(
                    0,
                    "Make card payments faster",
                    "aisha.khan",
                    "open",
                    List.of(KeyResultRow.measured(
                            "Payments p95 latency under 270 ms",
                            "aisha.khan",
                            "payments-gateway",
                            "p95-latency",
                            "340",
                            "270",
                            ON_TRACK))),
            new ObjectiveRow(
                    0,
                    "Settle trades straight through again",
                    "marcus.webb",
                    "open",
                    List.of(
                            KeyResultRow.measured(
                                    "Straight-through processing back to 98.5%",
                                    "marcus.webb", "trade-settlement", "stp-rate", "98.3", "98.5", OFF_TRACK),
                            KeyResultRow.milestone(
                                    "ISO 20022 validation rules live for every SWIFT counterparty",
                                    "marcus.webb",
                                    Optional.empty(),
                                    ON_TRACK))),
            new ObjectiveRow(
                    0,
                    "A data warehouse the business can trust",
                    "rahul.iyer",
                    "open",
                    List.of(KeyResultRow.measured(
                            "Loads on time at 98%",
                            "rahul.iyer", "data-warehouse", "loads-on-time", "93", "98", ON_TRACK))),
            new ObjectiveRow(
                    0,
                    "Run the cloud for less",
                    "lucy.chen",
                    "open",
                    List.of(KeyResultRow.measured(
                            "Cost per VM down to $140",
                            "lucy.chen",
                            "cloud-landing-zone",
                            "cost-per-unit",
                            "162",
                            "140",
                            ON_TRACK))),
            new ObjectiveRow(
                    1,
                    "Onboard a new customer within a day",
                    "sofia.bianchi",
                    "open",
                    List.of(KeyResultRow.measured(
                            "Time to onboard down to 24 hours",
                            "sofia.bianchi",
                            "kyc-onboarding",
                            "onboarding-time",
                            "26",
                            "24",
                            OFF_TRACK))),
            new ObjectiveRow(
                    1,
                    "Prove the bank can fail over",
                    "lucy.chen",
                    "closed",
                    List.of(KeyResultRow.milestone(
                            "Full failover test to the DR site",
                            "lucy.chen",
                            Optional.of("Failed over in 3 h 48 min, inside the 4-hour target"),
                            ON_TRACK))));

    private DemoPortfolioOkrs() {}
}

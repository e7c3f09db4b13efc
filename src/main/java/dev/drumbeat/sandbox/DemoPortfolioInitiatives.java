package dev.drumbeat.sandbox;

import java.math.BigDecimal;
import java.util.List;

/**
 * Northwind Bank's projects in flight. The cloud migration is the one to ask "what if it slips?" about:
 * its slip cost is what running the old data centre alongside the landing zone costs each month.
 */
final class DemoPortfolioInitiatives {

    record InitiativeRow(
            String key,
            String name,
            String ownerHandle,
            BigDecimal budget,
            BigDecimal monthlySlipCost,
            int monthsToDue,
            String status,
            boolean isProtected,
            List<String> serviceKeys) {}

    static final List<InitiativeRow> ALL = List.of(
            new InitiativeRow(
                    "cloud-migration",
                    "Move the data centre workloads to the cloud landing zone",
                    "lucy.chen",
                    money(2_400_000),
                    money(185_000),
                    5,
                    "active",
                    false,
                    List.of(
                            "data-centre-hosting",
                            "cloud-landing-zone",
                            "backup-recovery",
                            "legacy-hardware-maintenance",
                            "mainframe-batch",
                            "dr-site",
                            "test-environments")),
            new InitiativeRow(
                    "core-banking-upgrade",
                    "Upgrade the core banking ledger to the vendor's current release",
                    "priya.sharma",
                    money(3_800_000),
                    money(95_000),
                    9,
                    "planned",
                    true,
                    List.of("core-banking-ledger", "mainframe-batch", "regulatory-reporting", "api-gateway")),
            new InitiativeRow(
                    "contact-centre-replacement",
                    "Replace the contact centre telephony with a cloud contact centre",
                    "ben.carter",
                    money(850_000),
                    money(22_000),
                    3,
                    "active",
                    false,
                    List.of("contact-centre-telephony", "crm", "service-desk")),
            new InitiativeRow(
                    "siem-consolidation",
                    "Consolidate two SIEMs into one security operations platform",
                    "katarzyna.nowak",
                    money(420_000),
                    money(38_000),
                    2,
                    "active",
                    false,
                    List.of("siem-soc", "privileged-access", "identity-access-management")));

    private DemoPortfolioInitiatives() {}

    private static BigDecimal money(long dollars) {
        return BigDecimal.valueOf(dollars).setScale(2);
    }
}

package dev.drumbeat.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The workspace the cost import benchmark imports into: its services and 30 allocation rules over {@link FocusMonth}'s
 * bills, as an admin would write them (tag rules first, then accounts, resource prefixes with one 50/30/20 split, and
 * provider services). They leave about 3% of the month unallocated.
 */
final class CostBenchRules {
    static final String TEAM = "TCOSTBENCH";
    static final List<String> APP_SERVICES = List.of("core-banking", "branch-portal", "atm-network", "lending", "kyc");
    static final List<String> COST_CENTRE_SERVICES = List.of("finance", "hr-systems", "security-ops", "it-workplace");
    static final List<String> ACCOUNT_SERVICES =
            List.of("sandbox-lab", "data-warehouse", "integration", "qa-environments", "analytics");

    private CostBenchRules() {}

    /** The rules file, {@code match,key,value,services}. */
    static String csv(List<String> accountIds) {
        List<String> lines = new ArrayList<>(List.of("match,key,value,services"));
        FocusMonth.SERVICE_TAGS.forEach(tag -> lines.add("tag,service," + tag + "," + tag));
        for (int i = 0; i < FocusMonth.APP_TAGS.size(); i++) {
            lines.add("tag,app," + FocusMonth.APP_TAGS.get(i) + "," + APP_SERVICES.get(i));
        }
        for (int i = 0; i < FocusMonth.COST_CENTRES.size(); i++) {
            lines.add("tag,cost-center," + FocusMonth.COST_CENTRES.get(i) + "," + COST_CENTRE_SERVICES.get(i));
        }
        for (int i = 0; i < FocusMonth.COVERED_ACCOUNTS - 1; i++) {
            lines.add("sub-account,," + accountIds.get(i) + "," + ACCOUNT_SERVICES.get(i));
        }
        lines.add("sub-account,," + FocusMonth.NAMED_ACCOUNT + "," + ACCOUNT_SERVICES.get(4));
        lines.add("resource-prefix,,arn:aws:eks:eu-west-1:" + accountIds.get(FocusMonth.PLATFORM_ACCOUNT) + ":"
                + FocusMonth.SHARED_CLUSTER + ",payments:50 cards:30 mobile-banking:20");
        lines.add("resource-prefix,," + FocusMonth.LOGS_BUCKETS + ",security-ops");
        lines.add("provider-service,," + FocusMonth.KMS + ",identity");
        lines.add("provider-service,," + FocusMonth.CLOUDTRAIL + ",security-ops");
        return String.join("\n", lines) + "\n";
    }

    /** The workspace and every service a rule names. */
    static void createServices(Jdbi jdbi) {
        Set<String> keys = new LinkedHashSet<>(FocusMonth.SERVICE_TAGS);
        keys.addAll(APP_SERVICES);
        keys.addAll(COST_CENTRE_SERVICES);
        keys.addAll(ACCOUNT_SERVICES);
        jdbi.useTransaction(handle -> {
            handle.execute("insert into workspaces (team_id) values (?)", TEAM);
            for (String key : keys) {
                handle.execute(
                        "insert into services (team_id, key, name, tier) values (?, ?, ?, 'core')", TEAM, key, key);
            }
        });
    }
}

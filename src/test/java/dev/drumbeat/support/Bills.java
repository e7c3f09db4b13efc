package dev.drumbeat.support;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.costs.CostImportService;
import dev.drumbeat.costs.CostRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports an AWS-shaped FOCUS bill for tests the way `drumbeat costs import` does: each service's cost in a month sits
 * in a sub-account of its own ({@code 0001000000NN}), and a rule gives that sub-account to the service, so every cent
 * lands on the service named.
 */
public final class Bills {
    private final Jdbi jdbi;
    private final Clock clock;
    private final String teamId;
    private final Path dir;
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private int imports;

    /** Bills for {@code serviceKeys}, written under {@code dir}; the rules are replaced at once. */
    public Bills(Jdbi jdbi, Clock clock, String teamId, Path dir, String... serviceKeys) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.teamId = teamId;
        this.dir = dir;
        StringBuilder rules = new StringBuilder("match,key,value,services\n");
        for (int i = 0; i < serviceKeys.length; i++) {
            String account = String.format("0001000000%02d", i + 1);
            accounts.put(serviceKeys[i], account);
            rules.append("sub-account,,")
                    .append(account)
                    .append(',')
                    .append(serviceKeys[i])
                    .append('\n');
        }
        new CostRules(jdbi, new AuditLog(clock))
                .replace(teamId, "U0ADMIN01", rules.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Imports one invoice month ({@code 2026-11}) with a cost per service key, as pairs: {@code "payments", "529200"}.
     * Importing the same month again replaces it.
     */
    public CostImportService.Imported month(String month, String... serviceCosts) {
        FocusExports export = new FocusExports(FocusExports.Shape.AWS);
        for (int i = 0; i < serviceCosts.length; i += 2) {
            String account = accounts.get(serviceCosts[i]);
            if (account == null) {
                throw new IllegalArgumentException("no rule for " + serviceCosts[i]);
            }
            export.usage(account, "Amazon EC2", serviceCosts[i + 1]);
        }
        export.in(month, "USD");
        Path into = dir.resolve("bill-" + month + "-" + (++imports));
        try {
            Files.createDirectories(into);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CostImportService(jdbi, new AuditLog(clock), clock)
                .importFiles(teamId, "cli", export.write(into, ".csv", 1), Currency.getInstance("USD"));
    }
}

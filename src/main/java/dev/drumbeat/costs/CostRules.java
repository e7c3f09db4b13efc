package dev.drumbeat.costs;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.StorableText;
import dev.drumbeat.core.UserError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's allocation rules: read in order, replaced all at once from a CSV with the columns {@code match,key,
 * value,services}, where {@code match} is {@code tag} (with the tag {@code key}), {@code sub-account},
 * {@code resource-prefix} or {@code provider-service}, and {@code services} is one service key or a split such as
 * {@code payments:50 crm:30 intranet:20}. A file with any bad line changes nothing and names the line; the rules are
 * written back in the same CSV ({@link #csv}), so what is read can be edited and replaced. Thread-safe.
 */
public final class CostRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final CSVFormat WRITTEN = CSVFormat.DEFAULT
            .builder()
            .setHeader("match", "key", "value", "services")
            .setRecordSeparator("\n")
            .build();
    private final Jdbi jdbi;
    private final AuditLog audit;

    public CostRules(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** The rules in order, first match wins. */
    public List<CostRule> of(String teamId) {
        return jdbi.withExtension(CostRulesDao.class, dao -> rules(dao.shares(teamId)));
    }

    static List<CostRule> of(Handle handle, String teamId) {
        return rules(handle.attach(CostRulesDao.class).shares(teamId));
    }

    private static List<CostRule> rules(List<CostRulesDao.ShareRow> rows) {
        Map<Integer, List<CostRulesDao.ShareRow>> byPosition = new LinkedHashMap<>();
        rows.forEach(row -> byPosition
                .computeIfAbsent(row.position(), p -> new ArrayList<>())
                .add(row));
        List<CostRule> rules = new ArrayList<>();
        byPosition.forEach((position, shares) -> {
            CostRulesDao.ShareRow first = shares.get(0);
            Map<Long, BigDecimal> split = new LinkedHashMap<>();
            shares.forEach(share -> split.put(share.serviceId(), share.percent()));
            rules.add(new CostRule(
                    position,
                    CostRule.Kind.named(first.matchKind()).orElseThrow(),
                    Optional.ofNullable(first.matchKey()),
                    first.matchValue(),
                    split));
        });
        return rules;
    }

    /** Replaces the workspace's rules with the file's; how many there are now. */
    public int replace(String teamId, String actor, byte[] csv) {
        return jdbi.inTransaction(handle -> replace(handle, audit, teamId, actor, csv));
    }

    /** As {@link #replace(String, String, byte[])}, in the caller's transaction. */
    static int replace(Handle handle, AuditLog audit, String teamId, String actor, byte[] csv) {
        CostRulesDao dao = handle.attach(CostRulesDao.class);
        List<CostRule> rules = parse(csv, dao.serviceIds(teamId));
        dao.deleteAll(teamId);
        for (CostRule rule : rules) {
            dao.insertRule(
                    teamId, rule.position(), rule.kind().word(), rule.key().orElse(null), rule.value());
            rule.shares().forEach((service, percent) -> dao.insertShare(teamId, rule.position(), service, percent));
        }
        audit.record(
                handle,
                new AuditEntry(
                        teamId,
                        actor,
                        "cost-rules",
                        teamId,
                        "replace",
                        Optional.empty(),
                        Optional.of(Map.of("rules", rules.size()))));
        return rules.size();
    }

    /** The rules the file holds, checked as {@link #replace} checks them, without saving anything. */
    public List<CostRule> check(String teamId, byte[] csv) {
        return parse(csv, jdbi.withExtension(CostRulesDao.class, dao -> dao.serviceIds(teamId)));
    }

    /** Every service's key by id, retired ones too, for saying which services rules give to. */
    Map<Long, String> serviceKeys(String teamId) {
        return jdbi.withExtension(CostRulesDao.class, dao -> dao.serviceKeys(teamId));
    }

    /** The workspace's rules written as the CSV {@link #replace} reads, in order; the header alone when none. */
    public String csv(String teamId) {
        return jdbi.withHandle(handle -> csv(handle, teamId));
    }

    static String csv(Handle handle, String teamId) {
        Map<Long, String> keys = handle.attach(CostRulesDao.class).serviceKeys(teamId);
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, WRITTEN)) {
            for (CostRule rule : of(handle, teamId)) {
                printer.printRecord(
                        rule.kind().word(), rule.key().orElse(""), rule.value(), services(rule.shares(), keys));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return out.toString();
    }

    /** "payments" for one service, or "payments:50 crm:30 intranet:20" for a split. */
    private static String services(Map<Long, BigDecimal> shares, Map<Long, String> keys) {
        if (shares.size() == 1) {
            return keys.get(shares.keySet().iterator().next());
        }
        return shares.entrySet().stream()
                .map(share -> keys.get(share.getKey()) + ":"
                        + share.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(" "));
    }

    static List<CostRule> parse(byte[] csv, Map<String, Long> serviceIds) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .build()
                    .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "")))
                    .getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserError("That rules file is not a CSV Drumbeat can read: " + e.getMessage());
        }
        List<CostRule> rules = new ArrayList<>();
        for (CSVRecord record : records) {
            rules.add(rule(record, rules.size() + 1, serviceIds));
        }
        return rules;
    }

    private static CostRule rule(CSVRecord record, int position, Map<String, Long> serviceIds) {
        String line = "Line " + (record.getRecordNumber() + 1) + ": ";
        for (String cell : record) {
            if (StorableText.hasNul(cell)) {
                throw new UserError(line + "this line " + StorableText.NUL_SENTENCE.replace(" and try again.", ";")
                        + " nothing was changed.");
            }
        }
        String match = cell(record, "match");
        CostRule.Kind kind = CostRule.Kind.named(match)
                .orElseThrow(() -> new UserError(line + "\"" + match + "\" is not a match; use tag, sub-account,"
                        + " resource-prefix or provider-service. Nothing was changed."));
        String key = cell(record, "key");
        String value = cell(record, "value");
        if (value.isEmpty()) {
            throw new UserError(line + "say what the rule matches in the value column. Nothing was changed.");
        }
        if ((kind == CostRule.Kind.TAG) == key.isEmpty()) {
            throw new UserError(line
                    + (kind == CostRule.Kind.TAG
                            ? "a tag rule names the tag in the key column (for example service)."
                            : "only a tag rule has a key; leave it empty.")
                    + " Nothing was changed.");
        }
        Map<Long, BigDecimal> shares = shares(line, cell(record, "services"), serviceIds);
        return new CostRule(position, kind, key.isEmpty() ? Optional.empty() : Optional.of(key), value, shares);
    }

    /** "payments" or "payments:50 crm:30 intranet:20": percents that add up to exactly 100. */
    private static Map<Long, BigDecimal> shares(String line, String services, Map<String, Long> serviceIds) {
        String[] parts = services.strip().split("[\\s;]+");
        if (services.isBlank()) {
            throw new UserError(line + "name the service that gets these costs. Nothing was changed.");
        }
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String part : parts) {
            String[] keyAndPercent = part.split(":", 2);
            Long id = serviceIds.get(keyAndPercent[0].strip());
            if (id == null) {
                throw new UserError(line + "there is no active service with the key \"" + keyAndPercent[0]
                        + "\". Nothing was changed.");
            }
            BigDecimal percent;
            try {
                percent = keyAndPercent.length == 1 && parts.length == 1
                        ? HUNDRED
                        : new BigDecimal(keyAndPercent[1].replace("%", "").strip());
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new UserError(line + "give each service of a split its percent, as payments:50 crm:50."
                        + " Nothing was changed.");
            }
            if (percent.signum() <= 0 || shares.put(id, percent) != null) {
                throw new UserError(
                        line + "each service of a split appears once, with more than 0%. Nothing was" + " changed.");
            }
            total = total.add(percent);
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw new UserError(line + "the split adds up to "
                    + total.stripTrailingZeros().toPlainString() + "%, not 100%. Nothing was changed.");
        }
        return shares;
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column)) {
            throw new UserError("A rules file has the columns match,key,value,services; it has no " + column
                    + " column. Nothing was changed.");
        }
        return record.isSet(column) ? record.get(column).strip() : "";
    }
}

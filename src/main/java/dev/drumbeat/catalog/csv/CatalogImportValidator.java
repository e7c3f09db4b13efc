package dev.drumbeat.catalog.csv;

import static dev.drumbeat.catalog.csv.CatalogCsvColumns.CHANNEL;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.DEMAND;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.DEPUTY;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.DESCRIPTION;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.KEY;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.NAME;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.OWNER;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.PROTECTED;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.TIER;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.UNIT_COST;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.UNIT_NAME;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.VALUE;

import dev.drumbeat.catalog.Service;
import dev.drumbeat.catalog.ServiceDraft;
import dev.drumbeat.catalog.ServiceFields;
import dev.drumbeat.catalog.Tier;
import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.people.Person;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a catalog CSV's rows into service drafts by the modal's own rules ({@link ServiceFields}),
 * collecting every problem instead of stopping at the first. A column the file leaves out keeps each
 * existing service's value (or the default for a new one). Pure; use one validator per import.
 */
final class CatalogImportValidator {
    private final CatalogImportPeople people;
    private final Map<String, Service> existing;
    private final Set<String> columns;
    private final List<CatalogCsvProblem> problems = new ArrayList<>();
    private final Map<String, Integer> firstLines = new HashMap<>();

    CatalogImportValidator(List<Person> people, Map<String, Service> existing, Set<String> columns) {
        this.people = new CatalogImportPeople(people);
        this.existing = Map.copyOf(existing);
        this.columns = Set.copyOf(columns);
    }

    /** The drafts in file order when every row is right; check {@link #problems()} first. */
    List<ServiceDraft> validate(List<CatalogCsvRow> rows) {
        List<ServiceDraft> drafts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        rows.forEach(row -> draft(row).ifPresent(draft -> {
            drafts.add(draft);
            lines.add(row.line());
        }));
        requireDistinctNames(drafts, lines);
        return problems.isEmpty() ? drafts : List.of();
    }

    /**
     * Names stay one per service once the file is in, compared as the name matcher compares them: a row is refused
     * for the name of an earlier row or of a service the file leaves alone. Services in the file may swap names.
     */
    private void requireDistinctNames(List<ServiceDraft> drafts, List<Integer> lines) {
        Set<String> inFile = new HashSet<>();
        drafts.forEach(draft -> inFile.add(draft.key()));
        Map<String, String> holders = new HashMap<>();
        existing.values().stream()
                .filter(service -> !inFile.contains(service.key()))
                .sorted(Comparator.comparing(Service::key))
                .forEach(service -> holders.putIfAbsent(
                        ServiceMatcher.nameKey(service.name()), service.name() + " (" + service.key() + ")"));
        for (int i = 0; i < drafts.size(); i++) {
            ServiceDraft draft = drafts.get(i);
            String holder = holders.putIfAbsent(
                    draft.nameKey(), draft.name() + " (" + draft.key() + ") on line " + lines.get(i));
            if (holder != null) {
                problems.add(new CatalogCsvProblem(
                        lines.get(i),
                        NAME,
                        draft.name() + " is the name of " + holder + "; " + ServiceFields.NAMES_DIFFER));
            }
        }
    }

    List<CatalogCsvProblem> problems() {
        return List.copyOf(problems);
    }

    private Optional<ServiceDraft> draft(CatalogCsvRow row) {
        int before = problems.size();
        String key = cell(row, KEY, ServiceFields::key, "");
        Optional<Service> current = Optional.ofNullable(existing.get(key));
        ServiceDraft draft = new ServiceDraft(
                key,
                cell(row, NAME, ServiceFields::name, ""),
                cell(row, TIER, ServiceFields::tier, Tier.CORE),
                kept(row, PROTECTED, CatalogImportCells::yesNo, current.map(Service::isProtected), false),
                kept(row, OWNER, text -> owner(text, current), current.map(Service::ownerId), Optional.empty()),
                kept(
                        row,
                        DEPUTY,
                        text -> people.find(text).map(Person::userId),
                        current.map(Service::deputyId),
                        Optional.empty()),
                kept(row, CHANNEL, CatalogImportCells::channel, current.map(Service::teamChannel), Optional.empty()),
                cell(row, UNIT_COST, CatalogImportCells::amount, BigDecimal.ZERO),
                kept(row, UNIT_NAME, ServiceFields::unitName, current.map(Service::unitName), "unit"),
                cell(row, DEMAND, CatalogImportCells::amount, BigDecimal.ZERO),
                cell(row, VALUE, CatalogImportCells::amount, BigDecimal.ZERO),
                kept(row, DESCRIPTION, CatalogImportCells::description, current.map(Service::description), ""));
        if (!key.isEmpty()) {
            requireFirstUse(row, key);
        }
        return problems.size() == before ? Optional.of(draft) : Optional.empty();
    }

    /** A key used again is a problem on the later line, naming the first, even when that first row has problems too. */
    private void requireFirstUse(CatalogCsvRow row, String key) {
        Integer first = firstLines.putIfAbsent(key, row.line());
        if (first != null) {
            problems.add(
                    new CatalogCsvProblem(row.line(), KEY, "the key " + key + " is already used on line " + first));
        }
    }

    /** The cell by the rule, or the existing service's value when the file has no such column. */
    private <T> T kept(CatalogCsvRow row, String column, Function<String, T> parse, Optional<T> current, T fallback) {
        return columns.contains(column) ? cell(row, column, parse, fallback) : current.orElse(fallback);
    }

    private <T> T cell(CatalogCsvRow row, String column, Function<String, T> parse, T fallback) {
        try {
            return parse.apply(row.get(column));
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogCsvProblem(row.line(), column, e.getMessage()));
            return fallback;
        }
    }

    /** An owner must be active, unless they already own the service (so an export always re-imports). */
    private Optional<String> owner(String text, Optional<Service> current) {
        Optional<Person> owner = people.find(text);
        Optional<String> id = owner.map(Person::userId);
        if (owner.isPresent()
                && owner.get().deactivated()
                && !current.flatMap(Service::ownerId).equals(id)) {
            throw new IllegalArgumentException(
                    owner.get().displayName() + " (" + id.get() + ") is deactivated in Slack; pick an active owner");
        }
        return id;
    }
}

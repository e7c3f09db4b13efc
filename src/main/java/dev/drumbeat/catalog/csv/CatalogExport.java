package dev.drumbeat.catalog.csv;

import static dev.drumbeat.catalog.csv.CatalogCsvColumns.guard;

import dev.drumbeat.catalog.CatalogDao;
import dev.drumbeat.catalog.MeasuredBy;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.measure.MeasureBinding;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.people.PeopleDao;
import dev.drumbeat.people.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes the catalog as the CSV that import reads, sorted by key, so export then import changes
 * nothing. Owners are written as Slack ids (unambiguous), with names beside them for people; each service's PromQL
 * bindings go in {@code kpi_query} and {@code demand_query} (left empty without {@link Measures}, as on the command
 * line, which the import reads as "leave them alone"). Thread-safe.
 */
public final class CatalogExport {
    /** Comma-separated, CRLF line ends, quotes only where a field needs them: what Excel writes. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final Jdbi jdbi;
    private final Optional<Measures> measures;

    public CatalogExport(Jdbi jdbi) {
        this(jdbi, Optional.empty());
    }

    public CatalogExport(Jdbi jdbi, Optional<Measures> measures) {
        this.jdbi = jdbi;
        this.measures = measures;
    }

    /** The team's active services as CSV text; encode it as UTF-8. */
    public String csv(String teamId) {
        Map<String, List<MeasureBinding>> bindings = measures.map(m -> m.sources(teamId)).orElse(List.of()).stream()
                .map(Measures.Source::binding)
                .collect(Collectors.groupingBy(MeasureBinding::serviceKey));
        return jdbi.inTransaction(handle -> write(
                handle.attach(CatalogDao.class).findAll(teamId),
                handle.attach(PeopleDao.class).all(teamId),
                bindings));
    }

    static String write(List<Service> services, List<Person> people) {
        return write(services, people, Map.of());
    }

    static String write(List<Service> services, List<Person> people, Map<String, List<MeasureBinding>> bindings) {
        Map<String, Person> byId =
                people.stream().collect(Collectors.toMap(Person::userId, Function.identity(), (a, b) -> a));
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(CatalogCsvColumns.EXPORTED);
            for (Service service :
                    services.stream().sorted(Comparator.comparing(Service::key)).toList()) {
                printer.printRecord(row(service, byId, bindings.getOrDefault(service.key(), List.of())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One service in {@link CatalogCsvColumns#EXPORTED} order. */
    private static List<String> row(Service s, Map<String, Person> people, List<MeasureBinding> bindings) {
        return List.of(
                s.key(),
                guard(s.name()),
                s.tier().label(),
                s.isProtected() ? "yes" : "no",
                s.ownerId().orElse(""),
                guard(nameOf(s.ownerId(), people)),
                s.deputyId().orElse(""),
                guard(nameOf(s.deputyId(), people)),
                plain(s.unitCost()),
                guard(s.unitName()),
                plain(s.monthlyDemand()),
                plain(s.monthlyValue()),
                plain(s.monthlyCost()),
                plain(s.margin()),
                s.teamChannel().orElse(""),
                guard(s.description()),
                guard(MeasuredBy.write(bindings.stream()
                        .filter(b -> !b.isDemand())
                        .map(b -> new MeasuredBy.Line(b.kpiKey(), b.query()))
                        .toList())),
                guard(bindings.stream()
                        .filter(MeasureBinding::isDemand)
                        .map(MeasureBinding::query)
                        .findFirst()
                        .orElse("")));
    }

    private static String nameOf(Optional<String> userId, Map<String, Person> people) {
        return userId.map(people::get).map(Person::displayName).orElse("");
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

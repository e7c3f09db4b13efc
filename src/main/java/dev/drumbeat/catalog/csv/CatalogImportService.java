package dev.drumbeat.catalog.csv;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.catalog.CatalogDao;
import dev.drumbeat.catalog.KpiKeysDao;
import dev.drumbeat.catalog.MeasuredBy;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.catalog.ServiceDraft;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.people.PeopleDao;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Imports a catalog CSV all or nothing: every row is checked first and any problem stops the whole
 * import; otherwise one transaction creates and updates services by key, auditing each change.
 * Services missing from the file are left alone. Callers decide who may import. Once that transaction has committed,
 * the KPIs and demand the query columns name are bound to their PromQL (or unbound) through {@link Measures}, which
 * asks Prometheus for the past periods; without it (the command line) the query cells are checked but not bound.
 * Thread-safe.
 */
public final class CatalogImportService {
    private static final String UNIQUE_VIOLATION = "23505";
    static final String NOT_BOUND = "kpi_query and demand_query were checked but not bound: the command line does not"
            + " ask Prometheus. Import the file through POST /api/v1/catalog.csv, or bind with /drumbeat kpi bind.";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Optional<Measures> measures;

    /** An import that checks query cells but binds nothing, as the command line's is. */
    public CatalogImportService(Jdbi jdbi, AuditLog audit) {
        this(jdbi, audit, Optional.empty());
    }

    public CatalogImportService(Jdbi jdbi, AuditLog audit, Optional<Measures> measures) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.measures = measures;
    }

    /** Imports {@code csv} into the team's catalog; {@code auditActor} names who did it, such as {@code csv:plan.csv}. */
    public CatalogImportResult importCsv(String teamId, String auditActor, byte[] csv) {
        return importCsv(teamId, auditActor, csv, false);
    }

    /**
     * Imports {@code csv} into a workspace Drumbeat may not know yet (a fresh install, before Slack has called); the
     * workspace is created with the catalog, so a rejected file leaves no trace of either.
     */
    public CatalogImportResult importIntoWorkspace(String teamId, String auditActor, byte[] csv) {
        return importCsv(teamId, auditActor, csv, true);
    }

    private CatalogImportResult importCsv(String teamId, String auditActor, byte[] csv, boolean createWorkspace) {
        CatalogCsvSheet sheet = CatalogCsvReader.read(csv);
        if (!sheet.problems().isEmpty()) {
            return new CatalogImportResult.Rejected(sheet.problems());
        }
        Applied applied;
        try {
            applied = jdbi.inTransaction(handle -> {
                if (createWorkspace) {
                    handle.attach(PeopleDao.class).ensureWorkspace(teamId, "");
                }
                Applied result = apply(handle, teamId, auditActor, sheet);
                if (result.result() instanceof CatalogImportResult.Rejected) {
                    throw new RolledBack(result.result());
                }
                return result;
            });
        } catch (RolledBack rejected) {
            return rejected.result;
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new UserError("Someone added or renamed a service while the import ran, so nothing was"
                        + " imported. Run it again.");
            }
            throw e;
        }
        return measure(teamId, auditActor, applied);
    }

    /** What the transaction did, and the query cells to bind once it has committed. */
    private record Applied(CatalogImportResult result, List<CatalogImportQueries.Wanted> queries) {}

    /**
     * Binds and unbinds what the query cells changed, as an admin named as the import's audit entries are (callers let
     * only admins import); each change becomes a sentence of the result.
     */
    private CatalogImportResult measure(String teamId, String auditActor, Applied applied) {
        CatalogImportResult.Imported imported = (CatalogImportResult.Imported) applied.result();
        if (applied.queries().isEmpty()) {
            return imported;
        }
        if (measures.isEmpty()) {
            return imported.measured(List.of(NOT_BOUND));
        }
        Map<String, List<MeasuredBy.Line>> current = measures.get().sources(teamId).stream()
                .collect(Collectors.groupingBy(
                        source -> source.binding().serviceKey(),
                        Collectors.mapping(
                                source -> new MeasuredBy.Line(
                                        source.binding().kpiKey(),
                                        source.binding().query()),
                                Collectors.toList())));
        Actor actor = new Actor(teamId, auditActor, Role.ADMIN);
        List<String> sentences = new ArrayList<>();
        for (CatalogImportQueries.Wanted wanted : applied.queries()) {
            wanted.changes(current.getOrDefault(wanted.serviceKey(), List.of()))
                    .apply(measures.get(), actor)
                    .forEach(outcome -> sentences.add(wanted.serviceKey() + " · " + outcome.plain()));
        }
        return imported.measured(sentences);
    }

    private Applied apply(Handle handle, String teamId, String actor, CatalogCsvSheet sheet) {
        CatalogDao dao = handle.attach(CatalogDao.class);
        dao.deferNameCheck();
        Map<String, Service> existing =
                dao.lockAll(teamId).stream().collect(Collectors.toMap(Service::key, Function.identity()));
        CatalogImportValidator validator =
                new CatalogImportValidator(handle.attach(PeopleDao.class).all(teamId), existing, sheet.columns());
        List<ServiceDraft> drafts = validator.validate(sheet.rows());
        CatalogImportQueries queries = new CatalogImportQueries(kpiKeys(handle, teamId));
        List<CatalogImportQueries.Wanted> wanted = queries.check(sheet.rows());
        if (!validator.problems().isEmpty() || !queries.problems().isEmpty()) {
            return new Applied(
                    new CatalogImportResult.Rejected(
                            Stream.concat(validator.problems().stream(), queries.problems().stream())
                                    .toList()),
                    List.of());
        }
        Set<String> retired = dao.findInactiveKeys(teamId);
        Map<Change, Integer> changes = new EnumMap<>(Change.class);
        for (ServiceDraft draft : drafts) {
            changes.merge(save(handle, teamId, actor, draft, existing.get(draft.key()), retired), 1, Integer::sum);
        }
        Set<String> inFile = drafts.stream().map(ServiceDraft::key).collect(Collectors.toSet());
        long untouched = existing.keySet().stream()
                .filter(k -> !inFile.contains(k) && !retired.contains(k))
                .count();
        return new Applied(
                new CatalogImportResult.Imported(
                        count(changes, Change.CREATED),
                        count(changes, Change.UPDATED),
                        count(changes, Change.UNCHANGED),
                        (int) untouched),
                wanted);
    }

    private static Map<String, Set<String>> kpiKeys(Handle handle, String teamId) {
        return handle.attach(KpiKeysDao.class).ofTeam(teamId).stream()
                .collect(Collectors.groupingBy(
                        KpiKeysDao.ServiceKpi::serviceKey,
                        Collectors.mapping(KpiKeysDao.ServiceKpi::kpiKey, Collectors.toSet())));
    }

    /** Writes one row, with its audit entry, unless it matches what is stored (a retired service is revived). */
    private Change save(
            Handle handle, String teamId, String actor, ServiceDraft draft, Service current, Set<String> retired) {
        CatalogDao dao = handle.attach(CatalogDao.class);
        if (current == null) {
            dao.insert(teamId, draft);
            audit.record(handle, AuditEntry.change(teamId, actor, "service", draft.key(), null, draft));
            return Change.CREATED;
        }
        ServiceDraft before = ServiceDraft.of(current);
        if (before.equals(draft) && !retired.contains(draft.key())) {
            return Change.UNCHANGED;
        }
        dao.update(teamId, draft);
        audit.record(handle, AuditEntry.change(teamId, actor, "service", draft.key(), before, draft));
        return Change.UPDATED;
    }

    private static int count(Map<Change, Integer> changes, Change change) {
        return changes.getOrDefault(change, 0);
    }

    /** Carries a rejected import out of its transaction, so that nothing it did stays. */
    private static final class RolledBack extends RuntimeException {
        private final CatalogImportResult result;

        RolledBack(CatalogImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}

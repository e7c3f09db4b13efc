package dev.drumbeat.costs;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * What came in through the costs folder or an upload: each folder's files as they were when imported or refused, so
 * the folder scan reads a folder again only once its files changed, and the files behind an import can be found again
 * (the upload folders are kept for that). Thread-safe.
 */
public final class CostIntakeRecords {
    static final String FOLDER = "folder";
    static final String UPLOAD = "upload";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public CostIntakeRecords(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** The folder's files as recorded when they were last imported or refused; empty if never. */
    Set<CostIntakeFile> recorded(String teamId, Path folder) {
        return Set.copyOf(jdbi.withExtension(CostIntakeDao.class, dao -> dao.recorded(teamId, key(folder))));
    }

    /** The files were imported as {@code importId}; they replace whatever the folder had recorded. */
    void imported(String teamId, String origin, Path folder, List<CostIntakeFile> files, long importId) {
        jdbi.useTransaction(handle -> {
            CostIntakeDao dao = handle.attach(CostIntakeDao.class);
            dao.forget(teamId, key(folder));
            files.forEach(file -> dao.record(
                    teamId,
                    origin,
                    key(folder),
                    file.name(),
                    file.size(),
                    file.modified(),
                    importId,
                    null,
                    clock.instant()));
        });
    }

    /** The folder's files were refused with {@code sentence}: recorded with it, and in the audit log. */
    void refused(String teamId, Path folder, String shown, List<CostIntakeFile> files, String refusal) {
        // kept as PostgreSQL can store it: a sentence may quote a cell of the bill
        String sentence = FocusScan.clean(refusal);
        jdbi.useTransaction(handle -> {
            CostIntakeDao dao = handle.attach(CostIntakeDao.class);
            dao.forget(teamId, key(folder));
            files.forEach(file -> dao.record(
                    teamId,
                    FOLDER,
                    key(folder),
                    file.name(),
                    file.size(),
                    file.modified(),
                    null,
                    sentence,
                    clock.instant()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("folder", shown);
            after.put("files", files.stream().map(CostIntakeFile::name).collect(Collectors.joining(", ")));
            after.put("reason", sentence);
            audit.record(
                    handle,
                    new AuditEntry(teamId, FOLDER, "costs", shown, "refuse", Optional.empty(), Optional.of(after)));
        });
    }

    private static String key(Path folder) {
        return folder.toAbsolutePath().normalize().toString();
    }
}

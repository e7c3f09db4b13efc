package dev.drumbeat.costs;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The costs folder ({@code DRUMBEAT_COSTS_DIR}), where a sync drops the providers' exports. A scan imports every folder
 * of parts that is new or changed since it was imported, one import per folder, the oldest first so that the latest
 * run of a month is the one that stays. A folder waits for the next scan while any of its files was modified in the
 * last minute (still being written) or, beside an Azure {@code manifest.json}, while a part the manifest lists is
 * missing or not whole yet; then exactly the listed parts are imported. A folder whose files are refused is recorded
 * with the sentence (a WARN line and the audit log say it) and left alone until its files change. With one workspace
 * the whole folder is its own; with several, each one's exports go in a subfolder named by its id (T…). Hidden files
 * and folders (a sync's temporary files) are ignored. One scan at a time ({@link CostFolderJob}).
 */
public final class CostFolderScan {
    static final Duration SETTLING = Duration.ofMinutes(1);
    static final String ACTOR = "folder";
    private static final Logger log = LoggerFactory.getLogger(CostFolderScan.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Path root;
    private final Currency currency;
    private final CostImportService importer;
    private final CostIntakeRecords records;

    public CostFolderScan(Jdbi jdbi, AuditLog audit, Clock clock, Path root, Currency currency) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.root = root;
        this.currency = currency;
        this.importer = new CostImportService(jdbi, audit, clock);
        this.records = new CostIntakeRecords(jdbi, audit, clock);
    }

    /** Imports every folder that is new or changed and whole; returns how many were imported. */
    public int scan() {
        int imported = 0;
        for (Map.Entry<String, Path> team : teams().entrySet()) {
            for (CostExportFolder folder : CostExportFolder.under(team.getValue())) {
                imported += consider(team.getKey(), folder) ? 1 : 0;
            }
        }
        return imported;
    }

    /** Each workspace's folder: the whole costs folder for the one workspace, else the subfolders named by id. */
    private Map<String, Path> teams() {
        List<String> workspaces = jdbi.withExtension(CostIntakeDao.class, CostIntakeDao::workspaces);
        if (workspaces.size() == 1) {
            return Map.of(workspaces.get(0), root);
        }
        Map<String, Path> folders = new TreeMap<>();
        workspaces.stream()
                .filter(team -> Files.isDirectory(root.resolve(team)))
                .forEach(team -> folders.put(team, root.resolve(team)));
        return folders;
    }

    /** What a folder's import reads, and the files whose sizes and times say whether it changed since. */
    private record Selection(List<Path> parts, List<CostIntakeFile> fingerprint) {}

    private boolean consider(String teamId, CostExportFolder found) {
        String shown = shown(found.folder());
        if (found.newest().isAfter(clock.instant().minus(SETTLING))) {
            log.debug("costs folder: {} changed in the last minute; the next scan looks again", shown);
            return false;
        }
        Optional<Selection> selection = found.manifest().isPresent()
                ? listed(teamId, found, shown, found.manifest().get())
                : Optional.of(
                        new Selection(found.files(), List.copyOf(found.states().values())));
        if (selection.isEmpty()
                || selection.get().parts().isEmpty()
                || Set.copyOf(selection.get().fingerprint()).equals(records.recorded(teamId, found.folder()))) {
            return false;
        }
        return importFolder(teamId, found, shown, selection.get());
    }

    /**
     * The parts an Azure manifest lists and the manifest itself; empty while a part is missing or not whole yet, or
     * when the manifest cannot be read (refused, once, until it changes).
     */
    private Optional<Selection> listed(String teamId, CostExportFolder found, String shown, Path manifest) {
        try {
            Optional<List<Path>> parts = listedParts(manifest, found);
            if (parts.isEmpty()) {
                log.info("costs folder: {} waits for parts its manifest.json lists", shown);
                return Optional.empty();
            }
            List<CostIntakeFile> fingerprint = new ArrayList<>(
                    parts.get().stream().map(found.states()::get).toList());
            fingerprint.add(found.states().get(manifest));
            return Optional.of(new Selection(parts.get(), fingerprint));
        } catch (UserError e) {
            List<CostIntakeFile> alone = List.of(found.states().get(manifest));
            if (!Set.copyOf(alone).equals(records.recorded(teamId, found.folder()))) {
                refuse(teamId, found, shown, alone, e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** The parts the manifest lists, or empty while one is missing or smaller or larger than it says. */
    private static Optional<List<Path>> listedParts(Path manifest, CostExportFolder found) {
        Set<Path> parts = new LinkedHashSet<>();
        for (AzureManifest.Part part : AzureManifest.parts(manifest)) {
            Path file = found.folder().resolve(part.fileName());
            CostIntakeFile state = found.states().get(file);
            if (state == null || (part.bytes().isPresent() && part.bytes().getAsLong() != state.size())) {
                return Optional.empty();
            }
            parts.add(file);
        }
        return Optional.of(List.copyOf(parts));
    }

    private boolean importFolder(String teamId, CostExportFolder found, String shown, Selection selection) {
        List<Path> sorted = selection.parts().stream().sorted().toList();
        try {
            CostImportService.Imported imported = importer.importFiles(teamId, ACTOR, sorted, currency);
            records.imported(
                    teamId, CostIntakeRecords.FOLDER, found.folder(), selection.fingerprint(), imported.importId());
            log.info(
                    "costs folder: imported {} ({} files, {} rows): {}",
                    shown,
                    sorted.size(),
                    imported.rows(),
                    String.join("; ", CostImportService.describe(imported, new Money(currency))));
            return true;
        } catch (UserError e) {
            refuse(teamId, found, shown, selection.fingerprint(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.error("costs folder: could not import {}; the next scan tries again", shown, e);
            return false;
        }
    }

    private void refuse(
            String teamId, CostExportFolder found, String shown, List<CostIntakeFile> files, String sentence) {
        records.refused(teamId, found.folder(), shown, files, sentence);
        log.warn("costs folder: refused {}, and waits until its files change: {}", shown, sentence);
    }

    /** The folder as the log and the audit log show it: below the costs folder, with forward slashes. */
    private String shown(Path folder) {
        String relative = root.relativize(folder).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}

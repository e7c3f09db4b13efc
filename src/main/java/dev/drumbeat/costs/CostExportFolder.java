package dev.drumbeat.costs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of an export's parts as a scan of the costs folder finds it: its FOCUS files (.csv, .csv.gz, .parquet),
 * the Azure {@code manifest.json} beside them if there is one, and each file's size and time. Hidden files and folders
 * (a sync's temporary files, its own state) are not looked at.
 */
record CostExportFolder(Path folder, List<Path> files, Optional<Path> manifest, Map<Path, CostIntakeFile> states) {
    private static final Logger log = LoggerFactory.getLogger(CostExportFolder.class);

    /** When the folder's newest file was last modified. */
    Instant newest() {
        return states.values().stream()
                .map(CostIntakeFile::modified)
                .max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
    }

    /** The folders under {@code top} that hold export files, the least recently modified first. */
    static List<CostExportFolder> under(Path top) {
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(top) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !hidden(file) && (isData(file) || isManifest(file))) {
                        byFolder.computeIfAbsent(file.getParent(), folder -> new ArrayList<>())
                                .add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("costs folder: cannot read {} ({})", top, e.toString());
            return List.of();
        }
        List<CostExportFolder> found = new ArrayList<>();
        byFolder.forEach((folder, files) -> states(files)
                .ifPresent(states -> found.add(new CostExportFolder(
                        folder,
                        files.stream().filter(CostExportFolder::isData).sorted().toList(),
                        files.stream().filter(CostExportFolder::isManifest).findFirst(),
                        states))));
        found.sort(Comparator.comparing(CostExportFolder::newest));
        return found;
    }

    /** Each file's size and time, or empty if one vanished meanwhile (the next scan sees the folder as it ends up). */
    private static Optional<Map<Path, CostIntakeFile>> states(List<Path> files) {
        Map<Path, CostIntakeFile> states = new LinkedHashMap<>();
        try {
            files.forEach(file -> states.put(file, CostIntakeFile.of(file)));
            return Optional.of(states);
        } catch (UncheckedIOException vanished) {
            return Optional.empty();
        }
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static boolean isData(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".parquet");
    }

    private static boolean isManifest(Path file) {
        return file.getFileName().toString().equals(AzureManifest.FILE_NAME);
    }
}

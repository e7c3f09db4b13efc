package dev.drumbeat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The temporary folder a benchmark's embedded PostgreSQL runs in: its postmaster, and removing it afterwards. */
final class DatabaseFolder {
    private DatabaseFolder() {}

    /** The embedded PostgreSQL's postmaster, so the run can say how much CPU the database took. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            return ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}

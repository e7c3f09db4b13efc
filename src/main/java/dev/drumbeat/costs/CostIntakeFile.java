package dev.drumbeat.costs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A file as it was when it came in: its name in its folder, its size and when it was last modified (to the
 * millisecond, as the database keeps it). Two alike mean the file has not changed since.
 */
record CostIntakeFile(String name, long size, Instant modified) {
    CostIntakeFile {
        modified = modified.truncatedTo(ChronoUnit.MILLIS);
    }

    static CostIntakeFile of(Path file) {
        try {
            return new CostIntakeFile(
                    file.getFileName().toString(),
                    Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.drumbeat.costs;

import dev.drumbeat.core.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.InputStreamContentSource;

/**
 * Uploaded bills on disk, a folder per upload under {@code <data folder>/costs/uploads}, kept so the files behind an
 * import can be read again. A form upload streams there as it arrives: Jetty's multipart parser writes every part
 * straight to a file, never holding one in memory, and the upload is cut off the moment it passes the limit. Files
 * keep the names they were sent with, once a name is known to be a plain file name. An upload that fails for any
 * reason leaves nothing behind. Thread-safe.
 */
final class CostUploads {
    /** Where the parser writes parts before they get their names; removed once they have them. */
    private static final String INCOMING = ".incoming";

    private static final int MOST_FILES = 1000;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** A name without folders, control characters, a drive or a leading dot (`..`, hidden files). */
    private static final Pattern FILE_NAME = Pattern.compile("[^./\\\\:\\p{Cntrl}][^/\\\\:\\p{Cntrl}]{0,199}");

    private final Path root;
    private final long limit;
    private final Clock clock;

    CostUploads(Path root, long limit, Clock clock) {
        this.root = root;
        this.limit = limit;
        this.clock = clock;
    }

    /** An upload that passed the limit; nothing of it was kept. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("upload over the limit", null, false, false);
        }
    }

    /** One upload's folder and its files, in the order they were sent. */
    record Upload(Path folder, List<Path> files) {
        /** Removes the upload's folder and everything in it. */
        void discard() {
            deleteAll(folder);
        }
    }

    long limit() {
        return limit;
    }

    /**
     * Streams a {@code multipart/form-data} body to a new folder; throws {@link TooLarge} past the limit, or a
     * {@link UserError} for a body that is not a whole form upload of files with plain names.
     */
    Upload receive(String contentType, InputStream body) {
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw new UserError("That is not a form upload with a boundary; send the files as curl -F file=@… does.");
        }
        Path folder = newFolder();
        UploadLimit limited = new UploadLimit(body, limit);
        try {
            Upload upload = new Upload(folder, keep(parse(boundary, limited, folder.resolve(INCOMING)), folder));
            deleteAll(folder.resolve(INCOMING));
            return upload;
        } catch (RuntimeException e) {
            RuntimeException answer = limited.passed() ? new TooLarge() : e;
            try {
                deleteAll(folder);
            } catch (UncheckedIOException left) {
                // the answer the uploader needs is why the upload failed, not that its leftovers could not go
                answer.addSuppressed(left);
            }
            throw answer;
        }
    }

    private static MultiPartFormData.Parts parse(String boundary, InputStream body, Path incoming) {
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setFilesDirectory(incoming);
        parser.setMaxMemoryFileSize(0);
        parser.setUseFilesForPartsWithoutFileName(true);
        parser.setMaxParts(MOST_FILES);
        try {
            return parser.parse(new InputStreamContentSource(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("Drumbeat was stopping while the upload came in; nothing was kept. Send it again.");
        } catch (ExecutionException e) {
            throw new UserError("That upload is not a whole form upload: it may have been cut short. Nothing was kept"
                    + " or imported; send the files again as curl -F file=@… does.");
        }
    }

    /** Moves each file part to its own name in the upload's folder; parts without a file name are left out. */
    private static List<Path> keep(MultiPartFormData.Parts parts, Path folder) {
        try (parts) {
            List<Path> files = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (MultiPart.Part part : parts) {
                if (part.getFileName() == null) {
                    continue;
                }
                String name = fileName(part.getFileName());
                if (!names.add(name)) {
                    throw new UserError("Two files are named " + name + "; send each part of the export once.");
                }
                Path file = folder.resolve(name);
                part.writeTo(file);
                files.add(file);
            }
            if (files.isEmpty()) {
                throw new UserError("That upload has no files; send every part of the export, such as curl"
                        + " -F file=@part_0_0001.csv.gz -F file=@part_0_0002.csv.gz.");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name a file was sent with, if it is a plain file name; never a path that leads out of the folder. */
    static String fileName(String sent) {
        if (!FILE_NAME.matcher(sent).matches()) {
            String shown = sent.length() > 80 ? sent.substring(0, 80) + "…" : sent;
            throw new UserError("\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\" is not a file name Drumbeat keeps:"
                    + " send each file by its own name, without a folder and not starting with a dot, such as"
                    + " part_0_0001.csv.gz. Nothing was kept or imported.");
        }
        return sent;
    }

    private Path newFolder() {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, STAMP.format(clock.instant()) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + folder, e);
        }
    }
}

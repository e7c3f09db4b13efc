package dev.drumbeat.costs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.core.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The {@code manifest.json} Azure Cost Management writes beside an export run's parts, read for the parts it lists:
 * each blob's name (its last path segment is the part's file name in the run's folder) and byte count, so a folder
 * still being synced can be told from a whole one.
 */
final class AzureManifest {
    static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AzureManifest() {}

    /** One part the manifest lists: its file name and, when the manifest says, its size. */
    record Part(String fileName, OptionalLong bytes) {}

    static List<Part> parts(Path manifest) {
        JsonNode blobs;
        try {
            blobs = JSON.readTree(manifest.toFile()).path("blobs");
        } catch (IOException e) {
            throw new UserError("Its manifest.json is not JSON Drumbeat can read; nothing was imported.");
        }
        if (!blobs.isArray() || blobs.isEmpty()) {
            throw new UserError("Its manifest.json lists no blobs, so Drumbeat cannot tell which parts make the export;"
                    + " nothing was imported.");
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode blob : blobs) {
            String name = blob.path("blobName").asText("");
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            if (fileName.isEmpty()) {
                throw new UserError("Its manifest.json has a blob without a blobName; nothing was imported.");
            }
            JsonNode bytes = blob.path("byteCount");
            parts.add(new Part(
                    fileName, bytes.canConvertToLong() ? OptionalLong.of(bytes.asLong()) : OptionalLong.empty()));
        }
        return parts;
    }
}

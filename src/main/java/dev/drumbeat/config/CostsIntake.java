package dev.drumbeat.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How cloud bills reach Drumbeat besides the command line: the folder a sync drops providers' exports into, scanned
 * every hour ({@code DRUMBEAT_COSTS_DIR}, optional), and the most one upload to the HTTP endpoint may carry
 * ({@code DRUMBEAT_COSTS_MAX_UPLOAD}, default 2 GiB).
 */
public record CostsIntake(Optional<Path> folder, long maxUpload) {
    public static final long MAX_UPLOAD = 2L * 1024 * 1024 * 1024;

    public CostsIntake {
        if (maxUpload < 1) {
            throw new IllegalArgumentException("an upload limit is at least one byte");
        }
    }

    public static CostsIntake defaults() {
        return new CostsIntake(Optional.empty(), MAX_UPLOAD);
    }

    /** A size as people read it: {@code 2 GiB}, {@code 1.5 MiB}, {@code 700 bytes}. */
    public static String size(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        String unit = bytes == 1 ? "byte" : "bytes";
        for (int i = 0; i < units.length && value >= 1024; i++) {
            value /= 1024;
            unit = units[i];
        }
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
        return number + " " + unit;
    }

    @Override
    public String toString() {
        return "costsFolder=" + folder.map(Path::toString).orElse("-") + ", costsMaxUpload=" + size(maxUpload);
    }
}

package dev.drumbeat.db;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Something built from a workspace's catalog (its services, KPIs, initiatives and OKRs), kept for each workspace
 * while the catalog stays as it was, because building it means reading thousands of rows. Before each use it reads
 * the catalog's version (one row; see {@code V22__catalog_versions_and_costliest_index.sql}); whatever changed the
 * catalog since the snapshot was built, on this instance or another, changed the version, and the snapshot is built
 * again. The version is read before the rows, so a snapshot is never older than the version it is kept under. When
 * several ask at once for a workspace whose snapshot is out of date, one builds it and the others wait for it.
 * Without a version (a workspace whose catalog never changed since the versions began) nothing is kept. What is built
 * must be immutable: it is shared between threads. Thread-safe.
 */
public final class CatalogSnapshots<T> {
    private final Jdbi jdbi;
    private final Function<String, T> build;
    private final Map<String, Snapshot<T>> byTeam = new ConcurrentHashMap<>();

    private record Snapshot<T>(long version, CompletableFuture<T> value) {}

    /** {@code build} makes the thing from the database for a workspace. */
    public CatalogSnapshots(Jdbi jdbi, Function<String, T> build) {
        this.jdbi = jdbi;
        this.build = build;
    }

    /** The thing for the workspace as its catalog is now. */
    public T of(String teamId) {
        Optional<Long> version = jdbi.withExtension(CatalogVersionDao.class, dao -> dao.version(teamId));
        if (version.isEmpty()) {
            return build.apply(teamId);
        }
        Snapshot<T> fresh = new Snapshot<>(version.get(), new CompletableFuture<>());
        Snapshot<T> current = byTeam.compute(
                teamId, (team, held) -> held != null && held.version() == fresh.version() ? held : fresh);
        if (current == fresh) {
            buildInto(teamId, fresh);
        }
        try {
            return current.value().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void buildInto(String teamId, Snapshot<T> fresh) {
        try {
            fresh.value().complete(build.apply(teamId));
        } catch (RuntimeException | Error e) {
            byTeam.remove(teamId, fresh);
            fresh.value().completeExceptionally(e);
        }
    }
}

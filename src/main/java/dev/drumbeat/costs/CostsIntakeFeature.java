package dev.drumbeat.costs;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.config.CostsIntake;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import java.time.Duration;
import java.util.Optional;

/**
 * How bills reach Drumbeat besides the command line: an upload over HTTP behind an admin's API token, and the costs
 * folder a sync drops exports into, scanned every hour when {@code DRUMBEAT_COSTS_DIR} is set.
 */
public final class CostsIntakeFeature implements Feature {
    private final Shared shared;
    private final ApiTokenGuard apiTokens;

    public CostsIntakeFeature(Shared shared, ApiTokenGuard apiTokens) {
        this.shared = shared;
        this.apiTokens = apiTokens;
    }

    @Override
    public void contribute(Contributions contributions) {
        CostsIntake intake = shared.config().costsIntake();
        contributions.routes(new CostUploadRoutes(
                new CostImportService(shared.jdbi(), shared.audit(), shared.clock()),
                new CostUploads(
                        shared.config().dataDir().resolve("costs").resolve("uploads"),
                        intake.maxUpload(),
                        shared.clock()),
                new CostIntakeRecords(shared.jdbi(), shared.audit(), shared.clock()),
                apiTokens,
                shared.config().currency()));
        Optional<CostFolderScan> scan = intake.folder()
                .map(folder -> new CostFolderScan(
                        shared.jdbi(),
                        shared.audit(),
                        shared.clock(),
                        folder,
                        shared.config().currency()));
        contributions.job(CostFolderJob.NAME, CostFolderJob.class, () -> new CostFolderJob(scan), Duration.ofHours(1));
    }
}

package dev.drumbeat.okr;

import dev.drumbeat.checkin.KeyResultConfidence;
import dev.drumbeat.digest.DigestSection;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.people.PeopleService;
import java.time.Duration;

/**
 * OKRs: objectives and key results linked to KPIs, `/drumbeat okr`, the key-result modal, the quarterly review and
 * rollover, and what OKRs add to check-ins, the Home tab and the weekly digest.
 */
public final class OkrFeature implements Feature {
    private final Shared shared;
    private final PeopleService people;
    private final OkrService okrs;

    public OkrFeature(Shared shared, PeopleService people) {
        this.shared = shared;
        this.people = people;
        this.okrs = new OkrService(shared.jdbi(), shared.audit(), OkrRules.defaults(), shared.clock());
    }

    /** A person's key results, for their Home tab. */
    public OkrHome home() {
        return new OkrHome(okrs);
    }

    /** The at-risk and vanity key results, for the weekly digest. */
    public DigestSection digestSection() {
        return new OkrDigestSection(okrs);
    }

    /** The confidence question a check-in asks about the service's key results. */
    public KeyResultConfidence confidence() {
        return new OkrConfidence(shared.jdbi(), shared.clock());
    }

    @Override
    public void contribute(Contributions contributions) {
        OkrRollover rollover = new OkrRollover(shared.jdbi(), shared.outbox(), shared.audit(), shared.clock());
        KeyResultService keyResults =
                new KeyResultService(shared.jdbi(), shared.audit(), okrs, shared.periods(), shared.clock());
        new OkrListeners(okrs, keyResults, rollover, people)
                .register(contributions.commands(), contributions.interactions());
        OkrReview review = new OkrReview(
                shared.jdbi(),
                shared.outbox(),
                okrs,
                shared.money(),
                shared.config().leadershipChannel(),
                shared.clock());
        contributions.job(
                OkrQuarterJob.NAME,
                OkrQuarterJob.class,
                () -> new OkrQuarterJob(review, rollover),
                Duration.ofHours(1));
    }
}

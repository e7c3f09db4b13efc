package dev.drumbeat.apitoken;

import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.people.PeopleService;

/** API tokens: `/drumbeat token` for admins, and the guard other features put in front of their HTTP API. */
public final class ApiTokenFeature implements Feature {
    private final ApiTokenService tokens;

    public ApiTokenFeature(Shared shared, PeopleService people) {
        this.tokens = new ApiTokenService(shared.jdbi(), shared.audit(), people, shared.clock());
    }

    /** The check an HTTP API runs on a request's bearer token. */
    public ApiTokenGuard guard() {
        return new ApiTokenGuard(tokens);
    }

    @Override
    public void contribute(Contributions contributions) {
        contributions.command(new TokenCommand(tokens));
    }
}

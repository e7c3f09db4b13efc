package dev.drumbeat.apitoken;

import dev.drumbeat.core.Actor;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Map;
import java.util.Optional;

/**
 * The door of the admin API: lets a request through only with a live token of an active admin, and
 * otherwise answers 401 or 403 with {@code {"error": "…"}}. Never logs or echoes the token. Thread-safe.
 */
public final class ApiTokenGuard {
    private final ApiTokenService tokens;

    public ApiTokenGuard(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    /** The admin the request acts for, or empty once the refusal has been written to {@code ctx}. */
    public Optional<Actor> admin(Context ctx) {
        return caller(ctx).map(Caller::actor);
    }

    /** Who called: the admin, and the id of the token they called with (what a pushed reading remembers). */
    public record Caller(Actor actor, long tokenId) {}

    /** The admin and token the request acts with, or empty once the refusal has been written to {@code ctx}. */
    public Optional<Caller> caller(Context ctx) {
        ApiTokenService.Check check = tokens.check(ctx.header(Header.AUTHORIZATION));
        if (check instanceof ApiTokenService.Check.Granted granted) {
            return Optional.of(new Caller(granted.actor(), granted.token().id()));
        }
        ApiTokenService.Check.Refused refused = (ApiTokenService.Check.Refused) check;
        if (refused.status() == 401) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
        }
        ctx.status(refused.status()).json(Map.of("error", refused.reason()));
        return Optional.empty();
    }
}

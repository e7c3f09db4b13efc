package dev.drumbeat.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each slash command once. Slack never sends a slash command twice, so a validly signed request whose signature
 * was already seen is someone replaying a captured request; it is acknowledged with nothing done. A signature is kept
 * a little longer than the five minutes {@link RequestVerifier} accepts a timestamp for, after which the old
 * request is refused as expired anyway; every {@value #PRUNE_EVERY}th command prunes older ones. Bolt middleware;
 * thread-safe.
 */
public final class SlashCommandReplays implements Middleware {
    static final int PRUNE_EVERY = 500;
    static final Duration KEEP = Duration.ofMinutes(15);
    private static final String SIGNATURE = "X-Slack-Signature";
    private static final Logger log = LoggerFactory.getLogger(SlashCommandReplays.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final AtomicLong commands = new AtomicLong();

    public SlashCommandReplays(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() != RequestType.Command) {
            return chain.next(req);
        }
        String signature = req.getHeaders().getFirstValue(SIGNATURE);
        if (signature == null || firstSighting(signature)) {
            return chain.next(req);
        }
        log.warn("a slash command arrived again with a signature already used; dropped as a replay");
        return Response.ok();
    }

    private boolean firstSighting(String signature) {
        boolean first = jdbi.withExtension(SlackCommandsDao.class, dao -> dao.see(signature, clock.instant())) == 1;
        if (commands.incrementAndGet() % PRUNE_EVERY == 0) {
            int pruned = jdbi.withExtension(
                    SlackCommandsDao.class,
                    dao -> dao.forgetSeenBefore(clock.instant().minus(KEEP)));
            log.debug("forgot {} slash command signatures older than {}", pruned, KEEP);
        }
        return first;
    }
}

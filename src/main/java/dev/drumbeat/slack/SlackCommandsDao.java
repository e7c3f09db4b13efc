package dev.drumbeat.slack;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code slack_commands_seen}: the signatures of slash commands already run, so a replayed one runs no more. */
interface SlackCommandsDao {

    /** Records a signature; 1 the first time it is seen, 0 after (first writer wins). */
    @SqlUpdate("insert into slack_commands_seen (signature, seen_at) values (:signature, :now) on conflict do nothing")
    int see(@Bind("signature") String signature, @Bind("now") Instant now);

    @SqlUpdate("delete from slack_commands_seen where seen_at < :before")
    int forgetSeenBefore(@Bind("before") Instant before);
}

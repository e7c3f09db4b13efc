package dev.drumbeat.slack;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code slack_events_seen}: the Events API event ids already handled, so a retried event runs once. */
interface SlackEventsDao {

    /** Records an event id; 1 the first time it is seen, 0 after (first writer wins). */
    @SqlUpdate("""
            insert into slack_events_seen (event_id, team_id, seen_at) values (:id, :team, :now)
            on conflict (event_id) do nothing""")
    int see(@Bind("id") String eventId, @Bind("team") String teamId, @Bind("now") Instant now);

    @SqlUpdate("delete from slack_events_seen where event_id = :id")
    void forget(@Bind("id") String eventId);

    @SqlUpdate("delete from slack_events_seen where seen_at < :before")
    int forgetSeenBefore(@Bind("before") Instant before);
}

package dev.drumbeat.slack;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code slack_events_seen}: the Events API event ids already handled, so a retried event runs once. */
interface SlackEventsDao {

    /**
     * Records an event id; 1 the first time it is seen, or when an earlier delivery was seen before {@code staleBefore}
     * and never marked handled (its handlers failed or its instance died), so this one takes it over; 0 otherwise.
     */
    @SqlUpdate("""
            insert into slack_events_seen (event_id, team_id, seen_at) values (:id, :team, :now)
            on conflict (event_id) do update set seen_at = excluded.seen_at
             where slack_events_seen.handled_at is null and slack_events_seen.seen_at < :staleBefore""")
    int see(
            @Bind("id") String eventId,
            @Bind("team") String teamId,
            @Bind("now") Instant now,
            @Bind("staleBefore") Instant staleBefore);

    @SqlUpdate("update slack_events_seen set handled_at = :now where event_id = :id")
    void handled(@Bind("id") String eventId, @Bind("now") Instant now);

    @SqlUpdate("delete from slack_events_seen where event_id = :id")
    void forget(@Bind("id") String eventId);

    @SqlUpdate("delete from slack_events_seen where seen_at < :before")
    int forgetSeenBefore(@Bind("before") Instant before);
}

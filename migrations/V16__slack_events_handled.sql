-- When an event's handlers finished. An id seen but never marked handled belongs to a delivery whose handlers
-- failed, or whose instance died, possibly with the database gone so its id could not be forgotten: Slack's later
-- retry (a minute on) takes such an id over and runs the event, rather than being dropped as a repeat.
alter table slack_events_seen add column handled_at timestamptz;
update slack_events_seen set handled_at = seen_at;

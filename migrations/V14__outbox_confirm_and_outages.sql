-- A chat.postMessage whose call began but whose answer was never recorded (the sender died mid-call, or the call
-- timed out) may or may not be in Slack. unconfirmed_since is when its first such call began: before it is sent
-- again, the channel's history from that moment is searched for the message's outbox key (carried in its
-- metadata), so it is marked sent if Slack has it and posted if not.
alter table slack_outbox add column unconfirmed_since timestamptz;

-- When the row's current run of failed calls began: a message is given up only after failing this long
-- (hours), not after a count of attempts, so an outage of Slack loses nothing.
alter table slack_outbox add column first_failed_at timestamptz;

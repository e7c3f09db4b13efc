-- When the sender actually began the Slack call for a claimed row. A row claimed by a sender that crashed
-- before calling Slack was never sent and goes back to pending; one whose call had begun may have reached
-- Slack and is declared dead instead of being resent.
alter table slack_outbox add column call_started_at timestamptz;

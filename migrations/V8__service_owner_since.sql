-- When a service's current owner took it on: a new owner owes no check-in for weeks before that, so the
-- escalation rules do not call the service stale the moment someone takes it over.
alter table services add column owner_since timestamptz;
update services set owner_since = created_at;
alter table services alter column owner_since set default now();
alter table services alter column owner_since set not null;

-- Weekly check-ins and the Slack outbox.

-- Every outgoing Slack call is a row here, written in the same transaction as the change that caused
-- it; a sender drains it. dedupe_key makes each logical message go out at most once.
create table slack_outbox (
    id               bigserial primary key,
    team_id          text not null references workspaces (team_id),
    dedupe_key       text not null unique,
    method           text not null,
    channel          text,
    args             jsonb not null,
    state            text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'dead')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    claimed_by       text,
    claimed_at       timestamptz,
    last_error       text,
    result_channel   text,
    result_ts        text,
    created_at       timestamptz not null,
    sent_at          timestamptz
);
create index slack_outbox_due on slack_outbox (next_attempt_at) where state = 'pending';
create index slack_outbox_sending on slack_outbox (claimed_at) where state = 'sending';
create index slack_outbox_dead on slack_outbox (team_id, created_at) where state = 'dead';

-- Away: prompts go to a deputy, or the period is excused.
alter table people add column away_until date;
alter table people add column away_deputy_id text;

-- One weekly DM per person per period, listing the services they answer for that week.
create table checkin_prompts (
    id               bigserial primary key,
    team_id          text not null,
    user_id          text not null,
    period_start     date not null,
    outbox_key       text not null,
    prompted_at      timestamptz not null,
    reminder_due_at  timestamptz not null,
    reminded_at      timestamptz,
    unique (team_id, user_id, period_start),
    foreign key (team_id, user_id) references people (team_id, user_id)
);

create table checkin_prompt_services (
    prompt_id     bigint not null references checkin_prompts (id) on delete cascade,
    service_id    bigint not null references services (id) on delete cascade,
    covering_for  text,
    primary key (prompt_id, service_id)
);
create index checkin_prompt_services_service on checkin_prompt_services (service_id);

-- A period nobody had to answer for: the owner was away and no deputy covered.
create table checkin_excusals (
    service_id    bigint not null references services (id) on delete cascade,
    team_id       text not null,
    period_start  date not null,
    reason        text not null,
    created_at    timestamptz not null,
    primary key (service_id, period_start)
);

-- Re-submitting in the same period edits the check-in; keep when and how often.
alter table checkins add column updated_at timestamptz;
alter table checkins add column revision integer not null default 1;

-- Slack retries an event up to three times; an event id seen once is not acted on again.
create table slack_events_seen (
    event_id  text primary key,
    team_id   text not null,
    seen_at   timestamptz not null
);

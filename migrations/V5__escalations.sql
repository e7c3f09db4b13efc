-- Escalations: silence and orphaned services climb a ladder to leadership; and the weekly digest.

-- Thresholds and timings, per workspace; a row is created with the defaults when first needed.
create table escalation_settings (
    team_id              text primary key references workspaces (team_id),
    grace_hours          integer not null default 48 check (grace_hours between 0 and 336),
    red_streak           integer not null default 2 check (red_streak between 1 and 52),
    kpi_off_periods      integer not null default 3 check (kpi_off_periods between 1 and 52),
    level2_after_hours   integer not null default 48 check (level2_after_hours between 1 and 720),
    level3_after_hours   integer not null default 96 check (level3_after_hours between 1 and 1440),
    digest_day           text not null default 'FRIDAY',
    digest_hour          integer not null default 16 check (digest_hour between 0 and 23),
    digest_tz            text not null default 'UTC'
);

-- One open escalation per item and reason; closed ones stay as history.
create table escalations (
    id                bigserial primary key,
    team_id           text not null references workspaces (team_id),
    subject_kind      text not null check (subject_kind in ('service', 'initiative')),
    subject_id        bigint not null,
    reason            text not null check (reason in ('stale', 'ownerless', 'red_streak', 'kpi_off_target',
                                                      'initiative_slipping', 'away_uncovered')),
    detail            text not null default '',
    level             integer not null check (level between 1 and 3),
    opened_at         timestamptz not null,
    level_changed_at  timestamptz not null,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    snoozed_until     timestamptz,
    snoozed_by        text,
    snooze_reason     text,
    closed_at         timestamptz,
    close_reason      text
);
create unique index escalations_one_open on escalations (team_id, subject_kind, subject_id, reason) where closed_at is null;
create index escalations_open_by_team on escalations (team_id, opened_at) where closed_at is null;

-- Each place an escalation was posted (a DM, a team channel, the leadership channel), so the message is
-- updated in place as it climbs or closes.
create table escalation_messages (
    escalation_id  bigint not null references escalations (id) on delete cascade,
    channel        text not null,
    outbox_key     text not null,
    posted_level   integer not null,
    primary key (escalation_id, channel)
);

-- The weekly leadership digest, once per workspace per week.
create table digests (
    team_id       text not null references workspaces (team_id),
    period_start  date not null,
    outbox_key    text not null,
    created_at    timestamptz not null,
    primary key (team_id, period_start)
);

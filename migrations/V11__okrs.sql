-- Objectives and key results, per quarter. A measured key result follows one KPI from a baseline to a target; a
-- milestone is done or not, with evidence. Owners of key results say each week how confident they are.

create table objectives (
    id           bigserial primary key,
    team_id      text not null references workspaces (team_id),
    quarter      text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    title        text not null check (length(title) between 1 and 200),
    owner_id     text,
    status       text not null default 'open' check (status in ('open', 'closed', 'rolled_over')),
    rolled_from  bigint references objectives (id),
    created_at   timestamptz not null,
    foreign key (team_id, owner_id) references people (team_id, user_id)
);
create index objectives_by_quarter on objectives (team_id, quarter);

create table key_results (
    id            bigserial primary key,
    team_id       text not null references workspaces (team_id),
    objective_id  bigint not null references objectives (id) on delete cascade,
    title         text not null check (length(title) between 1 and 200),
    kind          text not null check (kind in ('measured', 'milestone')),
    owner_id      text,
    kpi_id        bigint references kpis (id) on delete set null,
    baseline      numeric(18, 4),
    target        numeric(18, 4),
    done          boolean not null default false,
    evidence      text not null default '',
    created_at    timestamptz not null,
    foreign key (team_id, owner_id) references people (team_id, user_id),
    check (kind = 'milestone' or target is not null)
);
create index key_results_by_objective on key_results (objective_id);
create index key_results_by_kpi on key_results (kpi_id) where kpi_id is not null;

create table key_result_confidence (
    key_result_id  bigint not null references key_results (id) on delete cascade,
    period_start   date not null,
    confidence     text not null check (confidence in ('on_track', 'at_risk', 'off_track')),
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    primary key (key_result_id, period_start)
);

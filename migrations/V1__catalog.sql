-- Drumbeat's first schema: workspaces, people, the service catalog, KPIs and readings,
-- initiatives, check-ins and the audit log. Every workspace-owned row carries team_id.

create table workspaces (
    team_id     text primary key,
    name        text not null default '',
    created_at  timestamptz not null default now()
);

create table people (
    team_id      text not null references workspaces (team_id),
    user_id      text not null,
    name         text not null,
    real_name    text,
    tz           text not null default 'UTC',
    deactivated  boolean not null default false,
    role         text not null default 'member' check (role in ('member', 'leadership', 'admin')),
    updated_at   timestamptz not null default now(),
    primary key (team_id, user_id)
);

create table services (
    id              bigserial primary key,
    team_id         text not null references workspaces (team_id),
    key             text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name            text not null check (length(name) between 1 and 120),
    tier            text not null check (tier in ('strategic', 'core', 'secondary')),
    is_protected    boolean not null default false,
    owner_id        text,
    deputy_id       text,
    team_channel    text,
    unit_cost       numeric(14, 2) not null default 0 check (unit_cost >= 0),
    unit_name       text not null default 'unit',
    monthly_demand  numeric(14, 2) not null default 0 check (monthly_demand >= 0),
    monthly_value   numeric(14, 2) not null default 0 check (monthly_value >= 0),
    description     text not null default '',
    active          boolean not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (team_id, key),
    foreign key (team_id, owner_id) references people (team_id, user_id),
    foreign key (team_id, deputy_id) references people (team_id, user_id)
);
create index services_owner on services (team_id, owner_id);

create table kpis (
    id          bigserial primary key,
    team_id     text not null references workspaces (team_id),
    service_id  bigint not null references services (id) on delete cascade,
    key         text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text not null,
    unit        text not null default '',
    target      numeric(18, 4) not null,
    direction   text not null check (direction in ('up', 'down')),
    warn_margin numeric(18, 4),
    created_at  timestamptz not null default now(),
    unique (service_id, key)
);
create index kpis_team on kpis (team_id);

create table kpi_readings (
    id            bigserial primary key,
    team_id       text not null references workspaces (team_id),
    kpi_id        bigint not null references kpis (id) on delete cascade,
    period_start  date not null,
    value         numeric(18, 4) not null,
    source        text not null default 'slack',
    recorded_by   text,
    recorded_at   timestamptz not null default now(),
    unique (kpi_id, period_start, source)
);
create index kpi_readings_latest on kpi_readings (kpi_id, period_start desc);

create table initiatives (
    id                 bigserial primary key,
    team_id            text not null references workspaces (team_id),
    key                text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name               text not null,
    owner_id           text,
    budget             numeric(14, 2) not null default 0 check (budget >= 0),
    monthly_slip_cost  numeric(14, 2) not null default 0 check (monthly_slip_cost >= 0),
    due_date           date,
    status             text not null default 'active' check (status in ('planned', 'active', 'done', 'cancelled')),
    is_protected       boolean not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    unique (team_id, key),
    foreign key (team_id, owner_id) references people (team_id, user_id)
);

create table initiative_services (
    initiative_id  bigint not null references initiatives (id) on delete cascade,
    service_id     bigint not null references services (id) on delete cascade,
    team_id        text not null references workspaces (team_id),
    primary key (initiative_id, service_id)
);

create table checkins (
    id            bigserial primary key,
    team_id       text not null references workspaces (team_id),
    service_id    bigint not null references services (id) on delete cascade,
    period_start  date not null,
    status        text not null check (status in ('green', 'amber', 'red')),
    hurdle        text not null default '',
    note          text not null default '',
    submitted_by  text not null,
    submitted_at  timestamptz not null,
    unique (service_id, period_start)
);
create index checkins_latest on checkins (service_id, period_start desc);

create table audit_log (
    id          bigserial primary key,
    team_id     text not null references workspaces (team_id),
    actor       text not null,
    at          timestamptz not null,
    entity      text not null,
    entity_key  text not null,
    action      text not null,
    before      jsonb,
    after       jsonb
);
create index audit_log_entity on audit_log (team_id, entity, entity_key, at desc);

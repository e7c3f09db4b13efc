-- KPIs, and a service's monthly demand, measured where they live: each binding is a PromQL expression Drumbeat
-- evaluates at the end of every period (a KPI's week, demand's calendar month) in the owner's time zone.
create table measure_bindings (
    id                 bigserial primary key,
    team_id            text not null references workspaces (team_id),
    service_id         bigint not null references services (id) on delete cascade,
    -- null: the binding measures the service's monthly demand
    kpi_id             bigint references kpis (id) on delete cascade,
    query              text not null check (length(query) between 1 and 2000),
    bound_by           text not null,
    bound_at           timestamptz not null,
    -- the latest period evaluated, measured or not; null until the first evaluation
    evaluated_through  date,
    -- how many periods running, up to the latest evaluated, gave no number
    failing_periods    integer not null default 0 check (failing_periods >= 0)
);
create unique index measure_bindings_kpi on measure_bindings (kpi_id) where kpi_id is not null;
create unique index measure_bindings_demand on measure_bindings (service_id) where kpi_id is null;
create index measure_bindings_team on measure_bindings (team_id);

-- What each evaluation gave: a number, or the reason there is none. A KPI's number is also a kpi_readings row with
-- source 'prometheus' unless a person typed or a system pushed a reading for the same week; this row keeps the
-- measurement beside it either way, with the query it came from.
create table measure_results (
    binding_id    bigint not null references measure_bindings (id) on delete cascade,
    period_start  date not null,
    query         text not null,
    value         numeric,
    reason        text check (reason in ('unreachable', 'timed_out', 'query_error', 'empty', 'stale', 'several_series',
                                         'not_a_number', 'out_of_range', 'not_configured')),
    detail        text not null default '',
    measured_at   timestamptz not null,
    recorded_at   timestamptz not null,
    primary key (binding_id, period_start),
    check ((value is null) <> (reason is null))
);

alter table escalations drop constraint escalations_reason_check;
alter table escalations add constraint escalations_reason_check
    check (reason in ('stale', 'ownerless', 'red_streak', 'kpi_off_target', 'initiative_slipping', 'away_uncovered',
                      'cost_drift', 'unallocated_spend', 'measure_failing'));

-- 'prometheus' is from now on the source of Drumbeat's own measurements; readings systems pushed under that name
-- before keep their values under 'prometheus-push', the name such pushes are stored under from now on.
update kpi_readings r set source = 'prometheus-push'
 where source = 'prometheus'
   and not exists (select 1 from kpi_readings o
                    where o.kpi_id = r.kpi_id and o.period_start = r.period_start and o.source = 'prometheus-push');

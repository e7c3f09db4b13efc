-- Costs by the month they belong to, which is not always the invoice's: a correction (ChargeClass = Correction)
-- arrives in a later invoice but counts in the month it corrects. The invoice month stays the unit an import
-- replaces, so importing a month again never counts its corrections twice.
alter table cost_allocations add column cost_month date;
update cost_allocations set cost_month = (billing_period_start at time zone 'UTC')::date;
alter table cost_allocations alter column cost_month set not null;
alter table cost_allocations drop constraint cost_allocations_pkey;
alter table cost_allocations add primary key (team_id, billing_account_id, billing_period_start, cost_month, service_id);
create index cost_allocations_by_month on cost_allocations (team_id, cost_month, service_id);

-- What no rule took, by the month it belongs to.
create table cost_unallocated (
    team_id              text not null,
    billing_account_id   text not null,
    billing_period_start timestamptz not null,
    cost_month           date not null,
    effective_cost       numeric(20, 6) not null,
    primary key (team_id, billing_account_id, billing_period_start, cost_month),
    foreign key (team_id, billing_account_id, billing_period_start)
        references cost_periods (team_id, billing_account_id, billing_period_start) on delete cascade
);
insert into cost_unallocated
select team_id, billing_account_id, billing_period_start, (billing_period_start at time zone 'UTC')::date,
       unallocated_cost
  from cost_periods
 where unallocated_cost <> 0;
create index cost_unallocated_by_month on cost_unallocated (team_id, cost_month);

-- A bill in another currency than the workspace's is stored converted at the rate an admin set, and says so:
-- currency is the bill's, exchange_rate what one unit of it was counted as (null: the workspace's own currency).
alter table cost_periods add column exchange_rate numeric(20, 10);

-- The files an import read, as absolute paths, so a preview of new rules, or re-allocating by them, can read them
-- again while they are still there.
alter table cost_imports add column files text[] not null default '{}';
